#!/usr/bin/env node
// Screenshots of the reader's controls (src/reader/), against a served build: the Animation switch in the header,
// Previous/Next step with keyboard focus and on a phone beside the pinned graphic, the offer to continue, and the
// story in forced colours (Windows High Contrast, emulated).
// Usage: node scripts/reader-screenshots.mjs [BASE_URL] [OUT_DIR]   (defaults: http://localhost:4173/, assets/screenshots)
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';

const base = process.argv[2] ?? 'http://localhost:4173/';
const outDir = process.argv[3] ?? 'assets/screenshots';
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });

async function open({ width, height, dark = false, forcedColors = 'none', storage = {}, hash = '' }) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: dark ? 'dark' : 'light', forcedColors, deviceScaleFactor: 1 });
  await context.addInitScript((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, storage);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(`${base}${hash}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(800);
  return { page, close: () => context.close() };
}

async function shot(page, name) {
  const path = `${outDir}/${name}.png`;
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
}

/** Tabs until focus is on the element matching `selector` (in the light DOM), at most `limit` presses. */
async function tabTo(page, selector, limit = 30) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

for (const dark of [false, true]) {
  const scheme = dark ? 'dark' : 'light';
  // Desktop: the header with the Animation switch and the offer to continue (a returning reader).
  {
    const { page, close } = await open({ width: 1440, height: 900, dark, storage: { 'frontlines-last-step': 'kstovo-strike' } });
    await shot(page, `reader-desktop-header-${scheme}`);
    // Previous/Next step, shown with keyboard focus, after stepping to the third step.
    await page.evaluate(() => document.querySelector('.fl-continue-dismiss')?.click());
    await tabTo(page, '.fl-step-nav-next');
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => document.querySelector('.fl-step-nav-next')?.click());
      await page.waitForTimeout(900);
    }
    await page.focus('.fl-step-nav-next');
    await page.waitForTimeout(600);
    await shot(page, `reader-desktop-step-nav-${scheme}`);
    await close();
  }
  // Phone: the header, then a step with the control beside the pinned graphic.
  {
    const { page, close } = await open({ width: 390, height: 844, dark, storage: { 'frontlines-last-step': 'kstovo-strike' } });
    await shot(page, `reader-phone-header-${scheme}`);
    await page.evaluate(() => document.querySelector('.fl-continue-go')?.click());
    await page.waitForTimeout(1500);
    await shot(page, `reader-phone-step-nav-${scheme}`);
    await close();
  }
}

// Presentation mode's toolbar, with its Animation switch.
{
  const { page, close } = await open({ width: 1440, height: 900, hash: '?present#kstovo-strike' });
  await page.mouse.move(1200, 800);
  await page.waitForTimeout(300);
  await shot(page, 'reader-present-toolbar');
  await close();
}

// Forced colours, each kind of chart, at desktop and phone sizes.
for (const [hash, name] of [['#hours-before', 'timeline'], ['#isis-claims', 'casualties'], ['#kstovo-strike', 'map']]) {
  const { page, close } = await open({ width: 1440, height: 900, forcedColors: 'active', dark: true, hash });
  await page.waitForTimeout(1500);
  await shot(page, `reader-forced-colors-${name}`);
  await close();
}
{
  const { page, close } = await open({ width: 390, height: 844, forcedColors: 'active', hash: '#preliminary-toll' });
  await page.waitForTimeout(1500);
  await shot(page, 'reader-forced-colors-phone');
  await close();
}
await browser.close();
