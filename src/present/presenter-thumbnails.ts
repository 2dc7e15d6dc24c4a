/**
 * The presenter view's pictures of the current slide and the next: each slide's chart element, in the slide's
 * state, drawn small. They must not slow the window that presents (which may share this one's thread), so:
 *
 * - lazily: a chart's code (and the map's geography) loads only when a thumbnail first needs it, and the drawing
 *   waits for an idle moment after the presenter stops stepping;
 * - two charts at most, each made afresh for its slide, so it draws its state at once, with no transition;
 * - hidden from screen readers: the slide's text beside it says what the picture shows.
 */
import type { StoryStep } from '../types/story.ts';

export type ChartModules = Readonly<Record<string, () => Promise<() => void>>>;

/** What the thumbnails need of the story: each chart's default rows, by element name. */
export type DefaultRows = Readonly<Record<string, readonly unknown[]>>;

export class SlideThumbnails {
  private pending = 0;
  private defaultsSet = false;

  constructor(
    private readonly slots: { readonly current: HTMLElement; readonly next: HTMLElement },
    private readonly modules: ChartModules,
    private readonly rows: DefaultRows,
  ) {
    for (const slot of Object.values(slots)) {
      slot.setAttribute('aria-hidden', 'true');
      slot.inert = true;
    }
  }

  /** Shows these steps' charts (null: a title slide, or no next slide), once the presenter has paused. */
  show(current: StoryStep | null, next: StoryStep | null): void {
    const ticket = ++this.pending;
    whenIdle(() => {
      if (ticket !== this.pending) return;
      void this.fill(this.slots.current, current, ticket);
      void this.fill(this.slots.next, next, ticket);
    });
  }

  private async fill(slot: HTMLElement, step: StoryStep | null, ticket: number): Promise<void> {
    if (!step) {
      slot.replaceChildren();
      slot.dataset.step = '';
      return;
    }
    if (slot.dataset.step === step.id) return;
    const load = this.modules[step.tag];
    if (!load) return;
    const define = await load();
    if (!this.defaultsSet) {
      const { setDefaultRows } = await import('../charts/shared/chart-element.ts');
      for (const [tag, rows] of Object.entries(this.rows)) setDefaultRows(tag, rows);
      this.defaultsSet = true;
    }
    define();
    // Stepped on while the code loaded: the later call draws.
    if (ticket !== this.pending) return;
    const chart = document.createElement(step.tag);
    for (const [name, value] of Object.entries(step.state)) if (value !== '') chart.setAttribute(name, value);
    chart.classList.add('pv-thumb-chart');
    slot.replaceChildren(chart);
    slot.dataset.step = step.id;
  }
}

/** After the current task and any input: an idle callback where there is one, else a short timeout. */
function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 400 });
  else setTimeout(callback, 50);
}
