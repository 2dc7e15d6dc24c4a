/**
 * The build's drawings (src/drawings/) are the charts the browser draws: for every step and both sizes, the chart
 * element given the step's state at the drawing's size draws the same marks, in the same order, at the same
 * positions (rounded to a pixel), with the same text, as the SVG file the build wrote. Both measure text in the
 * page's own font (loaded here as the page loads it), so any difference is a difference in drawing.
 */
import { expect } from 'chai';
import { cleanup, drawn, frames, mount, until } from './helpers.ts';
import { defineStoryCharts } from './story-charts.ts';

interface Entry {
  readonly step: string;
  readonly chart: string;
  readonly tag: string;
  readonly state: Record<string, string>;
  readonly size: string;
  readonly width: number;
  readonly height: number;
  readonly path: string;
}

const FACES = [
  ['400', 'normal'],
  ['400', 'italic'],
  ['600', 'normal'],
  ['700', 'normal'],
] as const;

/** The chart font as the page has it (fonts.css): Source Sans 3 from the page's own files. */
async function loadChartFont(): Promise<void> {
  const style = document.createElement('style');
  style.textContent = FACES.map(
    ([weight, face]) =>
      `@font-face{font-family:'Source Sans 3';font-style:${face};font-weight:${weight};src:url('/node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-${face}.woff2') format('woff2')}`,
  ).join('');
  document.head.append(style);
  await Promise.all(FACES.map(([weight, face]) => document.fonts.load(`${face} ${weight} 12px 'Source Sans 3'`)));
}

const GEOMETRY = ['x', 'y', 'cx', 'cy', 'r', 'width', 'height', 'x1', 'x2', 'y1', 'y2', 'transform', 'd', 'points', 'text-anchor', 'class'];

interface Mark {
  /** Tag, classes, anchors and text: what must be the same exactly. */
  readonly kind: string;
  /** Every number in its geometry, in order. */
  readonly numbers: number[];
}

const NUMBER = /-?\d*\.?\d+(?:e-?\d+)?/g;

/** Every mark under an svg, in document order: its tag, classes and own text, and the numbers of its geometry. */
function marksOf(svg: Element): Mark[] {
  const out: Mark[] = [];
  for (const element of svg.querySelectorAll('*')) {
    if (element.closest('style, title, defs')) continue;
    const geometry = GEOMETRY.filter((name) => name !== 'class' && name !== 'text-anchor' && element.hasAttribute(name));
    const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('');
    out.push({
      kind: `${element.localName}.${element.getAttribute('class') ?? ''} ${element.getAttribute('text-anchor') ?? ''} [${geometry.join(',')}]${text ? ` "${text}"` : ''}`,
      numbers: geometry.flatMap((name) => (element.getAttribute(name)!.match(NUMBER) ?? []).map(Number)),
    });
  }
  return out;
}

/**
 * The same mark, at the same place to the pixel. The build measures text from the font's advance widths, the
 * browser with kerning, which differ by a fraction of a pixel per label: a position rounded to a pixel may fall
 * either side of a half, and where labels follow one another in a row (a map's legend strip) two fractions add up.
 * So a rounded position may differ by up to 2 px; the marks, their order, classes and text may not differ at all.
 */
const TOLERANCE_PX = 2;

function sameMark(a: Mark, b: Mark | undefined): boolean {
  return !!b && a.kind === b.kind && a.numbers.length === b.numbers.length && a.numbers.every((n, i) => Math.abs(Math.round(n) - Math.round(b.numbers[i]!)) <= TOLERANCE_PX);
}

const show = (mark: Mark | undefined) => (mark ? `${mark.kind} ${mark.numbers.map((n) => Math.round(n)).join(' ')}` : 'nothing');

describe('drawings made at build time', () => {
  let entries: Entry[] = [];

  before(async () => {
    const response = await fetch('/dist/drawings/index.json');
    expect(response.ok, 'the build wrote its drawings (npm run build)').to.equal(true);
    entries = (await response.json()) as Entry[];
    await defineStoryCharts();
    document.documentElement.setAttribute('data-fl-motion', 'off');
    await loadChartFont();
  });
  after(() => {
    cleanup();
    document.documentElement.removeAttribute('data-fl-motion');
  });

  it('draws every step at a phone\u2019s and a desktop\u2019s width', async () => {
    const steps = new Set(entries.map((e) => e.step));
    expect(steps.size, 'steps drawn').to.be.greaterThan(20);
    for (const step of steps) expect(entries.filter((e) => e.step === step).map((e) => e.size).sort(), step).to.deep.equal(['desktop', 'phone']);
    for (const entry of entries) expect(entry.width, entry.path).to.equal(entry.size === 'phone' ? 350 : 640);
  });

  it('has the marks the browser draws for the same state at the same size', async function () {
    this.timeout(240_000);
    const mismatches: string[] = [];
    for (const entry of entries) {
      const attributes = Object.entries(entry.state)
        .filter(([, value]) => value !== '')
        .map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`)
        .join('');
      const container = mount(`<${entry.tag}${attributes} height="${entry.height}" theme="light" loading="eager"></${entry.tag}>`, entry.width);
      const chart = container.firstElementChild!;
      await drawn(chart);
      if (entry.chart === 'distance-map') await until(() => (chart as unknown as { geographyStatus: string }).geographyStatus === 'ready', 'the map\u2019s geography', 10_000);
      await frames(2);
      await (chart as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const live = chart.shadowRoot!.querySelector('svg')!;
      const file = new DOMParser().parseFromString(await (await fetch(`/dist/${entry.path}`)).text(), 'image/svg+xml').documentElement;
      expect(file.localName, `${entry.path} is an SVG`).to.equal('svg');
      expect(file.getAttribute('viewBox')).to.equal(live.getAttribute('viewBox'));
      const built = marksOf(file);
      const browser = marksOf(live);
      expect(built.length, `${entry.path}: marks drawn`).to.be.greaterThan(3);
      const first = built.findIndex((mark, i) => !sameMark(mark, browser[i]));
      if (first >= 0 || built.length !== browser.length) {
        const at = first >= 0 ? first : Math.min(built.length, browser.length);
        mismatches.push(`${entry.path} (mark ${at} of ${built.length}, browser ${browser.length}): build ${show(built[at])} | browser ${show(browser[at])}`);
      }
      container.remove();
    }
    expect(mismatches, mismatches.join('\n')).to.deep.equal([]);
  });
});
