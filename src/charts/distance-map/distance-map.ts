import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import type { Topology } from 'topojson-specification';
import { defaultRowsOf, define, FlChart } from '../shared/chart-element.ts';
import type { Size } from '../shared/types.ts';
import type { ChartState } from '../shared/schema.ts';
import { chartStyles, themeTokens } from '../shared/theme.ts';
import { TextWidths } from '../shared/text-width.ts';
import { forcedColorStyles } from '../shared/forced-colors.ts';
import { mapText } from './text.ts';
import { distanceMapStyles } from './distance-map.styles.ts';
import { isNarrowFrame, layout as layoutMap, type MapGeography, type MapMarks } from './layout.ts';
import { drawInSteps } from './draw.ts';
import { baseGeography, graticule, projectionSteps } from './layout-geography.ts';
import { measureNames } from './layout-names.ts';
import { inBackground, inSlices, runSlice } from '../shared/background.ts';
import { insideUkraine, nearestBorderPoint } from './geo.ts';
import { distanceMapSchema, placesDataset, type PlaceRow } from './schema.ts';

/** How far ahead of the viewport the map starts fetching its geography. */
const PREFETCH_MARGIN = '100% 0px 100% 0px';

const topologies = new Map<string, Promise<Topology>>();
/** Region files already here: a map made later (a print figure, a second embed) draws its shapes at once. */
const loadedTopologies = new Map<string, Topology>();

/** Fetches a region file once per URL for the whole page; a failure is forgotten, so a later map may retry. */
export function loadTopology(url: string): Promise<Topology> {
  let pending = topologies.get(url);
  if (!pending) {
    pending = fetch(url, { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<unknown>;
      })
      .then((json) => {
        const topology = json as Partial<Topology> | null;
        if (!topology || topology.type !== 'Topology' || !topology.objects?.countries) {
          throw new Error('not a TopoJSON file with a "countries" object');
        }
        return topology as Topology;
      })
      // Projected ahead of the first draw, in slices, so that the draw only lays out.
      .then(async (topology) => {
        await inSlices(projectionSteps(topology));
        loadedTopologies.set(url, topology);
        return topology;
      });
    pending.catch(() => topologies.delete(url));
    topologies.set(url, pending);
  }
  return pending;
}

/**
 * `<fl-distance-map>`: how deep the war reaches. Frames places and regions, and measures great-circle distances
 * between two places or from a place to the nearest point of Ukraine's border, computed from coordinates and the
 * border's geometry. Where the article gives its own figure, the label shows both.
 *
 * Distances, the sentence and the table need no download: Ukraine's outline is bundled. The country shapes are
 * fetched only once the map is connected and near the viewport (or ahead of any map, for a page that asks:
 * `getReadyAhead` in ready-ahead.ts); if they cannot be loaded, the map says so in its box and everything else still shows.
 *
 * @attr focus - place ids and/or a named region (ukraine, russia-west, caucasus, middle-east, isis-reach) to frame
 * @attr measure - "place border" or "place place": the distance to draw and label
 * @attr geography - URL of the region's TopoJSON, for pages that host it elsewhere (default: the bundled asset)
 * @attr loading - `lazy` (default): fetch the geography once near the viewport; `eager`: as soon as connected
 * @cssproperty --fl-aspect - the map's aspect ratio when the host has no height (default 4 / 3)
 */
export class FlDistanceMap extends FlChart<PlaceRow, MapMarks> {
  static override styles = [themeTokens, chartStyles, distanceMapStyles, forcedColorStyles];

  /** Where every map fetches its geography unless its `geography` attribute says otherwise. */
  static geographyUrl: string = new URL('../../../assets/geo/region.topo.json', import.meta.url).href;

  /**
   * Place ids and/or a named region to frame: the `focus` attribute. (The property has its own name, so that
   * `focus()`, the DOM method every element has, keeps working.)
   */
  @property({ attribute: 'focus' }) focusIds?: string;
  /** Two ids: a place and `border`, or two places. */
  @property() measure?: string;
  /** URL of the region's TopoJSON; overrides `FlDistanceMap.geographyUrl` for this map. */
  @property() geography?: string;
  /**
   * When to fetch the geography, as `<img loading>`: `lazy` (the default) once the map comes near the viewport,
   * `eager` as soon as it is connected (a page about to print, or a map that opens the page).
   */
  @property() loading?: string;

  /** Whether the map has asked for its geography: near the viewport, loading="eager", printing, or asked. */
  @state() private wanted = false;

  protected readonly schema = distanceMapSchema;
  protected readonly datasetSchema = placesDataset;
  protected readonly text = mapText;

  /**
   * The geography's fetch. The task keeps only the answer for the latest URL: a map whose `geography` changes
   * while a file is on its way ignores that file.
   */
  private readonly geographyTask = new Task(this, {
    task: async ([url, wanted]: readonly [string, boolean]) => {
      if (!wanted) return initialState;
      try {
        return await loadTopology(url);
      } catch (error) {
        console.warn(`<fl-distance-map>: the map's geography could not be loaded from ${url} (${error instanceof Error ? error.message : String(error)}); showing places and distances without it.`);
        throw error;
      }
    },
    args: () => [this.geographyUrl, this.wanted] as const,
  });

  /** Watches whether the map is near the viewport, until it has asked for its geography. */
  private readonly viewport = new IntersectionController(this, {
    config: { rootMargin: PREFETCH_MARGIN },
    callback: (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.loadGeography();
    },
  });

