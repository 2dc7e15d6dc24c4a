/**
 * The embed, as a page elsewhere gets it: test/fixtures/embed-page.html is plain HTML that loads only the built
 * dist/embed/frontlines.js (run `npm run build` first), opened in a frame so nothing of the test runner's own
 * module graph is in it. Charts with the story's data, with story attributes, with their own data; two copies of
 * the bundle; sizing, theming and parts; listeners left behind; every kind of bad input; the iframe embed and its
 * height messages; and the story's Embed dialog.
 */
import { expect } from 'chai';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { frames, until } from './helpers.ts';
import { DESKTOP, chartFor, openStory, scrollToStep, type StoryPage } from './story-page.ts';
import { describeViolations, runAxe } from './axe.ts';

interface EmbedPage {
  readonly frame: HTMLIFrameElement;
  readonly window: Window & typeof globalThis & { flWarnings: string[]; flErrors: string[]; flProbe: Probe };
  readonly document: Document;
  close(): void;
}

interface Probe {
  listeners(): string[];
  observed(): Record<string, number>;
}

type Chart = HTMLElement & { updateComplete: Promise<unknown>; data?: unknown; chartState: Record<string, string> };

const TAGS = ['fl-casualties', 'fl-timeline', 'fl-distance-map'] as const;

let opened: { close(): void }[] = [];
afterEach(() => {
  for (const page of opened) page.close();
  opened = [];
});

/** Opens the plain embed page in a frame of the given size and waits for the bundle to define the charts. */
async function openEmbedPage(width = 1000, height = 800): Promise<EmbedPage> {
  const frame = document.createElement('iframe');
  frame.title = 'The embed page under test';
  frame.style.cssText = `position:fixed;left:0;top:0;width:${width}px;height:${height}px;border:0;background:#fff;z-index:1000`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/test/fixtures/embed-page.html';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as EmbedPage['window'];
  await until(() => TAGS.every((tag) => win.customElements.get(tag)), 'the bundle to define the charts', 10_000);
  const page = { frame, window: win, document: win.document, close: () => frame.remove() };
  opened.push(page);
  return page;
}

/** Adds markup to the embed page in a box of the given width and returns the box. */
function place(page: EmbedPage, markup: string, width = 640): HTMLElement {
  const box = page.document.createElement('div');
  box.style.width = `${width}px`;
  box.innerHTML = markup;
  page.document.body.append(box);
  return box;
}

function chartIn(box: HTMLElement): Chart {
  return box.firstElementChild as Chart;
}

/** Waits until the chart has drawn its current state (the base class marks it), or shows a message. */
async function settled(element: Chart, timeoutMs = 8000): Promise<void> {
  await until(() => element.hasAttribute('data-drawn') || message(element) !== null, `<${element.localName}> to draw or explain`, timeoutMs);
  await element.updateComplete;
  await frames(2);
}

function message(element: Element): string | null {
  return element.shadowRoot?.querySelector('[part~="message"]')?.textContent?.trim() ?? null;
}

function description(element: Element): string {
  return element.shadowRoot?.querySelector('.description')?.textContent?.trim() ?? '';
}

function marks(element: Element): number {
  return element.shadowRoot?.querySelector('svg')?.querySelectorAll('*').length ?? 0;
}

/** Runs `body` and returns the console warnings the embed page logged meanwhile. */
async function warningsDuring(page: EmbedPage, body: () => Promise<void>): Promise<string[]> {
  const before = page.window.flWarnings.length;
  await body();
  return page.window.flWarnings.slice(before);
}

