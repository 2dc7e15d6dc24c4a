#!/usr/bin/env node
// Takes a screenshot of a page in headless Chromium, to look at what we build.
// Usage: node scripts/screenshot.mjs URL OUT.png [--width 390] [--height 844] [--dark] [--full] [--wait-for SELECTOR]
//        [--scroll-to ID] [--reduced-motion] [--delay MS] [--print] [--no-js] [--at top|middle|end]
// --no-js loads the page with JavaScript off; --at takes one screen of the full page at its top, middle or end.
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';

const args = process.argv.slice(2);
const [url, out] = args;
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [--width N] [--height N] [--dark] [--full] [--wait-for SEL] [--delay MS]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const flag = (name) => args.includes(`--${name}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});
try {
  const page = await browser.newPage({
    viewport: { width: Number(option('width', 1440)), height: Number(option('height', 900)) },
    colorScheme: flag('dark') ? 'dark' : 'light',
    reducedMotion: flag('reduced-motion') ? 'reduce' : 'no-preference',
    deviceScaleFactor: 1,
    javaScriptEnabled: !flag('no-js'),
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.error(`[page ${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  if (flag('print')) await page.emulateMedia({ media: 'print' });
  await page.goto(url, { waitUntil: 'networkidle' });
  const selector = option('wait-for', null);
  if (selector) await page.waitForSelector(selector, { timeout: 10_000 });
  await page.waitForTimeout(Number(option('delay', 1200)));
  const at = option('at', null);
  if (at) {
    // A clip of the full page: no scrolling, which a page without JavaScript cannot be asked to do.
    const viewport = page.viewportSize();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const y = { top: 0, middle: Math.round((height - viewport.height) / 2), end: height - viewport.height }[at];
    if (y === undefined) throw new Error(`--at takes top, middle or end, not "${at}"`);
    await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Math.max(0, y), width: viewport.width, height: viewport.height } });
  } else {
    await page.screenshot({ path: out, fullPage: flag('full') });
  }
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
