/**
 * The bench's `--cpu N` (scripts/bench/scroll.ts): the CPU slowdown of its scroll-throughs and traces. Without it,
 * the budgets' 4x; a value that is not a slowdown stops the command with a message rather than measuring at none.
 * And `--scroll script|wheel`: what moves the page, the budgets' script without it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuThrottlingFrom, scrollDriverFrom } from '../../scripts/bench/scroll.ts';

test('without --cpu, the scroll-throughs run at the budgets\' 4x', () => {
  assert.equal(cpuThrottlingFrom(['--runs', '1', '--no-lighthouse']), 4);
});

test('--cpu N sets the slowdown, a fraction included', () => {
  assert.equal(cpuThrottlingFrom(['--cpu', '2', '--runs', '1']), 2);
  assert.equal(cpuThrottlingFrom(['--dist', 'dist', '--cpu', '1.5']), 1.5);
  assert.equal(cpuThrottlingFrom(['--cpu', '1']), 1);
});

test('--cpu without a slowdown of 1 or more is refused, naming what it got', () => {
  assert.throws(() => cpuThrottlingFrom(['--cpu']), /--cpu takes a slowdown of 1 or more \(1 = none\), not ""/);
  assert.throws(() => cpuThrottlingFrom(['--cpu', 'fast']), /not "fast"/);
  assert.throws(() => cpuThrottlingFrom(['--cpu', '0.5']), /not "0.5"/);
});

test('without --scroll, the page scrolls itself, as the budgets were measured; --scroll wheel moves it by a gesture', () => {
  assert.equal(scrollDriverFrom(['--runs', '1']), 'script');
  assert.equal(scrollDriverFrom(['--scroll', 'wheel', '--cpu', '2']), 'wheel');
  assert.equal(scrollDriverFrom(['--scroll', 'script']), 'script');
});

test('--scroll with anything but script or wheel is refused, naming what it got', () => {
  assert.throws(() => scrollDriverFrom(['--scroll']), /--scroll takes wheel or script, not ""/);
  assert.throws(() => scrollDriverFrom(['--scroll', 'touch']), /not "touch"/);
});