describe('the embed bundle (dist/embed/frontlines.js) on a plain page', () => {
  it('defines the three charts, each drawing the story data by default', async () => {
    const page = await openEmbedPage();
    for (const tag of TAGS) {
      const element = chartIn(place(page, `<${tag}></${tag}>`));
      await settled(element);
      expect(message(element), `${tag}: ${message(element)}`).to.equal(null);
      expect(marks(element), `${tag} marks`).to.be.greaterThan(5);
      expect(description(element), `${tag} sentence`).to.match(/\w{3,}/);
    }
    expect(page.window.flErrors).to.deep.equal([]);
  });

  it('shows what the story shows for the same attributes (one step of each chart)', async () => {
    const story = await openStory('', DESKTOP);
    opened.push(story);
    const expected: { tag: string; state: Record<string, string>; sentence: string; drawn: string }[] = [];
    const charts = new Set<string>();
    for (const step of story.story.steps) {
      if (charts.has(step.chart)) continue;
      charts.add(step.chart);
      await scrollToStep(story, step.id);
      const element = chartFor(story, step) as Chart;
      await until(() => element.getAttribute('data-drawn') === JSON.stringify(element.chartState), `${step.tag} to draw ${step.id}`, 8000);
      const state = Object.fromEntries(Object.entries(step.state).filter(([, value]) => value !== ''));
      expected.push({ tag: step.tag, state, sentence: description(element), drawn: element.getAttribute('data-drawn')! });
    }
    story.close();
    expect(expected.map((e) => e.tag).sort()).to.deep.equal([...TAGS].sort());

    const page = await openEmbedPage();
    for (const { tag, state, sentence, drawn } of expected) {
      const attributes = Object.entries(state).map(([name, value]) => ` ${name}="${value}"`).join('');
      const element = chartIn(place(page, `<${tag}${attributes}></${tag}>`));
      await settled(element);
      expect(message(element), `<${tag}${attributes}>`).to.equal(null);
      expect(element.getAttribute('data-drawn'), `<${tag}${attributes}> state`).to.equal(drawn);
      expect(description(element), `<${tag}${attributes}> sentence`).to.equal(sentence);
    }
  });

  it('draws the example from the issue: a month of the timeline with the attack highlighted', async () => {
    const page = await openEmbedPage();
    const element = chartIn(place(page, '<fl-timeline from="2024-03-01" to="2024-03-31" highlight="crocus-attack"></fl-timeline>'));
    await settled(element);
    const attack = element.shadowRoot!.querySelector('g.event[data-id="crocus-attack"]');
    expect(attack?.getAttribute('data-emphasis')).to.equal('emphasis');
    const others = [...element.shadowRoot!.querySelectorAll('g.event:not([data-id="crocus-attack"])')];
    expect(others.length).to.be.greaterThan(0);
    expect(others.every((event) => event.getAttribute('data-emphasis') === 'muted')).to.equal(true);
  });

  it('takes its own rows through the data property', async () => {
    const page = await openEmbedPage();
    const element = chartIn(place(page, '<fl-timeline from="2024-01-01" to="2024-06-30"></fl-timeline>'));
    element.data = [
      { id: 'launch', start: '2024-02-01', label: 'Project launch', short: 'Launch', kind: 'politics', source: 'Our notes', confidence: 'C1' },
      { id: 'field-work', start: '2024-03-04', end: '2024-04-19', label: 'Field work', short: 'Field', kind: 'military', source: 'Our notes', confidence: 'C1' },
    ];
    await settled(element);
    expect(message(element)).to.equal(null);
    const ids = [...element.shadowRoot!.querySelectorAll('g.event')].map((event) => event.getAttribute('data-id'));
    expect(ids).to.have.members(['launch', 'field-work']);
    expect(description(element)).to.contain('Project launch');
  });

  it('takes its own rows from a CSV file and from a JSON file (src)', async () => {
    const page = await openEmbedPage();
    const csv = chartIn(place(page, '<fl-distance-map src="/story/data/places.csv" focus="kstovo" measure="kstovo border"></fl-distance-map>'));
    await settled(csv);
    expect(message(csv)).to.equal(null);
    expect(description(csv)).to.match(/\d+ km/);

    const rows = [
      { id: 'here', name: 'Our office', lat: 50.45, lon: 30.52, kind: 'other', source: 'Our map', confidence: 'C1' },
      { id: 'there', name: 'The depot', lat: 55.75, lon: 37.62, kind: 'other', source: 'Our map', confidence: 'C1' },
    ];
    const url = page.window.URL.createObjectURL(new page.window.Blob([JSON.stringify(rows)], { type: 'application/json' }));
    const json = chartIn(place(page, `<fl-distance-map src="${url}" focus="here there" measure="here there"></fl-distance-map>`));
    await settled(json);
    expect(message(json)).to.equal(null);
    expect(description(json)).to.contain('Our office');
  });

  it('survives a second copy of the bundle on the page, and a second definition', async () => {
    const page = await openEmbedPage();
    const first = chartIn(place(page, '<fl-casualties view="toll"></fl-casualties>'));
    await settled(first);
    const definition = page.window.customElements.get('fl-casualties');
    // The same file under another URL is another module: it runs again and defines again.
    const copy = (await (page.window as unknown as { eval(code: string): Promise<Record<string, () => void>> }).eval(
      "import('/dist/embed/frontlines.js?copy=2')",
    )) as Record<string, () => void>;
    copy.defineCasualties!();
    copy.defineTimeline!();
    copy.defineDistanceMap!();
    await frames(2);
    expect(page.window.customElements.get('fl-casualties')).to.equal(definition);
    const second = chartIn(place(page, '<fl-casualties view="compare"></fl-casualties>'));
    await settled(second);
    expect(message(second)).to.equal(null);
    expect(marks(second)).to.be.greaterThan(5);
    first.setAttribute('view', 'preliminary');
    await until(() => first.getAttribute('data-drawn') === JSON.stringify({ view: 'preliminary' }), 'the first chart to redraw');
    expect(page.window.flErrors).to.deep.equal([]);
  });

  it('loads the map geography from beside the bundle, wherever the bundle is', async () => {
    const page = await openEmbedPage();
    const element = chartIn(place(page, '<fl-distance-map focus="ukraine"></fl-distance-map>')) as Chart & { geographyUrl: string; geographyStatus: string };
    await settled(element);
    expect(new URL(element.geographyUrl).pathname).to.equal('/dist/embed/region.topo.json');
    await until(() => element.geographyStatus === 'ready', 'the geography to load', 8000);
    await until(() => element.shadowRoot!.querySelectorAll('path.country').length > 5, 'countries to draw');
  });
});

