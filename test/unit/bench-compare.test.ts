/**
 * `scripts/bench/compare.ts`: builds read against each other in alternating order, each figure summed per build,
 * and the rounds in which a later build did better than the first counted the right way for each figure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareOptionsFrom, orderOfRound, summarize } from '../../scripts/bench/compare.ts';

test('the builds are the arguments that are not options, the first the one before the change', () => {
  const options = compareOptionsFrom(['--runs', '4', '/tmp/before', '--viewport', 'desktop', '/tmp/after', '--cpu', '2']);
  assert.deepEqual(options, { runs: 4, viewport: 'desktop', mode: 'reading', dirs: ['/tmp/before', '/tmp/after'] });
  assert.deepEqual(compareOptionsFrom(['a', 'b', 'c']), { runs: 3, viewport: 'phone', mode: 'reading', dirs: ['a', 'b', 'c'] });
  assert.equal(compareOptionsFrom(['--mode', 'fling', 'a', 'b']).mode, 'fling');
  assert.deepEqual(compareOptionsFrom(['--scroll', 'wheel', 'a', 'b']).dirs, ['a', 'b']);
});

test('fewer than two builds, or an option out of range, is refused with what was wrong', () => {
  assert.throws(() => compareOptionsFrom(['/tmp/before']), /name two builds or more/);
  assert.throws(() => compareOptionsFrom(['--runs', '0', 'a', 'b']), /--runs takes a whole number of rounds from 1, not "0"/);
  assert.throws(() => compareOptionsFrom(['--viewport', 'tablet', 'a', 'b']), /--viewport is one of phone, desktop, not "tablet"/);
  assert.throws(() => compareOptionsFrom(['--mode', 'crawl', 'a', 'b']), /--mode is one of reading, fling, not "crawl"/);
});

test('each round reverses the order of the one before, so no build always runs first', () => {
  assert.deepEqual([0, 1, 2, 3].map((round) => orderOfRound(round, 2)), [[0, 1], [1, 0], [0, 1], [1, 0]]);
  assert.deepEqual(orderOfRound(1, 3), [2, 1, 0]);
});

test('a figure is summed per build, and a round counts as a win only when the later build did strictly better', () => {
  // Three rounds of long tasks: before, after.
  const longTasks = summarize([[12, 9], [10, 10], [15, 16]], { name: 'long tasks', better: 'fewer' });
  assert.deepEqual(longTasks, { name: 'long tasks', totals: [37, 35], wins: [1] });
  // Frames drawn in the same scroll: more is better.
  const frames = summarize([[800, 830], [810, 805], [790, 840]], { name: 'frames drawn', better: 'more' });
  assert.deepEqual(frames.wins, [2]);
  // Three builds: each later one against the first.
  assert.deepEqual(summarize([[5, 4, 6], [5, 3, 5]], { name: 'long tasks', better: 'fewer' }).wins, [2, 0]);
});
