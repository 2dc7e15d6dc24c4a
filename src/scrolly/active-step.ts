/**
 * Which step is active for a given scroll position: the last step whose top has passed the trigger line.
 * Pure, so the rule Scrollama applies on the way can be applied again once scrolling settles; a fling or a jump
 * that skipped steps then still ends on the right one.
 *
 * By binary search, reading the tops it needs (about log2(count) of them) rather than every step's: steps are
 * laid out in order, so their tops only grow.
 */
export function activeStepIndexBy(count: number, topOf: (index: number) => number, triggerLine: number): number {
  let low = 0;
  let high = count - 1;
  let active = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (topOf(middle) <= triggerLine) {
      active = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return active;
}

/**
 * Whether the step at `index` is the one the rule picks now: its top at or above the trigger line, the next step's
 * below it. Reads two tops, for checking one report; `slack` px either way allows for an observer that reports a
 * crossing a fraction of a pixel early.
 */
export function isActiveStepAt(index: number, count: number, topOf: (index: number) => number, triggerLine: number, slack = 0): boolean {
  if (topOf(index) > triggerLine + slack) return false;
  return index + 1 >= count || topOf(index + 1) > triggerLine - slack;
}
