/**
 * Starting a chart's move a frame after the draw that sets it up (holdMovesPastNextFrame), and whether a move is
 * still to come or under way (transitionRunning): the chart element's two questions of D3's schedules, which
 * d3-transition keeps on each node it moves. Apart from transition.ts, which the chart element does not load until
 * a chart draws: this needs only d3-timer's clock.
 */
import { now } from 'd3';
import { afterNextFrame } from './background.ts';

/** D3's schedule of one transition on a node, as d3-transition keeps it on the node's `__transition` (by id). */
interface Schedule {
  state: number;
  time: number;
  timer: D3Timer;
}

/** The d3-timer that first ticks a schedule; `_call` is the function it calls (d3-transition's own, kept to restart it). */
interface D3Timer {
  _call: (elapsed: number) => void;
  stop(): void;
  restart(callback: (elapsed: number) => void, delay?: number, time?: number): void;
}

/** The transitions scheduled or running on a node, by id: none once the last has ended or been interrupted. */
function schedulesOf(node: Element): Record<string, Schedule> | undefined {
  return (node as Element & { __transition?: Record<string, Schedule> }).__transition;
}

/** Whether a transition is scheduled or running on `root` or any node in it. */
export function transitionRunning(root: Element): boolean {
  if (schedulesOf(root)) return true;
  for (const node of root.querySelectorAll('*')) if (schedulesOf(node)) return true;
  return false;
}

/** A schedule's state before its first tick (d3-transition's CREATED); an interrupted one is ENDED and let go. */
const CREATED = 0;

/**
 * Starts the moves set up in this task on `root` and its descendants a frame later than D3 would. D3 starts a
 * transition in the first animation frame after it is made, and starting one (every tween set up, every mark
 * written) is much of a frame's work: made in a draw's task, itself long, a move started in the same frame interval
 * as the draw, and a slow phone showed both in one frame of 60 to 130 ms. Held until a task after the next frame,
 * the draw shows in one frame and the move starts in the one after; the frame between shows what the move starts
 * from (marks coming in are still transparent). `started` is told when they start, and how long after they were made.
 *
 * D3 gives every transition made in a task one time (d3-timer's `now()`, kept until the next frame). The schedules
 * made at or after it that have not ticked are stopped, then restarted with their times moved on by the wait, so
 * that their first frame is the move's first, staggered delays and chained transitions keeping their order. One
 * interrupted meanwhile (a newer state drawn at once) is left alone.
 */
export function holdMovesPastNextFrame(root: Element, started: (waited: number) => void): void {
  const madeAt = now();
  const held: { schedule: Schedule; call: D3Timer['_call'] }[] = [];
  for (const node of [root, ...root.querySelectorAll('*')]) {
    for (const schedule of Object.values(schedulesOf(node) ?? {})) {
      if (schedule.state !== CREATED || schedule.time < madeAt) continue;
      held.push({ schedule, call: schedule.timer._call });
      schedule.timer.stop();
    }
  }
  if (!held.length) return;
  afterNextFrame(() => {
    const waited = now() - madeAt;
    for (const { schedule, call } of held) {
      if (schedule.state !== CREATED) continue;
      schedule.time += waited;
      schedule.timer.restart(call, 0, schedule.time);
    }
    started(waited);
  });
}
