/**
 * Which step is active for a given scroll position: the last step whose top has passed the trigger line.
 * Pure, so the rule Scrollama applies on the way can be applied again once scrolling settles; a fling or a jump
 * that skipped steps then still ends on the right one.
 */
export function activeStepIndex(stepTops: readonly number[], triggerLine: number): number {
  let active = -1;
  for (let i = 0; i < stepTops.length; i++) {
    if (stepTops[i]! <= triggerLine) active = i;
    else break;
  }
  return active;
}
