import { LitElement, html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { Task, initialState } from '@lit/task';
import { type ChartSchema, type ChartState, resolveState, validateState } from './schema.ts';
import { type DatasetSchema, idsOf, readCsv, readRows, type RowProblem } from './dataset.ts';
import { LOAD_TIMEOUT_MS, loadText } from './load.ts';
import { prefersReducedMotion } from './motion.ts';
import { fitLabelsToPlot } from './fit-labels.ts';
import type { ChartText, Size } from './types.ts';
import { tableHtml } from './table.ts';
import { afterNextFrame, inBackground, inSlices, nextTask, runSlice, runToEnd, SLICE_MS, whenIdle } from './background.ts';
import { loadedFontsReach } from './font-loads.ts';
import { writeAttr, writeStyle } from './write.ts';
import { holdMovesPastNextFrame, transitionRunning } from './move-hold.ts';
import { afterFling, scrollingFast } from './scroll-speed.ts';

export type { Size } from './types.ts';

/** A layout that takes longer than this (in ms, on the device) gets a task of its own, before the draw's. */
const SEPARATE_LAYOUT_MS = 4;

/**
 * States asked for closer together than this (ms) are passing, not being read: a reader scrolling at a brisk
 * reading pace reaches a new step every half second or so, a fling every tenth of one.
 */
const HURRIED_MS = 200;

/**
 * How a new state is drawn: `now` (in the task after the next frame), `hurried` (states coming faster than
 * HURRIED_MS apart: the last, at once, once they stop) or `flung` (the page is scrolling past faster than anyone
 * reads: once it slows).
 */
type DrawPace = 'now' | 'hurried' | 'flung';

/** How long a state change animates; 0 when motion is off (motion.ts). */
export const TRANSITION_MS = 650;

/** A layout made ahead of need in slices (FlChart.prepare). */
interface Preparing<Row, Marks> {
  readonly key: string;
  readonly rows: readonly Row[];
  readonly steps: Iterator<unknown, Marks>;
  /** Its time so far, in ms: what it cost once done (layoutCostMs). */
  ms: number;
  /** Cancels the background task of its next slice. */
  cancel: () => void;
}

/**
 * The base of every Frontlines chart: data in (story default, `data` property or `src` URL), state in (the
 * attributes its schema declares), size in (its own box, from a ResizeObserver), and out: a pure `layout` drawn
 * by `draw`, a one-sentence description announced politely when the state changes, a data table, and a source
 * line. A chart renders from its current state alone, so any sequence of attribute changes ends in the same
 * picture as setting the last state directly.
 *
 * Bad input never throws: it shows a short readable message in the chart's box and logs one console warning.
 *
 * `settled` says when the picture is final: it resolves once the current state is drawn and every transition of
 * that draw has ended (at once when motion is off; when a message shows instead of the plot, once it shows). A
 * new state, new data or a new size replaces it with a new pending promise as it starts drawing. Each settle also
 * dispatches `fl-chart-settled`.
 *
 * @fires fl-chart-settled - the chart has drawn its current state and its transitions have ended (bubbles, composed)
 * @csspart figure - the figure around plot, caption and table
 * @csspart frame - the box the plot is drawn in
 * @csspart svg - the plot
 * @csspart caption - the description and source line
 * @csspart description - the sentence that says what the chart shows
 * @csspart legend - what the coded marks mean, for screen readers (the plot draws the same key)
 * @csspart source - the source line
 * @csspart table - the data table's disclosure
 * @csspart message - the message shown instead of the plot when input is bad
 */
export abstract class FlChart<Row, Marks> extends LitElement {
  /** URL of a CSV or JSON file with this chart's rows (the same columns as the story's CSV). */
  @property() src?: string;
  /** Rows given directly (the same columns as the story's CSV). Wins over `src`. */
  @property({ attribute: false }) data?: unknown;
  /** `light` or `dark`; by default the chart follows the page's colour scheme. */
  @property({ reflect: true }) theme?: string;
  /** Height of the plot in CSS pixels; by default the plot takes its width times the aspect ratio. */
  @property({ type: Number, reflect: true }) height?: number;
  /**
   * Whether the chart announces its own state changes (a polite live region). A page that announces them itself
   * (the story, which says each step's chart once per step) turns it off, so a screen reader hears each once.
   */
  @property({ attribute: false }) announceChanges = true;
  /**
   * The states a page will show this chart in, one after another (a story section gives its steps'), each as its
   * attributes. The caption is given the room of the tallest of their captions, so the plot keeps one size from
   * state to state: a longer or shorter caption neither moves nor rescales the plot, which would lay out every mark
   * again at a size no layout was made ahead for. Unset (an embed showing one state), the caption takes the room
   * its text needs.
   */
  @property({ attribute: false }) captionStates?: readonly Readonly<Record<string, string>>[];

  /**
   * How long a chart waits for its `src` before it says the data did not arrive, in ms (default 10 s). Set on a
   * chart's class (`customElements.get('fl-timeline').loadTimeoutMs = 3000`) before it loads, for every chart of
   * that kind.
   */
  static loadTimeoutMs = LOAD_TIMEOUT_MS;

  @state() private rows: Row[] | null = null;
  @state() private loadMessage: string | null = null;
  @state() private size: Size = { width: 0, height: 0 };
  @state() private announcement = '';
  /**
   * Whether the reader has the data table open. Only an open table is rendered: rebuilding a closed table's rows at
   * every step change was half of the change's render on a slowed phone (14 of 30 ms, the timeline's), for rows
   * nobody sees. It renders in the microtask after the details opens, before the frame that shows it.
   */
  @state() private tableShown = false;
  private readonly onTableToggle = (event: Event): void => {
    this.tableShown = (event.currentTarget as HTMLDetailsElement).open;
  };

  @query('svg') private svg?: SVGSVGElement;
  @query('.frame') private frame?: HTMLElement;

  protected abstract readonly schema: ChartSchema;
  protected abstract readonly datasetSchema: DatasetSchema<Row>;
  /** Pure geometry: the marks for these rows in this state at this size. */
  protected abstract layout(rows: readonly Row[], state: ChartState, size: Size): Marks;
  /**
   * `layout` as steps (a generator: each `yield` a place where it may pause), for a chart whose layout can be long:
   * a layout made ahead of need (`prepare`) then runs a slice per background task. By default the whole layout is
   * one step.
   */
  protected layoutInSteps(rows: readonly Row[], state: ChartState, size: Size): Iterator<unknown, Marks> {
    // One step, the whole layout, made when it is first asked for.
    return { next: () => ({ done: true, value: this.layout(rows, state, size) }) };
  }
  /**
   * Draws marks into the svg with a D3 join; transitions last `duration` ms (0: jump). It may return the draw as
   * steps instead (a generator: each `yield` a place where it may pause), which the chart takes all at once, or,
   * while it is hidden (a story's chart behind the active one, given the state it shows next), a slice per
   * background task, so that no task of it is long on a phone.
   */
  protected abstract draw(svg: SVGSVGElement, marks: Marks, duration: number): void | Iterator<unknown, void>;
  /**
   * The chart in words (its text.ts): the sentence that says what it shows in a state, the data table behind it
   * and the source line, the same words the no-JS figures, print and the presenter view give.
   */
  protected abstract readonly text: ChartText<Row>;

  /**
   * Anything besides rows, state and size that `layout` depends on (a map's geography, which arrives later),
   * as a short key: when it changes the chart lays out and draws again, without a transition.
   */
  protected layoutInputsKey(): string {
    return '';
  }

  /**
   * Work that later states will need and that can be done ahead (answers a chart's text or layout caches), as
   * short steps: run in background slices once the chart has drawn its first state, so that no step change has
   * to do it. Optional.
   */
  protected warmUp?(rows: readonly Row[]): Iterator<unknown, void>;
  private warmedRows?: readonly Row[];

  private resizeObserver?: ResizeObserver;
  private resizeFrame = 0;
  private lastInputs = '';
  private lastMarks?: { rows: readonly Row[]; key: string; marks: Marks };
  private drawn = false;
  private warned = new Set<string>();
  private lastDescribedKey = '';
  /** Cancels the fitting of labels that is waiting (fitLabelsWhenSettled). */
  private cancelFit?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    document.fonts?.addEventListener('loadingdone', this.fontsLoaded);
    if (this.hasUpdated) {
      this.observeFrame();
      if (!this.lastInputs) this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.fonts?.removeEventListener('loadingdone', this.fontsLoaded);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    cancelAnimationFrame(this.resizeFrame);
    if (this.cancelDraw) this.lastInputs = ''; // drawn again when it comes back
    this.cancelDraw?.();
    this.cancelDraw = undefined;
    this.drawWaitsInBackground = false;
    pendingDraws.delete(this);
    this.drawDone?.resolve();
    this.drawDone = undefined;
  }

  /** The chart's state: each schema attribute's value as set, or its default. */
  get chartState(): ChartState {
    return resolveState(this.schema, this.setAttributes());
  }

  private setAttributes(): Record<string, string> {
    const given: Record<string, string> = {};
    for (const name of Object.keys(this.schema.attributes)) {
      const value = this.stateValue(name);
      if (typeof value === 'string') given[name] = value;
    }
    return given;
  }

  /**
   * The value of one state attribute, read from the property of the same name. A chart whose attribute name is
   * taken by a DOM member (the map's `focus` attribute: `HTMLElement.focus()` must keep working) keeps the value
   * in a differently named property and returns it here.
   */
  protected stateValue(name: string): unknown {
    return (this as unknown as Record<string, unknown>)[name];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('data') || changed.has('src')) this.loadRows();
    // A new state, once the chart has drawn one, is announced politely. Decided here, before rendering, so the
    // announcement goes out with the same update rather than scheduling another.
    if (this.drawn && this.rows && this.currentMessage() === null) {
      const state = this.chartState;
      const stateKey = JSON.stringify(state);
      if (stateKey !== this.lastDescribedKey) {
        this.announcement = this.text.sentence(this.rows, state);
        this.lastDescribedKey = stateKey;
      }
    }
  }

  private loadRows(): void {
    this.loadMessage = null;
    if (this.data !== undefined) {
      this.acceptRows(readRows(this.datasetSchema, this.data), 'data');
    } else if (this.src) {
      this.rows = null; // the `src` task fetches them
    } else {
      const rows = defaultRowsByTag.get(this.localName) as readonly Row[] | undefined;
      if (rows) this.rows = [...rows];
      else this.fail('This chart has no data: set its src attribute or data property.', 'no data, src or default rows');
    }
  }

  /**
   * Fetches `src` when no `data` is given. A task: only the answer for the latest `src` is taken, however the
   * fetches of earlier ones end.
   */
  protected readonly srcRows = new Task(this, {
    task: async ([src]: readonly [string | undefined]) => (src ? { src, ...(await loadText(src, (this.constructor as typeof FlChart).loadTimeoutMs)) } : initialState),
    args: () => [this.data === undefined ? this.src : undefined] as const,
    onComplete: ({ src, text, kind }) => this.readLoaded(src, text, kind),
    onError: (error) => {
      const failure = error as Error & { detail?: unknown };
      this.fail(failure.message, String(failure.detail ?? failure));
    },
  });

  private readLoaded(src: string, text: string, kind: 'csv' | 'json'): void {
    if (kind === 'csv') {
      this.acceptRows(readCsv(this.datasetSchema, text), src);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.fail(`The data at ${src} is not valid JSON.`, String(error));
      return;
    }
    this.acceptRows(readRows(this.datasetSchema, parsed), src);
  }

  private acceptRows(result: { rows: Row[]; problems: RowProblem[] }, origin: string): void {
    if (result.problems.length) {
      const first = result.problems[0]!;
      const where = first.line > 0 ? ` (row ${first.line})` : '';
      const more = result.problems.length > 1 ? ` and ${result.problems.length - 1} more problem(s)` : '';
      this.fail(
        `The chart's data has a problem${where}: ${first.message}${more}.`,
        `${origin}: ${result.problems.map((p) => `${p.line}: ${p.message}`).join('; ')}`,
      );
      return;
    }
    this.rows = result.rows;
  }

  private fail(message: string, detail: string): void {
    this.rows = null;
    this.loadMessage = message;
    this.warnOnce(`<${this.localName}>: ${detail}`);
  }

  private warnOnce(text: string): void {
    if (this.warned.has(text)) return;
    this.warned.add(text);
    console.warn(text);
  }

  /** The message shown instead of the plot, or null when the chart can draw. */
  private currentMessage(): string | null {
    if (this.loadMessage) return this.loadMessage;
    if (!this.rows) return null;
    const problems = validateState(this.schema, this.setAttributes(), idsOf(this.rows));
    if (problems.length === 0) return null;
    this.warnOnce(`<${this.localName}>: ${problems.map((p) => p.message).join('; ')}`);
    return `This chart cannot show that: ${problems[0]!.message}.`;
  }

  protected override render(): TemplateResult {
    const message = this.currentMessage();
    const rows = this.rows;
    const ready = rows !== null && message === null;
    const state = this.chartState;
    const legend = ready ? (this.text.legend?.(rows, state) ?? null) : null;
    // The table is the one renderer's HTML (table.ts, every text in it escaped), as the no-JS figures show it.
    return html`
      <figure part="figure">
        <div class="frame" part="frame">
          ${message
            ? html`<p class="message" part="message" role="alert">${message}</p>`
            : html`<svg part="svg" aria-hidden="true" focusable="false"></svg>`}
        </div>
        <figcaption part="caption" class=${ready ? 'state-caption' : ''}>
          ${ready
            ? this.captionContent(rows, state, legend)
            : html`<p class="description" part="description">${rows === null && !message ? 'Loading the chart\u2019s data\u2026' : ''}</p>`}
        </figcaption>
        ${ready
          ? html`<details part="table" @toggle=${this.onTableToggle}>
              <summary>Show the data</summary>${this.tableShown ? unsafeHTML(tableHtml(this.text.table(rows, state))) : nothing}
            </details>`
          : nothing}
        ${this.announceChanges ? html`<div class="sr-only" role="status">${this.announcement}</div>` : nothing}
      </figure>
    `;
  }

  /** What the caption says in a state: the same parts, measured for `captionStates` (reserveCaptionRoom). */
  private captionContent(rows: readonly Row[], state: ChartState, legend: string | null): TemplateResult {
    return html`<p class="description" part="description">${this.text.sentence(rows, state)}</p>
      ${legend ? html`<p class="sr-only" part="legend">${legend}</p>` : nothing}
      <p class="source" part="source">${this.text.source(rows, state)}</p>`;
  }

  /**
   * New fonts of the chart's family can wrap the captions differently: their room is measured again, in the
   * background (measureRoomInBackground). The article's own faces arriving change nothing here.
   */
  private readonly fontsLoaded = (event: Event): void => {
    if (!this.captionStates?.length || !loadedFontsReach(event, this)) return;
    this.captionFonts++;
    this.measureRoomInBackground();
  };

  /** A chain of background tasks measuring the captions' room is under way. */
  private measuringRoom = false;

  /**
   * Measures the captions' room again in background tasks, a slice at a time, while the chart keeps the room it
   * has (new fonts, a new width): a chain of urgent tasks would hold up the frames of a reader scrolling
   * meanwhile. A room that changes reaches the resize observer as the plot's new size, which draws again; a
   * caption that outgrows its room meanwhile is measured at once (the observer empties the room).
   */
  private measureRoomInBackground(): void {
    if (this.measuringRoom) return;
    this.measuringRoom = true;
    const measureSome = (): void => {
      if (this.rows && this.frame && this.isConnected && this.reserveCaptionRoom(this.rows, this.frame, true)) inBackground(measureSome);
      else this.measuringRoom = false;
    };
    inBackground(measureSome);
  }

  /** What the caption's room was measured for (captionRoomKey); empty when not measured. */
  private captionRoomFor: unknown[] = [];

  /** What the caption's room depends on: the states, the rows, the caption's width and the chart's fonts. */
  private captionRoomKey(rows: readonly Row[], width: number): unknown[] {
    return [this.captionStates, rows, width, this.captionFonts];
  }
  /** Counts the loads of fonts this chart's text is set in (fontsLoaded). */
  private captionFonts = 0;
  /** A measuring under way: what it is for, the states still to measure, and the tallest caption so far. */
  private captionMeasuring?: { key: unknown[]; states: ChartState[]; tallest: number };

  /**
   * Gives the caption the room of the tallest caption among `captionStates`, at the caption's current width and
   * with the page's current styles (a phone hides the sentence and clamps the source line): each state's caption
   * is rendered hidden into a box of that width and measured; `sliced`, only for SLICE_MS per call (each caption
   * is a layout of its own, and a dozen at once took a phone's task past 50 ms); the room is set once all are
   * measured. Measured again when the width, the rows, the states or the fonts change; a no-op otherwise. True
   * when it measured something.
   */
  private reserveCaptionRoom(rows: readonly Row[], frame: HTMLElement, sliced = false): boolean {
    const caption = this.renderRoot.querySelector<HTMLElement>('figcaption');
    const states = this.captionStates;
    if (!caption) return false;
    if (!states?.length) {
      if (this.captionRoomFor.length) caption.style.minHeight = '';
      this.captionRoomFor = [];
      this.captionMeasuring = undefined;
      return false;
    }
    // The caption is as wide as the frame.
    const width = frame.clientWidth;
    const key = this.captionRoomKey(rows, width);
    const same = (other: readonly unknown[] | undefined) => sameParts(key, other);
    if (width <= 0 || same(this.captionRoomFor)) return false;
    if (!same(this.captionMeasuring?.key)) {
      const ids = idsOf(rows);
      const valid = states.map((attributes) => this.stateOf(attributes, ids)).filter((state) => state !== null);
      this.captionMeasuring = { key, states: valid, tallest: 0 };
    }
    const measuring = this.captionMeasuring!;
    const measure = document.createElement('div');
    measure.className = 'caption-measure';
    measure.style.width = `${width}px`;
    this.renderRoot.appendChild(measure);
    const start = performance.now();
    // At least one caption per call, so that a slow device still gets through them.
    for (let measured = 0; measuring.states.length && !(sliced && measured && performance.now() - start >= SLICE_MS); measured++) {
      render(html`<figcaption part="caption">${this.captionContent(rows, measuring.states.shift()!, null)}</figcaption>`, measure);
      measuring.tallest = Math.max(measuring.tallest, measure.firstElementChild!.getBoundingClientRect().height);
    }
    measure.remove();
    if (measuring.states.length) return true;
    this.captionMeasuring = undefined;
    this.captionRoomFor = key;
    caption.style.minHeight = measuring.tallest > 0 ? `${Math.ceil(measuring.tallest)}px` : '';
    return true;
  }

  protected override firstUpdated(): void {
    this.observeFrame();
  }

  private observeFrame(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = new ResizeObserver((entries) => {
      const frame = this.frame;
      if (!frame) return;
      for (const entry of entries) if (entry.target === frame) this.plotBox = { width: entry.contentRect.width, height: entry.contentRect.height };
      // Read in the observer's delivery, where the layout is fresh.
      const width = frame.clientWidth;
      const height = frame.clientHeight;
      // The caption outgrew its room (a reader's text spacing, a zoom): the room is measured again before the next
      // draw. Not on every change of the plot's size: setting the room changes it too.
      const caption = this.renderRoot.querySelector<HTMLElement>('figcaption');
      const outgrown = !!caption && caption.offsetHeight > Number.parseFloat(caption.style.minHeight) + 1;
      if (this.svg && this.drawnSize) this.holdDrawing(this.svg, this.drawnSize);
      // Redraw in the next frame, not inside the observer's delivery: a redraw can change sizes other observers
      // watch (the caption's height, a step's), and changing them mid-delivery is a "ResizeObserver loop" error.
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => {
        if (outgrown) this.captionRoomFor = [];
        if (width !== this.size.width || height !== this.size.height) this.size = { width, height };
      });
    });
    // The host, and the plot's box in it, which the caption's room decides.
    this.resizeObserver.observe(this);
    if (this.frame) this.resizeObserver.observe(this.frame);
  }

  protected override updated(): void {
    const frame = this.frame;
    // Through CSSOM, not a style attribute: a strict Content Security Policy (style-src 'self') blocks the latter.
    if (frame) frame.style.height = this.height ? `${this.height}px` : '';
    if (frame && !this.svg) this.settleWhenStill(); // a message is the whole picture
    else if (!this.rows) this.unsettle(); // loading: nothing drawn yet
    if (!frame || !this.svg || !this.rows) return;
    // Most updates change nothing the plot depends on (an announcement, a loading flag): skip them before asking
    // for the frame's size, which makes the browser lay the page out.
    const stateKey = JSON.stringify(this.chartState);
    const inputs = `${stateKey}|${this.size.width}x${this.size.height}|${this.layoutInputsKey()}`;
    if (this.lastMarks && this.lastMarks.rows === this.rows && this.lastInputs === inputs && this.svg.childNodes.length) return;
    this.lastInputs = inputs;
    let pace: DrawPace = 'now';
    if (stateKey !== this.lastState.key) {
      // A change from a drawn state (not the page's first): hurried when it follows another change closely, flung
      // past when the page is scrolling faster than anyone reads.
      const now = performance.now();
      if (this.drawn && now - this.lastState.changedAt < HURRIED_MS) pace = 'hurried';
      else if (this.drawn && scrollingFast()) pace = 'flung';
      this.lastState = { key: stateKey, changedAt: this.drawn ? now : Number.NEGATIVE_INFINITY };
    }
    this.scheduleDraw(pace);
  }

  /** The last state asked for, and when it replaced a drawn one (performance.now() time): how fast changes come. */
  private lastState = { key: '', changedAt: Number.NEGATIVE_INFINITY };

  /** Cancels the draw waiting for its task, if one is. */
  private cancelDraw?: () => void;
  /** The draw waiting is in a background task (continueDraw): the chart was out of the reader's sight. */
  private drawWaitsInBackground = false;
  private drawDone?: { promise: Promise<void>; resolve: () => void };

  /**
   * Draws in a task of its own, once the next frame has rendered the state change (this update's text and table,
   * the section's step and chart boxes): the change and its frame, then the drawing's script and the frame that
   * renders it, each short, rather than one long one (a draw inside an animation frame shared its task with the
   * frame's whole style, layout and paint; a draw before the frame made that frame carry the change's layout and
   * the draw's together, over 50 ms on a phone at most step changes). The picture shows in the second frame after
   * the change. Whatever changes before that task runs, one draw shows the latest state.
   */
  private scheduleDraw(pace: DrawPace = 'now'): void {
    this.unsettle();
    // A print (Ctrl+P gives no frame) needs the picture now.
    if (printing) {
      this.flushDraw();
      return;
    }
    pendingDraws.add(this);
    if (!this.drawDone) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      this.drawDone = { promise, resolve };
    }
    if (pace !== 'now') {
      // States coming faster than HURRIED_MS apart (a fling past the steps, Next pressed again and again): the
      // chart waits until they stop coming, then draws the last one, once and at once (drawNow). A page flung
      // past its steps is waited out as well, until it slows (a reader's smooth scroll to the next step does not
      // stay fast for long): the draw then moves as any other, there being no move under way to cut short.
      this.cancelDraw?.();
      this.drawWaitsInBackground = false;
      this.cancelDraw = afterFling(
        () => {
          if (pace === 'hurried') this.atOnce = true;
          this.flushDraw();
        },
        pace === 'hurried' ? HURRIED_MS : undefined,
      );
      return;
    }
    // A chart behind a section's active one (the story draws a step ahead there) draws when the page is idle, as it
    // goes on (continueDraw): nobody sees it, and a task before the next frame held up a scrolling reader's.
    const behind = this.drawn && this.behindActiveChart();
    // A draw waiting in the background is wanted now, unless the chart is still out of sight.
    if (this.cancelDraw && !(this.drawWaitsInBackground && !behind)) return;
    // The first picture before the first frame that shows the chart: the caption's room and the plot are settled
    // before they are painted, so nothing on the page moves when it draws.
    this.drawIn(behind ? whenIdle : this.drawn ? afterNextFrame : nextTask);
  }

  /** Puts the pending draw (flushDraw) in a task `post` gives it, in place of any waiting. */
  private drawIn(post: (work: () => void) => () => void): void {
    this.cancelDraw?.();
    this.drawWaitsInBackground = post === inBackground || post === whenIdle;
    this.cancelDraw = post(() => this.flushDraw());
  }

  /**
   * Goes on with a draw in the next task: at once where the reader sees the chart, in the background where not
   * (a chart defined ahead of its section, or hidden behind the section's active one). A chain of urgent tasks
   * (measuring captions, a layout) runs ahead of the frames, and held up a scrolling reader's for 100 ms and more.
   * A draw put off so is hurried again by a new state (scheduleDraw) or by the chart coming into view
   * (showNextStateAtOnce).
   */
  private continueDraw(outOfSight: 'hidden' | 'off-screen' | ''): void {
    // Behind a section's active chart, in the page's idle periods: the story draws there while the reader scrolls.
    this.drawIn(outOfSight === 'hidden' ? whenIdle : outOfSight ? inBackground : nextTask);
  }

  /** Inside an aria-hidden box: the story's charts behind a section's active one, which only their opacity hides. */
  private behindActiveChart(): boolean {
    return !!this.closest('[aria-hidden="true"]');
  }

  /**
   * Whether the reader sees the chart: `hidden` by its visibility, or inside an aria-hidden box (the story's charts
   * behind a section's active one, which only their opacity hides), where nobody sees it move either; `off-screen`;
   * or in sight ('').
   */
  private outOfSight(): 'hidden' | 'off-screen' | '' {
    if (this.behindActiveChart() || (typeof this.checkVisibility === 'function' && !this.checkVisibility({ visibilityProperty: true }))) return 'hidden';
    const box = this.getBoundingClientRect();
    return box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight || box.left >= innerWidth ? 'off-screen' : '';
  }

  /** Draws now whatever is pending (the latest state). */
  flushDraw(): void {
    this.cancelDraw?.();
    this.cancelDraw = undefined;
    this.drawWaitsInBackground = false;
    // A layout not made ahead of need is made in this task and drawn in the next, so that neither task is long on
    // a slow phone (a chart's first state, a size never seen). A print draws at once. Whether the reader sees the
    // chart is asked first, while the page's layout is the one the last frame made: after the measuring, it
    // would be laid out again for the question.
    const outOfSight = printing ? '' : this.outOfSight();
    if (!printing && (this.measureCaptionsAhead() || this.layOutAhead())) {
      this.continueDraw(outOfSight);
      return;
    }
    // A hidden chart draws a slice of its steps in this task and goes on in the background (drawNow).
    let done = true;
    try {
      done = this.drawNow(outOfSight === 'hidden');
    } finally {
      if (done) {
        pendingDraws.delete(this);
        this.drawDone?.resolve();
        this.drawDone = undefined;
        if (this.drewCurrentState()) this.settleWhenStill();
      }
    }
    // Only a hidden chart draws in slices (drawNow).
    if (!done) this.continueDraw('hidden');
  }

  /** A state change's update is complete once the chart has drawn it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (this.drawDone) await this.drawDone.promise;
    return result;
  }

  /** Layouts computed ahead of need (`prepare`), by state, size and inputs; a few at most. */
  private prepared = new Map<string, { rows: readonly Row[]; marks: Marks }>();

  private marksFor(rows: readonly Row[], state: ChartState, size: Size, key: string): Marks {
    this.finishPreparing(key, rows);
    const ready = this.prepared.get(key);
    if (ready && ready.rows === rows) return ready.marks;
    return this.timedLayout(rows, state, size);
  }

  private atOnce = false;
  /** When the transition to the last state drawn ends (performance.now() time); 0 when it was drawn at once. */
  private movingUntil = 0;

  /**
   * Draws the next state without a transition: for a page that brings the chart into view as it changes state
   * (the story's section fades a chart in), where the change from the old state is not what the reader sees.
   */
  showNextStateAtOnce(): void {
    // Only when a draw is to come: a state drawn ahead, while the chart was hidden, leaves nothing to draw, and the
    // flag left set would make the chart's next move a jump.
    if (this.isUpdatePending || pendingDraws.has(this)) this.atOnce = true;
    if (this.drawWaitsInBackground) this.drawIn(nextTask);
    // Its labels are fitted again as it comes into view, drawn anew or not: the reader's text spacing may have
    // changed while it was hidden, and the plot's size with it no longer tells (the caption has its room).
    if (this.svg && this.drawn) this.fitLabelsWhenSettled(this.svg, 0);
  }

  /**
   * Ends a move at once, in its last picture: for a page that takes the chart out of sight while it moves (the
   * story's section fades it out for another chart). Nobody follows a move under a fade-out, and each of its
   * frames cost as much as a seen one, in the frames of the step change that brings the other chart in.
   */
  finishMoveAtOnce(): void {
    const svg = this.svg;
    const last = this.lastMarks;
    if (!svg || !last || performance.now() >= this.movingUntil) return;
    this.movingUntil = 0;
    const steps = this.draw(svg, last.marks, 0);
    if (steps) runToEnd(steps);
    this.fitLabelsWhenSettled(svg, 0);
  }

  /** How long this chart's last layout took, in ms: what preparing another state ahead would cost. */
  layoutCostMs = Number.POSITIVE_INFINITY;

  private timedLayout(rows: readonly Row[], state: ChartState, size: Size): Marks {
    const start = performance.now();
    const marks = this.layout(rows, state, size);
    this.layoutCostMs = performance.now() - start;
    return marks;
  }

  /** The state a set of attributes asks for (those of this chart's schema), or null when they are not valid for these rows. */
  private stateOf(attributes: Readonly<Record<string, string>>, ids: readonly string[]): ChartState | null {
    const given: Record<string, string> = {};
    for (const name of Object.keys(this.schema.attributes)) if (attributes[name]) given[name] = attributes[name]!;
    return validateState(this.schema, given, ids).length ? null : resolveState(this.schema, given);
  }

  /**
   * Lays out a state this chart may be asked to show next (the story's next and previous steps), at its current
   * size, so that showing it then only draws: a slice of its steps (layoutInSteps) now, the rest in background
   * tasks, a slice each. A draw that wants that layout before it is done finishes it at once (marksFor). Call it
   * when the page is idle; it draws nothing.
   */
  prepare(attributes: Record<string, string>): void {
    const rows = this.rows;
    const last = this.lastMarks;
    if (!rows || !last || last.rows !== rows) return;
    const state = this.stateOf(attributes, idsOf(rows));
    if (!state) return;
    const [, size] = last.key.split('|');
    const [width, height] = size!.split('x').map(Number) as [number, number];
    const key = `${JSON.stringify(state)}|${width}x${height}|${this.layoutInputsKey()}`;
    if (key === last.key || this.prepared.get(key)?.rows === rows || this.preparing.get(key)?.rows === rows) return;
    const job: Preparing<Row, Marks> = { key, rows, steps: this.layoutInSteps(rows, state, { width, height }), ms: 0, cancel: () => {} };
    this.preparing.set(key, job);
    // A few at most (the story asks for the steps either side, and the one after next): the oldest goes.
    for (const [oldKey, old] of this.preparing) if (this.preparing.size > 3 && old !== job) this.dropPreparing(oldKey);
    const slice = (): void => {
      if (this.preparing.get(key) !== job) return;
      const start = performance.now();
      const ended = runSlice(job.steps);
      job.ms += performance.now() - start;
      if (ended) this.keepPreparedBy(job, ended.value);
      else job.cancel = inBackground(slice);
    };
    slice();
  }

  /** The layouts `prepare` is making, in slices, by key: their rows, steps left, and time so far. */
  private readonly preparing = new Map<string, Preparing<Row, Marks>>();

  private dropPreparing(key: string): void {
    this.preparing.get(key)?.cancel();
    this.preparing.delete(key);
  }

  /** Finishes at once the layout `prepare` is making for `key`, if any. The time that took, in ms. */
  private finishPreparing(key: string, rows: readonly Row[]): number {
    const job = this.preparing.get(key);
    if (!job || job.rows !== rows) return 0;
    const start = performance.now();
    const marks = runToEnd(job.steps);
    const ms = performance.now() - start;
    job.ms += ms;
    this.keepPreparedBy(job, marks);
    return ms;
  }

  private keepPreparedBy(job: Preparing<Row, Marks>, marks: Marks): void {
    if (this.preparing.get(job.key) === job) this.dropPreparing(job.key);
    this.layoutCostMs = job.ms;
    this.keepPrepared(job.key, { rows: job.rows, marks });
  }

  /** What the next draw shows: the current state at the plot's size, and its key; null when nothing can draw. */
  private drawTarget(): { rows: readonly Row[]; state: ChartState; stateKey: string; size: Size; key: string } | null {
    const frame = this.frame;
    const rows = this.rows;
    if (!frame || !this.svg || !rows || this.currentMessage() !== null) return null;
    const state = this.chartState;
    const stateKey = JSON.stringify(state);
    // The first room (and a print's) is measured before the plot's size is read; a room the chart has is kept,
    // and measured again in the background when what it depends on has changed.
    if (printing || !this.captionRoomFor.length) this.reserveCaptionRoom(rows, frame);
    // The host's box says when to re-measure; the frame's box (the host less its caption) says how big the plot is.
    // Read in the draw's task, which runs after a frame (scheduleDraw): that frame has laid the page out already.
    const size = { width: frame.clientWidth, height: frame.clientHeight };
    if (this.captionStates?.length && !sameParts(this.captionRoomKey(rows, size.width), this.captionRoomFor)) this.measureRoomInBackground();
    if (size.width <= 0 || size.height <= 0) return null;
    return { rows, state, stateKey, size, key: `${stateKey}|${size.width}x${size.height}|${this.layoutInputsKey()}` };
  }

  /**
   * Measures some of the captions' room when the chart has none yet (reserveCaptionRoom): its first draw waits
   * for it. True when it did.
   */
  private measureCaptionsAhead(): boolean {
    const frame = this.frame;
    if (!frame || !this.rows || !this.svg || this.currentMessage() !== null || this.captionRoomFor.length) return false;
    return this.reserveCaptionRoom(this.rows, frame, true);
  }

  /**
   * Lays out what the next draw shows when no layout of it is ready (not drawn last, not prepared). True when it
   * did and that took long enough to be worth a task of its own: the draw then waits for the next task.
   */
  private layOutAhead(): boolean {
    const target = this.drawTarget();
    if (!target) return false;
    const { rows, state, size, key } = target;
    if (this.lastMarks && this.lastMarks.rows === rows && this.lastMarks.key === key && this.svg!.childNodes.length) return false;
    // The rest of a layout made ahead, when it was not done yet: a task of its own if that was long, as below.
    if (this.finishPreparing(key, rows) >= SEPARATE_LAYOUT_MS) return true;
    if (this.prepared.get(key)?.rows === rows) return false;
    if (this.warmLayout(size)) return true;
    this.keepPrepared(key, { rows, marks: this.timedLayout(rows, state, size) });
    return this.layoutCostMs >= SEPARATE_LAYOUT_MS;
  }

  /**
   * Work that makes a layout at this size cheaper (measuring text it will need), done a slice at a time in the
   * draw's tasks before the layout: true while there is more. None by default.
   */
  protected warmLayout(_size: Size): boolean {
    return false;
  }

  private keepPrepared(key: string, layout: { rows: readonly Row[]; marks: Marks }): void {
    this.prepared.delete(key);
    this.prepared.set(key, layout);
    // Keep the few most recent: the neighbours of the step being read.
    while (this.prepared.size > 6) this.prepared.delete(this.prepared.keys().next().value!);
  }

  /** A draw under way in steps (see draw), of the picture `lastMarks` names: its duration and the steps left. */
  private drawing?: { duration: number; steps: Iterator<unknown, void> };

  /**
   * Draws the current state; `hidden`, at once and, where the chart draws in steps, only a slice of them (the
   * next call goes on with the same picture). True when the picture is drawn.
   */
  private drawNow(hidden = false): boolean {
    // Asked for the next draw, whether or not it changes the picture.
    const atOnce = this.atOnce;
    this.atOnce = false;
    const target = this.drawTarget();
    const svg = this.svg;
    if (!target || !svg) return true;
    const { rows, state, stateKey, size, key } = target;
    const drawing = this.drawing;
    this.drawing = undefined;
    // The picture drawn last, or going on from where it paused; another is drawn over what it had drawn.
    if (this.lastMarks && this.lastMarks.rows === rows && this.lastMarks.key === key && svg.childNodes.length) return drawing ? this.drawOn(svg, drawing, hidden) : true;
    const marks = this.marksFor(rows, state, size, key);
    const stateChanged = this.drawn && this.lastMarks?.key.split('|')[0] !== stateKey;
    this.lastMarks = { rows, key, marks };
    // Set only when it changes: setting it, even to the same value, lays the whole drawing out again.
    writeAttr(svg, 'viewBox', `0 0 ${size.width} ${size.height}`);
    this.drawnSize = size;
    this.holdDrawing(svg, size);
    // Steps passing faster than a transition (a fling, quick presses of Next): the newest state shows at once,
    // rather than one more move starting from a picture that was itself still moving. Nobody sees a hidden chart
    // move: it draws at once, and in steps where it can.
    const stillMoving = performance.now() < this.movingUntil;
    const duration = !stateChanged || atOnce || hidden || stillMoving || prefersReducedMotion() ? 0 : TRANSITION_MS;
    if (stateChanged) this.movingUntil = duration ? performance.now() + duration : 0;
    const steps = this.draw(svg, marks, duration) ?? [].values();
    return this.drawOn(svg, { duration, steps }, hidden);
  }

  /**
   * Takes the steps of a draw of `lastMarks`: a slice of them when `sliced` (the rest wait in `drawing`), else all
   * that are left; then its labels are fitted once it settles, its rows warmed up and the host marked drawn. True
   * when it is drawn.
   */
  private drawOn(svg: SVGSVGElement, drawing: NonNullable<typeof this.drawing>, sliced: boolean): boolean {
    if (sliced && !runSlice(drawing.steps)) {
      this.drawing = drawing;
      return false;
    }
    runToEnd(drawing.steps);
    const { rows, key } = this.lastMarks!;
    const stateKey = key.split('|')[0]!;
    const { duration } = drawing;
    // A move starts a frame after the draw that sets it up (holdMovesPastNextFrame says why), and ends as much later.
    if (duration) {
      const until = this.movingUntil;
      holdMovesPastNextFrame(svg, (waited) => {
        if (this.movingUntil === until) this.movingUntil = until + waited;
      });
    }
    this.fitLabelsWhenSettled(svg, duration);
    this.drawn = true;
    if (this.warmUp && this.warmedRows !== rows) {
      this.warmedRows = rows;
      void inSlices(this.warmUp(rows));
    }
    // The first state drawn is not announced: it is the page's, not a change.
    if (!this.lastDescribedKey) this.lastDescribedKey = stateKey;
    this.markDrawn(stateKey);
    return true;
  }

  /** The plot's box as the resize observer last gave it, to the fraction of a pixel; the size last drawn for. */
  private plotBox?: Size;
  private drawnSize?: Size;

  /**
   * Holds the drawing at the plot's box (holdDrawingSize) while that is the box it was drawn for (the same in whole
   * pixels); once the box has changed, lets the drawing scale to it until the draw at the new size.
   */
  private holdDrawing(svg: SVGSVGElement, drawn: Size): void {
    const box = this.plotBox;
    if (!box) return holdDrawingSize(svg, drawn);
    const fits = Math.abs(box.width - drawn.width) < 1 && Math.abs(box.height - drawn.height) < 1;
    holdDrawingSize(svg, fits ? box : null);
  }

  /**
   * Keeps labels inside the plot under a reader's text spacing (fit-labels.ts), once any transition has ended. In a
   * task after a frame, where the page's styles are fresh and reading them costs nothing: in an animation frame the
   * read made the frame work out its styles and layout early, then again after the frame's other callbacks.
   */
  private fitLabelsWhenSettled(svg: SVGSVGElement, duration: number): void {
    this.cancelFit?.();
    let cancelTask: (() => void) | undefined;
    // The move may start a frame or two late (holdMovesPastNextFrame): the labels wait for it to end.
    const fitWhenStill = (): void => {
      cancelTask = afterNextFrame(() => (transitionRunning(svg) ? fitWhenStill() : fitLabelsToPlot(svg)));
    };
    const timer = setTimeout(fitWhenStill, duration);
    this.cancelFit = () => {
      clearTimeout(timer);
      cancelTask?.();
    };
  }

  /** Marks the host once drawn, so tests and the story can wait for a finished draw. */
  private markDrawn(stateKey: string): void {
    this.setAttribute('data-drawn', stateKey);
  }

  // ---- settled: the picture is final (see the class comment) ------------------------------------------------

  private settle = pendingSettle();
  private settleToken = 0;

  /** Resolves once the current state is drawn and every transition of it has ended; replaced as a new one draws. */
  get settled(): Promise<void> {
    return this.settle.promise;
  }

  /** A new picture starts: `settled` is a new pending promise (unless one is pending already). */
  private unsettle(): void {
    this.settleToken++;
    if (this.settle.done) this.settle = pendingSettle();
  }

  /** Whether the last draw was of the current rows and state (at whatever size). */
  private drewCurrentState(): boolean {
    const last = this.lastMarks;
    return !!last && last.rows === this.rows && last.key.split('|')[0] === JSON.stringify(this.chartState);
  }

  /** Settles once no transition runs in the plot: at once when none was scheduled, else checked every frame. */
  private settleWhenStill(): void {
    if (this.settle.done) return;
    const token = ++this.settleToken;
    const check = (): void => {
      if (token !== this.settleToken) return;
      if (this.svg && transitionRunning(this.svg)) {
        requestAnimationFrame(check);
        return;
      }
      this.settle.done = true;
      this.settle.resolve();
      this.dispatchEvent(new Event('fl-chart-settled', { bubbles: true, composed: true }));
    };
    check();
  }
}

