// Browser tests: every file in test/browser runs in Debian's Chromium and in Firefox ESR.
// FL_BROWSER picks one (chromium | firefox); scripts/test.mjs runs both and adds up the results.
// FL_PART picks a part: `components` (the files that mount one chart element in the test page, two files at a
// time) or `pages` (the files that open the built story, the presenter view or an embed page in a frame, resize
// the window, move focus or time long tasks and layout shifts: one file at a time, as a background tab would
// throttle them). No FL_PART: every file, one at a time. FL_FILES names files instead; FL_CONCURRENCY overrides.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { CHROMIUM_FLAGS } from './scripts/chromium-flags.mjs';

const browser = process.env.FL_BROWSER ?? 'chromium';
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const COMPONENT_TESTS = ['casualties', 'dataset', 'distance-map', 'drawings', 'font-remeasure', 'hostile-input', 'legends', 'timeline'].map(
  (name) => `test/browser/${name}.test.ts`,
);
const part = process.env.FL_PART;
const files = process.env.FL_FILES
  ? process.env.FL_FILES.split(',')
  : part === 'components'
    ? COMPONENT_TESTS
    : part === 'pages'
      ? ['test/browser/**/*.test.ts', ...COMPONENT_TESTS.map((file) => `!${file}`)]
      : ['test/browser/**/*.test.ts'];
const concurrency = Number(process.env.FL_CONCURRENCY ?? (part === 'components' ? 2 : 1));

// Two files at a time are two pages: keep the timers of the one not in front running.
const chromeArgs = [
  ...CHROMIUM_FLAGS,
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * Each test file's page in a window of its own: a second tab in one window would hide the first (two files run
 * at once, see FL_PART), and a hidden page gets no animation frames, which the charts draw in.
 */
const pageInItsOwnWindow = ({ context }) => context.newPage({ type: 'window' });

/**
 * Puppeteer sets a page's viewport in Firefox with two WebDriver BiDi commands, the size and the screen orientation;
 * Firefox ESR 140 (Debian's) does not know the second and answers "unknown command", which failed every setViewport
 * and so every test file. Puppeteer tolerates the same answer to its touch override; here the orientation gets the
 * same treatment (no test depends on it). Patched in the CommonJS build, the one @web/test-runner-puppeteer loads.
 */
function tolerateMissingOrientationOverride() {
  const require = createRequire(import.meta.url);
  const { BrowsingContext } = require('puppeteer-core/internal/bidi/core/BrowsingContext.js');
  const original = BrowsingContext.prototype.setScreenOrientationOverride;
  if (!original || original.tolerant) return;
  const tolerant = async function (...args) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      if (/unknown command|unsupported operation/.test(String(error?.message))) return undefined;
      throw error;
    }
  };
  tolerant.tolerant = true;
  BrowsingContext.prototype.setScreenOrientationOverride = tolerant;
}

const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: { executablePath: chromium, headless: true, args: chromeArgs },
      createPage: pageInItsOwnWindow,
    }),
  firefox: () => {
    tolerateMissingOrientationOverride();
    return puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: firefox,
        headless: true,
        extraPrefsFirefox: { 'ui.prefersReducedMotion': 0, 'dom.disable_open_during_load': false },
      },
      createPage: pageInItsOwnWindow,
    });
  },
};

/** Writes passed/failed/skipped counts where scripts/test.mjs can read them. */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
      const walk = (suite, path, file) => {
        for (const test of suite.tests) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else {
            counts.failed++;
            counts.failures.push(`${file}: ${[...path, test.name].join(' > ')}: ${test.error?.message ?? ''}`);
          }
        }
        for (const child of suite.suites) walk(child, [...path, child.name], file);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults, [], session.testFile);
        const loadErrors = session.errors ?? [];
        if (loadErrors.length || (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length)) {
          counts.failed++;
          counts.failures.push(`${session.testFile}: could not run: ${loadErrors.map((e) => e.message).join('; ')}`);
        }
      }
      if (process.env.FL_COUNTS_FILE) writeFileSync(process.env.FL_COUNTS_FILE, JSON.stringify(counts));
    },
  };
}

/** Endpoints the hostile-input tests need: a data URL that takes far longer to answer than a chart waits. */
function testEndpoints() {
  return {
    name: 'frontlines-test-endpoints',
    async serve(context) {
      if (context.path === '/__test/slow.csv') {
        await new Promise((resolve) => setTimeout(resolve, 15_000));
        return { body: 'id\n', type: 'text/csv' };
      }
      // A built font file that arrives late, as on a slow network: the page paints in the fallback first.
      const lateFont = /^\/__test\/late-font\/([\w.-]+\.woff2)$/.exec(context.path);
      if (lateFont) {
        await new Promise((resolve) => setTimeout(resolve, 800));
        return { body: readFileSync(`dist/assets/${lateFont[1]}`), type: 'font/woff2' };
      }
      return undefined;
    },
  };
}

/**
 * `forced-colors`: forced colours (Windows High Contrast) on or off, emulated through the DevTools protocol in
 * Chromium. Firefox over WebDriver BiDi has no such emulation: the command answers false there.
 */
function forcedColorsCommand() {
  const clients = new Map();
  return {
    name: 'frontlines-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      if (browser !== 'chromium') return false;
      let client = clients.get(session.id);
      if (!client) {
        client = await session.browser.getPage(session.id).createCDPSession();
        clients.set(session.id, client);
      }
      const value = payload?.active ? 'active' : 'none';
      await client.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value }] });
      return true;
    },
  };
}

export default {
  files,
  nodeResolve: true,
  rootDir: '.',
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.base.json' }), testEndpoints(), forcedColorsCommand()],
  browsers: [launchers[browser]()],
  concurrency,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countsReporter()],
};