describe('embedded charts are good guests', () => {
  it('take the width of their container, a default aspect, and a height attribute', async () => {
    const page = await openEmbedPage();
    for (const width of [360, 720]) {
      const element = chartIn(place(page, '<fl-casualties view="toll"></fl-casualties>', width));
      await settled(element);
      const frame = element.shadowRoot!.querySelector<HTMLElement>('[part~="frame"]')!.getBoundingClientRect();
      expect(Math.round(frame.width), `width in a ${width} px box`).to.equal(width);
      expect(frame.height / frame.width, 'default aspect 16 / 10').to.be.closeTo(10 / 16, 0.02);
      expect(element.shadowRoot!.querySelector('svg')!.getAttribute('viewBox')).to.equal(`0 0 ${width} ${Math.round(frame.height)}`);
    }
    const tall = chartIn(place(page, '<fl-casualties view="toll" height="420"></fl-casualties>', 500));
    await settled(tall);
    expect(Math.round(tall.shadowRoot!.querySelector<HTMLElement>('[part~="frame"]')!.getBoundingClientRect().height)).to.equal(420);
    const square = chartIn(place(page, '<fl-casualties view="toll" style="--fl-aspect: 1"></fl-casualties>', 400));
    await settled(square);
    expect(Math.round(square.shadowRoot!.querySelector<HTMLElement>('[part~="frame"]')!.getBoundingClientRect().height)).to.equal(400);
  });

  it('redraw when the container changes width', async () => {
    const page = await openEmbedPage();
    const box = place(page, '<fl-timeline from="2024-03-01" to="2024-03-31"></fl-timeline>', 700);
    const element = chartIn(box);
    await settled(element);
    box.style.width = '420px';
    await until(() => element.shadowRoot!.querySelector('svg')!.getAttribute('viewBox')?.startsWith('0 0 420 ') ?? false, 'a redraw at 420 px');
  });

  it('keep their styles in shadow DOM and expose the documented parts', async () => {
    const page = await openEmbedPage();
    const element = chartIn(place(page, '<fl-timeline></fl-timeline>'));
    await settled(element);
    const root = element.shadowRoot!;
    expect(root.adoptedStyleSheets.length + root.querySelectorAll('style').length).to.be.greaterThan(0);
    expect(page.document.querySelectorAll('style').length, 'no styles added to the page').to.equal(1);
    for (const part of ['figure', 'frame', 'svg', 'caption', 'table']) expect(root.querySelector(`[part~="${part}"]`), part).to.not.equal(null);
    const broken = chartIn(place(page, '<fl-timeline from="soon"></fl-timeline>'));
    await settled(broken);
    expect(broken.shadowRoot!.querySelector('[part~="message"]')).to.not.equal(null);
  });

  it('follow the page colour scheme, unless theme pins one, and take the documented custom properties', async () => {
    const page = await openEmbedPage();
    const box = place(
      page,
      '<fl-casualties></fl-casualties><fl-casualties theme="dark"></fl-casualties><fl-casualties theme="light"></fl-casualties>' +
        '<fl-casualties style="--fl-ink: rgb(1, 2, 3); --fl-accent: rgb(200, 0, 100); --fl-font: serif"></fl-casualties>',
    );
    const [auto, dark, light, custom] = [...box.children] as Chart[];
    for (const element of [auto, dark, light, custom]) await settled(element!);
    const ink = (element: Element) => page.window.getComputedStyle(element).color;
    const LIGHT_INK = 'rgb(27, 27, 27)';
    const DARK_INK = 'rgb(236, 236, 236)';
    const preferred = () => (page.window.matchMedia('(prefers-color-scheme: dark)').matches ? DARK_INK : LIGHT_INK);
    expect([ink(auto!), ink(dark!), ink(light!)]).to.deep.equal([preferred(), DARK_INK, LIGHT_INK]);
    // Flip the reader's preference where the browser lets a test emulate it (Chromium; Firefox over WebDriver
    // BiDi cannot): the unpinned chart follows.
    const flipped = preferred() === LIGHT_INK ? 'dark' : 'light';
    if (/Chrome\//.test(navigator.userAgent)) {
      await emulateMedia({ colorScheme: flipped });
      try {
        await until(() => preferred() === (flipped === 'dark' ? DARK_INK : LIGHT_INK), 'the emulated preference');
        expect([ink(auto!), ink(dark!), ink(light!)]).to.deep.equal([preferred(), DARK_INK, LIGHT_INK]);
      } finally {
        await emulateMedia({ colorScheme: flipped === 'dark' ? 'light' : 'dark' });
      }
    }
    expect(ink(custom!)).to.equal('rgb(1, 2, 3)');
    expect(page.window.getComputedStyle(custom!).fontFamily).to.equal('serif');
    const deaths = custom!.shadowRoot!.querySelector('svg circle, svg rect, svg path');
    expect(deaths, 'a mark').to.not.equal(null);
    const painted = [...custom!.shadowRoot!.querySelectorAll('svg *')].map((node) => page.window.getComputedStyle(node).fill);
    expect(painted, 'marks painted in --fl-accent').to.include('rgb(200, 0, 100)');
  });

  it('leave no listeners or observers behind when added and removed many times', async () => {
    const page = await openEmbedPage();
    const probe = page.window.flProbe;
    await frames(2);
    const listeners = probe.listeners();
    const observed = probe.observed();
    for (let round = 0; round < 15; round++) {
      const box = place(page, '<fl-casualties view="toll"></fl-casualties><fl-timeline highlight="crocus-attack"></fl-timeline><fl-distance-map focus="kstovo" measure="kstovo border"></fl-distance-map>');
      if (round % 5 === 0) for (const element of box.children) await settled(element as Chart);
      else await frames(1);
      box.remove();
    }
    // Moved rather than removed: a chart taken out and put back keeps working, and still leaves nothing behind.
    const box = place(page, '<fl-timeline></fl-timeline>');
    const element = chartIn(box);
    await settled(element);
    const other = place(page, '');
    other.append(element);
    await frames(2);
    box.remove();
    other.remove();
    await frames(3);
    expect(probe.listeners().sort(), 'window and document listeners').to.deep.equal([...listeners].sort());
    expect(probe.observed(), 'live observers').to.deep.equal(observed);
    expect(page.window.flErrors).to.deep.equal([]);
  });
});

