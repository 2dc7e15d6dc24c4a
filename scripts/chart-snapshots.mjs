#!/usr/bin/env node
// Every step's chart, as the page draws it, written down: the marks its layout computed and the SVG it drew, for
// each step of the story at a phone's and a desktop's width. Taken before code that draws the charts is moved and
// compared after, it shows whether a change of structure changed any picture.
//
// The marks are the element's last layout (its private `lastMarks`, read from outside as a test would).
//
// Usage: node scripts/chart-snapshots.mjs [--out DIR] [--check DIR]
//   Builds nothing: serve the built site first (npm run build), this starts `vite preview` on a free port itself.
//   --out   where to write the snapshots (default test/snapshots/charts)
//   --check compare with the snapshots in DIR instead of writing; prints each file that differs and exits 1 if any.
//
// Motion is reduced, so each chart jumps to its state; the page is light; fonts are waited for.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const check = option('check');
const out = option('out') ?? 'test/snapshots/charts';
const VIEWPORTS = [
  { name: '390', width: 390, height: 844 },
  { name: '1440', width: 1440, height: 900 },
];
const port = 5400 + Math.floor(Math.random() * 400);

const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes(String(port)) && resolve());
  server.on('exit', (code) => reject(new Error(`vite preview exited (${code})`)));
});

/** Round numbers in marks to a hundredth: enough to see a moved mark, not float noise. */
const stable = (value) => JSON.stringify(value, (_key, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v), 1);

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
const differences = [];
let written = 0;
try {
  for (const viewport of VIEWPORTS) {
    const page = await browser.newPage({ viewport, reducedMotion: 'reduce', colorScheme: 'light', deviceScaleFactor: 1 });
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await page.goto(`http://localhost:${port}/`, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const steps = await page.evaluate(() => [...document.querySelectorAll('fl-scrolly .step[id]')].map((step) => step.id));
    for (const id of steps) {
      await page.evaluate((stepId) => document.querySelector('fl-story').goTo(stepId), id);
      // The step's chart: drawn when its state's marks are in the svg, which a frame or two after the step change.
      // The step's chart: the section's active chart, of the step's kind, drawn (`data-drawn` holds the state it
      // last drew), with the map's geography loaded.
      const handle = await page.waitForFunction(
        (stepId) => {
          const step = document.getElementById(stepId);
          const wrapper = step?.closest('fl-scrolly')?.querySelector(`.scrolly-chart[data-active][data-chart="${step.dataset.chart}"]`);
          const chart = wrapper && [...wrapper.children].find((el) => el.localName.startsWith('fl-'));
          if (!chart?.shadowRoot?.querySelector('svg')) return false;
          if ('geographyStatus' in chart && chart.geographyStatus !== 'ready') return false;
          return chart.hasAttribute('data-drawn') && chart.localName;
        },
        id,
        { polling: 100, timeout: 15_000 },
      );
      const tag = await handle.jsonValue();
      // Until what it drew stops changing: the step's state may arrive a frame after the chart first drew.
      let drawn = null;
      for (let again = true; again; ) {
        await page.waitForTimeout(300);
        const now = await page.evaluate((t) => [...document.querySelectorAll(t)].map((el) => el.getAttribute('data-drawn')).join('|'), tag);
        again = now !== drawn;
        drawn = now;
      }
      const settled = await page.evaluate((stepId) => {
        const step = document.getElementById(stepId);
        const wrapper = step.closest('fl-scrolly').querySelector(`.scrolly-chart[data-active][data-chart="${step.dataset.chart}"]`);
        const chart = [...wrapper.children].find((el) => el.localName.startsWith('fl-'));
        const state = {};
        for (const attr of chart.attributes) if (!['data-drawn', 'style', 'class'].includes(attr.name)) state[attr.name] = attr.value;
        return { state, marks: chart.lastMarks.marks, svg: chart.shadowRoot.querySelector('svg').outerHTML };
      }, id);
      const value = { tag, state: settled.state };
      const files = {
        [`${viewport.name}/${id}.marks.json`]: `${stable({ chart: value.tag, state: value.state, marks: settled.marks })}\n`,
        [`${viewport.name}/${id}.svg`]: `${settled.svg.replace(/></g, '>\n<')}\n`,
      };
      for (const [name, text] of Object.entries(files)) {
        if (check) {
          const path = join(check, name);
          if (!existsSync(path) || readFileSync(path, 'utf8') !== text) differences.push(name);
        } else {
          mkdirSync(join(out, viewport.name), { recursive: true });
          writeFileSync(join(out, name), text);
          written += 1;
        }
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
  server.stdout.destroy();
}
if (check) {
  for (const name of differences) console.log(`differs: ${name}`);
  console.log(differences.length ? `${differences.length} snapshot files differ from ${check}` : `all snapshots match ${check}`);
  process.exit(differences.length ? 1 : 0);
}
console.log(`wrote ${written} snapshot files to ${out}`);