  /** The URL this map fetches its geography from. */
  get geographyUrl(): string {
    return this.geography || (this.constructor as typeof FlDistanceMap).geographyUrl;
  }

  /** The geography as the layout takes it, from the task's state. */
  private get geo(): MapGeography {
    // A region file already here (a print figure, a second embed) is drawn at once, without a loading state.
    const loaded = this.wanted ? loadedTopologies.get(this.geographyUrl) : undefined;
    if (loaded) return { status: 'ready', topology: loaded };
    switch (this.geographyTask.status) {
      case TaskStatus.PENDING:
        return { status: 'loading' };
      case TaskStatus.COMPLETE:
        return this.geographyTask.value ? { status: 'ready', topology: this.geographyTask.value } : { status: 'waiting' };
      case TaskStatus.ERROR:
        return { status: 'failed' };
      default:
        return { status: this.wanted ? 'loading' : 'waiting' };
    }
  }

  /** Where the geography stands: waiting (not near the viewport yet), loading, ready or failed. */
  get geographyStatus(): MapGeography['status'] {
    return this.geo.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Without IntersectionObserver there is no telling when the map nears the viewport: fetch at once.
    const unwatched = typeof IntersectionObserver === 'undefined';
    if (!this.wanted && (unwatched || this.eager() || loadedTopologies.has(this.geographyUrl))) this.loadGeography();
    addEventListener('beforeprint', this.onBeforePrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeprint', this.onBeforePrint);
  }

  private eager(): boolean {
    return this.loading === 'eager' || (typeof matchMedia === 'function' && matchMedia('print').matches);
  }

  /** A printed page has no viewport to come near: every map fetches its shapes when printing starts. */
  private readonly onBeforePrint = (): void => this.loadGeography();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('geography') && changed.get('geography') !== undefined) {
      // Another file: wait again until the map is near the viewport.
      this.wanted = false;
      this.viewport.observe(this);
    }
    if (changed.has('loading') && this.isConnected && !this.wanted && this.eager()) this.loadGeography();
  }

  /**
   * Fetches the geography now rather than when the map nears the viewport (for printing, or a page that knows
   * the map is about to show). Does nothing while it is loading or once it has loaded.
   */
  loadGeography(): void {
    if (this.wanted) return;
    this.viewport.unobserve(this);
    this.wanted = true;
  }

  protected override stateValue(name: string): unknown {
    return name === 'focus' ? this.focusIds : super.stateValue(name);
  }

  protected override layoutInputsKey(): string {
    return `${this.geo.status}:${this.geographyUrl}:${this.fonts.version}`;
  }

  protected layout(rows: readonly PlaceRow[], state: ChartState, size: Size): MapMarks {
    return layoutMap({ rows, state, size, textWidth: this.fonts.width, geography: this.geo });
  }

  /**
   * Each place's distance to Ukraine's border, a search along the whole outline: the text of a state that frames
   * many places asks for a dozen at once, which on a phone was a stall at that step.
   */
  protected override warmUp(rows: readonly PlaceRow[]): Iterator<unknown, void> {
    return borderDistances(rows);
  }

  /** The names measured ahead (measureNames), for a geography, a measurer's fonts and a width class. */
  private namesMeasured?: { key: string; steps: Iterator<unknown, void>; done: boolean };

  protected override warmLayout(size: Size): boolean {
    const geo = this.geo;
    if (geo.status !== 'ready' || !geo.topology) return false;
    const base = baseGeography(geo.topology);
    const narrow = isNarrowFrame(size.width);
    const key = `${base.key}|${this.fonts.version}|${narrow}`;
    if (this.namesMeasured?.key !== key) this.namesMeasured = { key, steps: measureNames(base, this.fonts.width, narrow), done: false };
    const names = this.namesMeasured;
    if (!names.done) names.done = runSlice(names.steps) !== null;
    return !names.done;
  }

  /** Labels are measured in the font they are drawn in, and again once fonts have loaded. */
  private readonly fonts = new TextWidths(this);

  protected draw(svg: SVGSVGElement, marks: MapMarks, duration: number): Iterator<void, void> {
    return drawInSteps(svg, marks, { duration });
  }
}

/** Each place's distance to Ukraine's border and whether it lies inside, one place per step (cached in geo.ts). */
function* borderDistances(rows: readonly PlaceRow[]): Generator<void, void> {
  for (const row of rows) {
    nearestBorderPoint([row.lon, row.lat]);
    insideUkraine([row.lon, row.lat]);
    yield;
  }
}

/**
 * The page's own places (the story's), when it gave them: worked out once this module has loaded (the story
 * fetches it when idle, before any map is near), in background slices. The story defines the element once this
 * has resolved (./chart.ts), so that the first map's first text, table and captions have them ready: worked out
 * in that first update instead, they made it a long task on a phone.
 */
export const placesWorkedOut: Promise<void> = new Promise((resolve) =>
  inBackground(() => {
    const rows = defaultRowsOf('fl-distance-map') as readonly PlaceRow[] | undefined;
    if (!rows) return resolve();
    inSlices(borderDistances(rows)).then(resolve, resolve);
  }),
);

// The graticule drawn while the geography is still on its way, projected once (a long task on a phone when the
// first map's first layout did it).
inBackground(() => void graticule());

/** Defines `<fl-distance-map>` (once, however often it is called). */
export function defineDistanceMap(): void {
  define('fl-distance-map', FlDistanceMap);
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-distance-map': FlDistanceMap;
  }
}
