#!/usr/bin/env node
// What a screen reader says reading the whole story, as @guidepup/virtual-screen-reader hears it (the same reader
// the browser tests use): the header read line by line, then each step reached with "Next step" and read to its
// end, with every live announcement where it falls, then the rest of the page. Prints the transcript; with OUT,
// also writes its first LINES lines there (two screens of 24 lines by default).
// Usage: node scripts/screen-reader-transcript.mjs [BASE_URL] [OUT] [LINES]   (BASE_URL default http://localhost:4173/)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';

const [base = 'http://localhost:4173/', out, lines = '48'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const bundle = readFileSync(join(dirname(require.resolve('@guidepup/virtual-screen-reader/package.json')), 'lib/esm/index.browser.js'), 'utf8');

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
try {
  // The page's CSP allows no script of ours: the screen reader comes in as a module the page's origin serves.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await context.addInitScript(() => localStorage.setItem('frontlines-motion', 'off'));
  const page = await context.newPage();
  await page.route('**/__virtual-screen-reader.js', (route) => route.fulfill({ body: bundle, contentType: 'text/javascript' }));
  await page.goto(base, { waitUntil: 'networkidle' });
  await page.addScriptTag({ type: 'module', content: "import { virtual } from '/__virtual-screen-reader.js'; window.__virtual = virtual;" });
  await page.waitForFunction(() => 'virtual' in window || '__virtual' in window);
  const transcript = await page.evaluate(async () => {
    const virtual = window.__virtual;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    await virtual.start({ container: document.body });
    const last = async () => virtual.lastSpokenPhrase();
    // The header, up to the story's steps.
    for (let i = 0; i < 80 && !(await last()).startsWith('navigation, Steps'); i++) await virtual.next();
    const next = document.querySelector('.fl-step-nav-next');
    const live = document.querySelector('.fl-step-live');
    const stepCount = document.querySelectorAll('.step').length;
    for (let n = 0; n < stepCount; n++) {
      const before = live.textContent;
      next.click();
      // Until the chart has drawn and said its sentence (or two seconds, if the sentence is the same).
      for (let t = 0; t < 120 && live.textContent === before; t++) await frame();
      await wait(50);
      for (let i = 0; i < 60; i++) {
        await virtual.next();
        if ((await last()).startsWith('end of group')) break;
      }
    }
    // The rest of the page: the prose after the steps, the footer.
    for (let i = 0; i < 200; i++) {
      const before = (await virtual.spokenPhraseLog()).length;
      await virtual.next();
      const log = await virtual.spokenPhraseLog();
      if (log.length === before || log.at(-1) === 'end of document') break;
    }
    return virtual.spokenPhraseLog();
  });
  console.log(transcript.join('\n'));
  if (out) {
    writeFileSync(out, `${transcript.slice(0, Number(lines)).join('\n')}\n`);
    console.error(`wrote the first ${lines} of ${transcript.length} lines to ${out}`);
  }
} finally {
  await browser.close();
}
