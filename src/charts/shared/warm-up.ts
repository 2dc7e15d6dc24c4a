/**
 * A chart's code run once ahead of need, for the story: the first run of a layout and its drawing is several times
 * slower than later runs (the engine has not compiled them yet: at 4x slowdown 30 to 50 ms for the map's layout,
 * against 4 to 12 later; 33 to 39 ms for the casualty chart's first toll layout, against 14 to 19 once warmed). Run
 * once in background tasks on a phone-sized state and dropped, it is warm by the time a reader gets there.
 */
import { inBackground } from './background.ts';

/** A phone's plot width, in px: any size runs the same code, and the result is dropped. */
export const WARM_UP_WIDTH = 350;

/**
 * Lays out each of `layouts` in a background task of its own, then draws it into an svg that is never in the
 * page (the script runs as it will, with no style or layout to follow) in another: each task stays short. An
 * error is reported, not thrown: a chart that fails meets the same failure when it draws, and says so there.
 */
export function warmUp<M>(layouts: readonly (() => M)[], draw: (svg: SVGSVGElement, marks: M) => void): void {
  for (const layout of layouts) {
    let marks: M | undefined;
    inBackground(() => {
      marks = layout();
    });
    inBackground(() => {
      if (marks !== undefined) draw(document.createElementNS('http://www.w3.org/2000/svg', 'svg'), marks);
    });
  }
}