describe('embedded charts with bad input', () => {
  /**
   * Places a bad chart beside a good one and checks the contract: a short message in the bad chart's box, one
   * console warning with the detail, nothing thrown, and the good chart drawn.
   */
  async function expectExplained(page: EmbedPage, markup: string, setup: (element: Chart) => void, expected: RegExp, timeoutMs = 8000): Promise<Chart> {
    let element!: Chart;
    let good!: Chart;
    const warnings = await warningsDuring(page, async () => {
      const box = place(page, `${markup}<fl-casualties view="compare"></fl-casualties>`);
      element = box.children[0] as Chart;
      good = box.children[1] as Chart;
      setup(element);
      await until(() => message(element) !== null, `a message for ${markup}`, timeoutMs);
      await settled(good);
      await frames(3);
    });
    const text = message(element)!;
    expect(text, markup).to.match(expected);
    expect(text.length, `short: ${text}`).to.be.lessThan(260);
    expect(element.shadowRoot!.querySelector('svg'), 'no plot').to.equal(null);
    const own = warnings.filter((warning) => warning.includes(`<${element.localName}>`));
    expect(own, `one warning for ${markup}: ${JSON.stringify(warnings)}`).to.have.length(1);
    expect(message(good), 'the other chart').to.equal(null);
    expect(marks(good), 'the other chart draws').to.be.greaterThan(5);
    expect(page.window.flErrors, 'nothing thrown').to.deep.equal([]);
    return element;
  }

  const none = () => {};

  it('an unknown attribute value', async () => {
    const page = await openEmbedPage();
    await expectExplained(page, '<fl-casualties view="sideways"></fl-casualties>', none, /view "sideways" is not allowed \(allowed: preliminary, toll, compare\)/);
    await expectExplained(page, '<fl-distance-map focus="atlantis"></fl-distance-map>', none, /unknown place "atlantis"/);
    await expectExplained(page, '<fl-timeline from="2024-03-31" to="2024-03-01"></fl-timeline>', none, /from 2024-03-31 is after to 2024-03-01/);
  });

  it('rows with missing or malformed fields', async () => {
    const page = await openEmbedPage();
    const rows = (changes: Record<string, unknown>) => [
      { id: 'a', start: '2024-02-01', label: 'A', short: 'A', kind: 'politics', source: 'Notes', confidence: 'C1' },
      { id: 'b', start: '2024-03-01', label: 'B', short: 'B', kind: 'politics', source: 'Notes', confidence: 'C1', ...changes },
    ];
    await expectExplained(page, '<fl-timeline></fl-timeline>', (element) => (element.data = rows({ label: '' })), /row 2.*missing label/);
    await expectExplained(page, '<fl-timeline></fl-timeline>', (element) => (element.data = rows({ start: 'last spring' })), /start "last spring" is not a date/);
    await expectExplained(page, '<fl-timeline></fl-timeline>', (element) => (element.data = rows({ colour: 'red' })), /unknown field "colour"/);
    await expectExplained(page, '<fl-timeline></fl-timeline>', (element) => (element.data = { rows: [] }), /must be an array of rows/);
    const csv = 'id,name,lat,lon,kind,source,confidence\nhere,Here,95,30,other,Notes,C1\n';
    const url = page.window.URL.createObjectURL(new page.window.Blob([csv], { type: 'text/csv' }));
    await expectExplained(page, `<fl-distance-map src="${url}" focus="here"></fl-distance-map>`, none, /row 2.*lat "95" is out of range/);
  });

  it('a src that is missing (404)', async () => {
    const page = await openEmbedPage();
    await expectExplained(page, '<fl-timeline src="/test/fixtures/no-such-file.csv"></fl-timeline>', none, /could not be loaded \(HTTP 404\)/);
  });

  it('a src that is neither CSV nor JSON', async () => {
    const page = await openEmbedPage();
    await expectExplained(page, '<fl-timeline src="/test/fixtures/embed-page.html"></fl-timeline>', none, /is neither CSV nor JSON \(it is text\/html/);
    const url = page.window.URL.createObjectURL(new page.window.Blob(['{ not json'], { type: 'application/json' }));
    await expectExplained(page, `<fl-timeline src="${url}"></fl-timeline>`, none, /is not valid JSON/);
  });

  it('a src on another origin that does not allow this page to read it (CORS)', async () => {
    const page = await openEmbedPage();
    // The test server on the other loopback name: another origin, and one that sends no CORS headers.
    const other = page.window.location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const url = `http://${other}:${page.window.location.port}/story/data/events.csv`;
    // The server answers there (an opaque response, not a refused connection): what stops the chart is CORS.
    const opaque = await page.window.fetch(url, { mode: 'no-cors' });
    expect(opaque.type).to.equal('opaque');
    await expectExplained(page, `<fl-timeline src="${url}"></fl-timeline>`, none, /could not be loaded \(network error, or the server does not allow this page to read it\)/);
  });

  it('shows data as text, never as markup', async () => {
    const page = await openEmbedPage();
    const hostile = '<img src=x onerror="window.flPwned=1">';
    const element = chartIn(place(page, '<fl-timeline from="2024-01-01" to="2024-06-30"></fl-timeline>'));
    element.data = [
      { id: 'a', start: '2024-02-01', label: hostile, short: hostile, note: hostile, kind: 'politics', source: hostile, confidence: 'C1' },
      { id: 'b', start: '2024-04-01', label: 'Safe', short: 'Safe', kind: 'politics', source: 'Notes', confidence: 'C1' },
    ];
    await settled(element);
    element.shadowRoot!.querySelector('details')!.open = true;
    await frames(3);
    const root = element.shadowRoot!;
    expect(root.querySelectorAll('img').length, 'no img element').to.equal(0);
    expect(root.querySelector('svg')!.textContent).to.contain('<img src=x');
    expect(root.querySelector('table')!.textContent).to.contain(hostile);
    expect(description(element)).to.contain('<img src=x');
    expect((page.window as unknown as { flPwned?: number }).flPwned).to.equal(undefined);
  });
});

describe('the iframe embed (dist/embed.html)', () => {
  /** Opens embed.html in a frame of the test page and collects the height messages it posts to its parent. */
  async function openFrame(query: string, width = 600): Promise<{ frame: HTMLIFrameElement; heights: { id: string; height: number }[]; close(): void }> {
    const heights: { id: string; height: number }[] = [];
    const frame = document.createElement('iframe');
    frame.title = 'An iframe embed under test';
    frame.style.cssText = `width:${width}px;height:300px;border:0`;
    const listen = (event: MessageEvent) => {
      if (event.source === frame.contentWindow && event.data?.type === 'frontlines:height') heights.push({ id: event.data.id, height: event.data.height });
    };
    window.addEventListener('message', listen);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = `/dist/embed.html${query}`;
    document.body.append(frame);
    await loaded;
    const handle = {
      frame,
      heights,
      close: () => {
        window.removeEventListener('message', listen);
        frame.remove();
      },
    };
    opened.push(handle);
    return handle;
  }

  const bodyHeight = (frame: HTMLIFrameElement) => Math.ceil(frame.contentDocument!.body.getBoundingClientRect().height);

  it('renders one chart from its query and posts its height on load and on every change of size', async () => {
    const { frame, heights } = await openFrame('?chart=timeline&from=2024-03-01&to=2024-03-31&highlight=crocus-attack&id=t1');
    const chart = () => frame.contentDocument!.querySelector('fl-timeline') as Chart | null;
    await until(() => chart()?.hasAttribute('data-drawn') ?? false, 'the framed timeline to draw', 10_000);
    expect(chart()!.getAttribute('highlight')).to.equal('crocus-attack');
    await until(() => heights.at(-1)?.height === bodyHeight(frame), 'a height message for the drawn chart');
    expect(heights.at(-1)!.id).to.equal('t1');
    const wide = heights.at(-1)!.height;
    frame.style.width = '380px';
    await until(() => heights.at(-1)!.height !== wide && heights.at(-1)!.height === bodyHeight(frame), 'a new height after a resize');
    // Opening the data table makes the page taller: the parent hears of it.
    const before = heights.at(-1)!.height;
    chart()!.shadowRoot!.querySelector('details')!.open = true;
    await until(() => heights.at(-1)!.height > before, 'a taller height with the table open');
  });

  it('answers a parent that asks for its height', async () => {
    const { frame, heights } = await openFrame('?chart=casualties&view=compare&id=asked');
    await until(() => heights.length > 0, 'a first height');
    const count = heights.length;
    frame.contentWindow!.postMessage({ type: 'frontlines:measure' }, '*');
    await until(() => heights.length > count, 'an answer');
    expect(heights.at(-1)!.id).to.equal('asked');
  });

  it('is sized by frame.js when the host page has it, and left alone otherwise', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'A host page under test';
    frame.style.cssText = 'width:520px;height:1600px;border:0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/test/fixtures/embed-frame-host.html';
    document.body.append(frame);
    opened.push({ close: () => frame.remove() });
    await loaded;
    const host = frame.contentDocument!;
    const sized = host.getElementById('sized') as HTMLIFrameElement;
    const unmarked = host.getElementById('unmarked') as HTMLIFrameElement;
    await until(() => sized.contentDocument?.querySelector('fl-casualties')?.hasAttribute('data-drawn') ?? false, 'the framed chart to draw', 10_000);
    await until(() => sized.style.height === `${bodyHeight(sized)}px`, `frame.js to size the iframe (${sized.style.height} vs ${bodyHeight(sized)})`);
    expect(bodyHeight(sized)).to.be.greaterThan(250);
    expect(unmarked.style.height).to.equal('');
    expect(unmarked.getBoundingClientRect().height).to.equal(150);
  });

  it('explains an unknown chart, an unknown parameter or a bad value in the frame', async () => {
    const cases: [string, RegExp, string][] = [
      ['?chart=pie', /There is no chart called "pie" \(known: (?=.*casualties)(?=.*timeline)(?=.*distance-map)/, '.fl-frame-message'],
      ['', /Which chart\?/, '.fl-frame-message'],
      ['?chart=timeline&colour=red', /no parameter "colour"/, '.fl-frame-message'],
      ['?chart=timeline&theme=sepia', /theme "sepia" is not allowed/, '.fl-frame-message'],
    ];
    for (const [query, expected, selector] of cases) {
      const { frame, heights, close } = await openFrame(query);
      await until(() => frame.contentDocument?.querySelector(selector) !== null, `a message for ${query}`);
      expect(frame.contentDocument!.querySelector(selector)!.textContent, query).to.match(expected);
      await until(() => heights.length > 0, `a height message for ${query}`);
      close();
    }
    const { frame } = await openFrame('?chart=timeline&from=yesterday');
    const chart = () => frame.contentDocument!.querySelector('fl-timeline');
    await until(() => message(chart() ?? frame.contentDocument!.body) !== null, 'the chart to explain its bad value', 10_000);
    expect(message(chart()!)).to.match(/from "yesterday" is not a date/);
  });
});

describe('the story\u2019s Embed button', () => {
  let story: StoryPage | undefined;
  afterEach(() => {
    story?.close();
    story = undefined;
  });
  after(() => setViewport({ width: 800, height: 600 }));

  function textOf(dialog: HTMLDialogElement, key: 'element' | 'iframe' | 'link'): HTMLTextAreaElement {
    return dialog.querySelector<HTMLTextAreaElement>(`#fl-embed-${key}-code`)!;
  }

  async function openDialogFor(page: StoryPage, stepId: string): Promise<{ dialog: HTMLDialogElement; button: HTMLButtonElement; chart: Element }> {
    await scrollToStep(page, stepId);
    const step = page.story.steps.find((candidate) => candidate.id === stepId)!;
    const chart = chartFor(page, step);
    await until(() => chart.hasAttribute('data-drawn'), `${step.tag} to draw`, 8000);
    const button = chart.closest('.scrolly-chart')!.querySelector<HTMLButtonElement>('.fl-embed-button')!;
    expect(button, 'an Embed button beside the chart').to.not.equal(null);
    button.focus();
    button.click();
    await until(() => page.document.querySelector<HTMLDialogElement>('dialog.fl-embed-dialog')?.open ?? false, 'the dialog to open');
    return { dialog: page.document.querySelector<HTMLDialogElement>('dialog.fl-embed-dialog')!, button, chart };
  }

  it('gives the code for the chart as it is now, as an element and as an iframe', async () => {
    story = await openStory('', DESKTOP);
    const steps = story.story.steps;
    const first = steps.find((step) => step.chart === 'timeline')!;
    const later = steps.find((step) => step.chart === 'timeline' && step.section === first.section && JSON.stringify(step.state) !== JSON.stringify(first.state));
    for (const step of later ? [first, later] : [first]) {
      const { dialog, chart } = await openDialogFor(story, step.id);
      const element = textOf(dialog, 'element').value;
      const bundle = new URL('embed/frontlines.js', story.window.location.href).href;
      expect(element).to.contain(`<script type="module" src="${bundle}"></script>`);
      const attributes = Object.entries(step.state)
        .filter(([, value]) => value !== '')
        .map(([name, value]) => ` ${name}="${value}"`)
        .join('');
      expect(element).to.contain(`<${step.tag}${attributes}></${step.tag}>`);
      expect(chart.getAttribute('from')).to.equal(step.state.from);
      const iframe = textOf(dialog, 'iframe').value;
      const src = /<iframe src="([^"]+)"/.exec(iframe)![1]!.replace(/&#38;/g, '&');
      const url = new URL(src);
      expect(url.pathname.endsWith('/dist/embed.html')).to.equal(true);
      expect(url.searchParams.get('chart')).to.equal('timeline');
      for (const [name, value] of Object.entries(step.state)) if (value) expect(url.searchParams.get(name), name).to.equal(value);
      expect(iframe).to.contain('data-frontlines-embed');
      expect(iframe).to.contain(`src="${new URL('embed/frame.js', story.window.location.href).href}"`);
      dialog.close();
      await frames(2);
    }
  });

  it('manages focus, closes on Esc, and copies with the Clipboard API or by selecting', async () => {
    story = await openStory('', DESKTOP);
    const step = story.story.steps.find((candidate) => candidate.chart === 'distance-map')!;
    const { dialog, button } = await openDialogFor(story, step.id);
    expect(dialog.contains(story.document.activeElement), 'focus moves into the dialog').to.equal(true);

    let copied = '';
    Object.defineProperty(story.window.navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    const [copyElement, copyIframe] = (['element', 'iframe'] as const).map((key) => textOf(dialog, key).nextElementSibling as HTMLButtonElement);
    copyElement!.click();
    await until(() => /Copied/.test(dialog.querySelector('[role="status"]')!.textContent ?? ''), 'the status to say copied');
    expect(copied).to.equal(textOf(dialog, 'element').value);

    Object.defineProperty(story.window.navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('denied')) } });
    copyIframe!.click();
    await until(() => /Ctrl\+C/.test(dialog.querySelector('[role="status"]')!.textContent ?? ''), 'the status to say how to copy');
    const code = textOf(dialog, 'iframe');
    expect(story.document.activeElement).to.equal(code);
    expect(code.selectionEnd - code.selectionStart).to.equal(code.value.length);

    // The page's own keys do nothing behind the dialog.
    copyElement!.focus();
    await sendKeys({ press: 'p' });
    await frames(2);
    expect(story.document.documentElement.classList.contains('fl-presenting')).to.equal(false);

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'Esc to close the dialog');
    await until(() => story!.document.activeElement === button, 'focus to return to the Embed button');
  });

  it('gives a link to the step being read, whose share page previews that step, with a copy button', async () => {
    story = await openStory('', DESKTOP);
    const step = story.story.steps.find((candidate) => candidate.chart === 'distance-map' && candidate.state.measure)!;
    const { dialog } = await openDialogFor(story, step.id);
    const link = textOf(dialog, 'link');
    const section = link.closest('section')!;
    expect(section.hidden, 'the link is offered').to.equal(false);
    expect(section.querySelector('h3')!.textContent).to.equal('Link to this step');
    expect(link.value).to.equal(new URL(`s/${step.id}/`, story.window.location.href).href);
    const page = await fetch(link.value);
    expect(page.ok, 'the share page exists').to.equal(true);
    const html = await page.text();
    expect(html).to.contain('<meta property="og:image" content="card.png"');
    expect(html).to.contain(`href="../../#${step.id}"`);
    let copied = '';
    Object.defineProperty(story.window.navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    const copy = link.nextElementSibling as HTMLButtonElement;
    expect(copy.textContent).to.equal('Copy link');
    copy.click();
    await until(() => (dialog.querySelector('[role="status"]')!.textContent ?? '') === 'Copied the link to this step.', 'the status to say copied');
    expect(copied).to.equal(link.value);
  });

  it('passes axe with the dialog open, in light and dark', async () => {
    story = await openStory('', DESKTOP);
    const step = story.story.steps.find((candidate) => candidate.chart === 'casualties')!;
    const { dialog } = await openDialogFor(story, step.id);
    for (const scheme of ['light', 'dark']) {
      story.document.documentElement.style.colorScheme = scheme;
      await frames(2);
      const violations = await runAxe(story.window, dialog);
      expect(violations, `${scheme}: ${describeViolations(violations)}`).to.deep.equal([]);
    }
  });

  it('gives code that draws the same chart on a plain page', async () => {
    story = await openStory('', DESKTOP);
    const step = story.story.steps.find((candidate) => candidate.chart === 'distance-map' && candidate.state.measure)!;
    const { dialog, chart } = await openDialogFor(story, step.id);
    const code = textOf(dialog, 'element').value;
    const sentence = description(chart);
    const drawnState = chart.getAttribute('data-drawn');
    story.close();
    story = undefined;
    const page = await openEmbedPage();
    const tag = code.split('\n')[1]!;
    const element = chartIn(place(page, tag, 640));
    await settled(element);
    expect(element.getAttribute('data-drawn')).to.equal(drawnState);
    expect(description(element)).to.equal(sentence);
  });
});
