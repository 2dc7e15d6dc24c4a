/**
 * Which steps Scrollama watches (src/scrolly/step-window.ts), in a section of 1,000 steps read from top to
 * bottom: the window never holds more than a dozen steps, always holds the active step and the next one, and
 * moves only every few step changes. Counting the moves and the steps set up shows that reading the whole section
 * costs per step what a short one does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangesKey, stepWindow, WINDOW_RADIUS, windowNeedsMove, type StepRange } from '../../src/scrolly/step-window.ts';
import { activeStepIndexBy } from '../../src/scrolly/active-step.ts';

const STEPS = 1000;
const size = (ranges: readonly StepRange[]): number => ranges.reduce((sum, range) => sum + range.end - range.start, 0);
const holds = (ranges: readonly StepRange[], index: number): boolean => ranges.some((range) => index >= range.start && index < range.end);

test('before a section is entered, its two ends are watched, where a reader comes in', () => {
  const ranges = stepWindow(STEPS, null);
  assert.equal(ranges.length, 2);
  assert.ok(holds(ranges, 0) && holds(ranges, STEPS - 1));
  assert.ok(size(ranges) <= 2 * (WINDOW_RADIUS + 1));
  assert.equal(windowNeedsMove(ranges, STEPS, null), false);
  // A short section is watched whole, once.
  assert.deepEqual(stepWindow(5, null), [{ start: 0, end: 5 }]);
  assert.deepEqual(stepWindow(5, 3), [{ start: 0, end: 5 }]);
  assert.equal(windowNeedsMove(stepWindow(5, 3), 5, 4), false);
});

test('reading 1,000 steps in order: a small window that moves every few steps and always holds the next step', () => {
  let ranges = stepWindow(STEPS, null);
  let moves = 0;
  let stepsSetUp = size(ranges);
  for (let active = 0; active < STEPS; active++) {
    if (windowNeedsMove(ranges, STEPS, active)) {
      ranges = stepWindow(STEPS, active);
      moves++;
      stepsSetUp += size(ranges);
    }
    assert.ok(holds(ranges, active), `step ${active} is watched`);
    if (active + 1 < STEPS) assert.ok(holds(ranges, active + 1), `the step after ${active} is watched`);
    if (active > 0) assert.ok(holds(ranges, active - 1), `the step before ${active} is watched`);
    assert.ok(size(ranges) <= 2 * WINDOW_RADIUS + 1, `at most ${2 * WINDOW_RADIUS + 1} steps watched`);
  }
  // Every (radius - margin + 1) steps or so, not every step; and the steps set up per step change stay a few.
  assert.ok(moves < STEPS / 3, `${moves} moves`);
  assert.ok(stepsSetUp / STEPS < 2 * WINDOW_RADIUS + 1, `${(stepsSetUp / STEPS).toFixed(1)} steps set up per step change`);
});

test('a jump far away moves the window there; leaving the section watches its ends again', () => {
  const ranges = stepWindow(STEPS, 10);
  assert.equal(windowNeedsMove(ranges, STEPS, 700), true);
  assert.ok(holds(stepWindow(STEPS, 700), 700));
  assert.equal(windowNeedsMove(ranges, STEPS, null), true);
  assert.equal(rangesKey(stepWindow(STEPS, null)), rangesKey(stepWindow(STEPS, -1)));
});

test('the active step is found by binary search: about log2(steps) tops read, the same answer as a scan', () => {
  const tops = Array.from({ length: STEPS }, (_, i) => 100 + i * 400);
  for (const line of [-5, 100, 101, 499, 500, 200_000, 10_000_000]) {
    let reads = 0;
    const found = activeStepIndexBy(STEPS, (i) => (reads++, tops[i]!), line);
    const scanned = tops.findLastIndex((top) => top <= line);
    assert.equal(found, scanned, `trigger line at ${line}`);
    assert.ok(reads <= Math.ceil(Math.log2(STEPS)) + 1, `${reads} tops read`);
  }
  assert.equal(activeStepIndexBy(0, () => 0, 100), -1);
});
