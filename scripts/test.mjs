#!/usr/bin/env node
// `npm test`: every check, in order, with one summary line at the end ("N passed, N failed").
//   1. typecheck (tsc) and lint (oxlint), 2. build (the browser tests read dist/), 3. unit tests (node:test),
//   4. browser tests in Chromium, 5. the same in Firefox ESR.
// Browsers: CHROME_PATH / FIREFOX_PATH if set, else Debian's /usr/bin/chromium and /usr/bin/firefox-esr,
// installed with apt-get where that is possible, else a message that says what to install.
// Options: --browser-only (skip typecheck, build and unit tests), --unit-only (only the Node tests),
// --only chromium|firefox.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const browserOnly = args.includes('--browser-only');
const unitOnly = args.includes('--unit-only');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(command, commandArgs, env = {}) {
  console.log(`\n$ ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A whole step that passes or fails as one check (typecheck, build). */
function check(name, ok) {
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(name);
  }
}

function findBrowser(name, envVar, path, debianPackage) {
  const candidate = process.env[envVar] ?? path;
  if (existsSync(candidate)) return candidate;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.log(`\n${name} is missing: installing Debian's ${debianPackage} with apt-get`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', debianPackage], { DEBIAN_FRONTEND: 'noninteractive' });
    if (existsSync(path)) return path;
  }
  console.error(
    `\n${name} was not found at ${candidate}. Install it (Debian/Ubuntu: sudo apt-get install ${debianPackage}) ` +
      `or point ${envVar} at a ${name} binary, then run npm test again.`,
  );
  return null;
}

function unitFiles() {
  return readdirSync('test/unit')
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join('test/unit', file));
}

function unitTests() {
  const tap = join(mkdtempSync(join(tmpdir(), 'fl-unit-')), 'unit.tap');
  run('node', [
    '--import', 'tsx',
    '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...unitFiles(),
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  if (!text) {
    totals.failed++;
    failures.push('unit tests did not run');
    return;
  }
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += count('skipped') + count('todo');
  if (failed) failures.push(`${failed} unit test(s)`);
}

/**
 * One browser's tests, in two parts (web-test-runner.config.mjs): the component files two at a time, then the
 * page files one at a time.
 */
function browserTests(browser, envVar, executable) {
  for (const part of ['components', 'pages']) browserPart(browser, envVar, executable, part);
}

function browserPart(browser, envVar, executable, part) {
  const counts = join(mkdtempSync(join(tmpdir(), 'fl-wtr-')), 'counts.json');
  const ok = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], {
    FL_BROWSER: browser,
    FL_PART: part,
    FL_COUNTS_FILE: counts,
    [envVar]: executable,
  });
  if (!existsSync(counts)) {
    totals.failed++;
    failures.push(`${browser} (${part}): the test runner did not finish`);
    return;
  }
  const result = JSON.parse(readFileSync(counts, 'utf8'));
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
  for (const failure of result.failures) failures.push(`${browser}: ${failure}`);
  if (!ok && result.failed === 0) {
    totals.failed++;
    failures.push(`${browser} (${part}): the test runner exited with an error`);
  }
}

if (unitOnly) unitTests();
else if (!browserOnly) {
  check('typecheck', run('npx', ['tsc', '-b']));
  // Lint, with the import boundaries (.oxlintrc.json): charts import no engine, browser code no build code.
  check('lint', run('npx', ['oxlint', '--deny-warnings', 'src', 'scripts', 'test']));
  check('build', run('npm', ['run', 'build', '--silent']));
  // The site again with a chart the tests define and register (test/browser/test-chart.test.ts reads it).
  check('build with the test chart', run('npm', ['run', 'build:test-chart', '--silent']));
  unitTests();
}

const browsers = unitOnly ? [] : [
  ['chromium', 'CHROME_PATH', '/usr/bin/chromium', 'chromium'],
  ['firefox', 'FIREFOX_PATH', '/usr/bin/firefox-esr', 'firefox-esr'],
].filter(([name]) => !only || only === name);
for (const [name, envVar, path, debianPackage] of browsers) {
  const executable = findBrowser(name === 'chromium' ? 'Chromium' : 'Firefox ESR', envVar, path, debianPackage);
  if (!executable) {
    totals.failed++;
    failures.push(`${name}: browser not found`);
    continue;
  }
  browserTests(name, envVar, executable);
}

if (failures.length) {
  console.log('\nFailed:');
  for (const failure of failures) console.log(`  - ${failure}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed ? 1 : 0);