function pendingSettle(): { promise: Promise<void>; resolve: () => void; done: boolean } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve, done: false };
}

/**
 * Holds the drawing at a fixed size (the plot's box it was drawn for), or lets it fill the plot's box again (null).
 * As 100% of the frame, the drawing followed every layout pass of the frame, and a flex layout lays the frame out
 * at no height before it gives it its height: each layout of the chart's box (a caption measured, a step's live
 * text) changed the drawing's scale twice, and every mark in it was laid out again. At a fixed size nothing in it
 * moves. The screen only (chartStyles): a printed chart scales to the page's box.
 */
function holdDrawingSize(svg: SVGSVGElement, size: Size | null): void {
  writeStyle(svg, '--_drawn-width', size ? `${size.width}px` : null);
  writeStyle(svg, '--_drawn-height', size ? `${size.height}px` : null);
}

/** Whether two keys (lists of parts compared by identity) are the same. */
function sameParts(key: readonly unknown[], other: readonly unknown[] | undefined): boolean {
  return !!other && other.length === key.length && key.every((part, i) => part === other[i]);
}

/** Charts with a draw waiting for the next frame, and whether the page is being printed. */
const pendingDraws = new Set<{ flushDraw(): void }>();
let printing = false;
if (typeof addEventListener === 'function') {
  addEventListener('beforeprint', () => {
    printing = true;
    for (const chart of [...pendingDraws]) chart.flushDraw();
  });
  addEventListener('afterprint', () => {
    printing = false;
  });
}

const defaultRowsByTag = new Map<string, readonly unknown[]>();

/**
 * Gives a chart element its default rows (the story's data), used when a page sets neither `data` nor `src`.
 * The page entry and the embed entry call this; the charts themselves import no story.
 */
export function setDefaultRows(tag: string, rows: readonly unknown[]): void {
  defaultRowsByTag.set(tag, rows);
}

/** The default rows a page gave a chart (setDefaultRows), if any: for work a chart's module can do ahead. */
export function defaultRowsOf(tag: string): readonly unknown[] | undefined {
  return defaultRowsByTag.get(tag);
}

// Motion follows the reader's choice on the page, else the system setting (motion.ts).
export { prefersReducedMotion };

/** Defines a custom element unless the name is taken (two embed bundles on one page must not throw). */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
