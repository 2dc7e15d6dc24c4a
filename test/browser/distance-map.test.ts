import { expect } from 'chai';
import { TRANSITION_MS, setDefaultRows } from '../../src/charts/shared/chart-element.ts';
import { PLACE_KINDS, placesDataset, type PlaceRow } from '../../src/charts/distance-map/schema.ts';
import { KIND_LEGEND, kindPhrase } from '../../src/charts/distance-map/kinds.ts';
import { FlDistanceMap, defineDistanceMap } from '../../src/charts/distance-map/distance-map.ts';
import { describeMap } from '../../src/charts/distance-map/text.ts';
import { captureWarnings, cleanup, drawn, frames, mount, openTable, settled, storyRows, stubReducedMotion, until } from './helpers.ts';

let rows: PlaceRow[] = [];
const REGION = '/assets/geo/region.topo.json';

const root = (element: Element) => element.shadowRoot!;
const svg = (element: Element) => root(element).querySelector('svg')!;
const description = (element: Element) => root(element).querySelector('.description')!.textContent!.trim();
const status = (element: Element) => root(element).querySelector('[role="status"]')!.textContent!.trim();
const message = (element: Element) => root(element).querySelector('.message')?.textContent?.trim() ?? null;
const zoomTransform = (element: Element) => root(element).querySelector('g.zoom')!.getAttribute('transform');

/** Every URL the page fetches while a test runs: the map loads its geography with fetch. */
const fetched: string[] = [];
const originalFetch = window.fetch;

async function map(attributes: string, width = 640, before = ''): Promise<FlDistanceMap> {
  const container = mount(`${before}<fl-distance-map ${attributes}></fl-distance-map>`, width);
  const element = container.querySelector('fl-distance-map') as FlDistanceMap;
  await drawn(element);
  return element;
}

async function geographyReady(element: FlDistanceMap): Promise<void> {
  await until(() => element.geographyStatus === 'ready' || element.geographyStatus === 'failed', 'the geography to load or fail', 10_000);
  await until(() => svg(element).getAttribute('data-geography') === element.geographyStatus, 'the map to redraw with it');
  await frames(2);
}

async function show(element: FlDistanceMap, focus: string, measure = ''): Promise<void> {
  element.setAttribute('focus', focus);
  if (measure) element.setAttribute('measure', measure);
  else element.removeAttribute('measure');
  await until(() => element.getAttribute('data-drawn') === JSON.stringify({ focus, measure }), `focus="${focus}" measure="${measure}" to draw`);
  await frames(2);
}


/** A text's box: its rendered width and 1.2 em around the middle of its line (browsers disagree on line boxes). */
function inkBox(text: SVGGraphicsElement): DOMRect {
  const box = text.getBoundingClientRect();
  const em = parseFloat(getComputedStyle(text).fontSize);
  const middle = (box.top + box.bottom) / 2;
  return new DOMRect(box.left + 0.5, middle - 0.55 * em, box.width - 1, 1.1 * em);
}

function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The visible texts of the map: place names, country and sea names, the distance, the border point. */
function visibleTexts(element: Element): SVGTextElement[] {
  return [...root(element).querySelectorAll<SVGTextElement>('svg text')].filter(
    (text) => text.textContent && Number(getComputedStyle(text).opacity) > 0 && !text.closest('[opacity="0"]') && !text.closest('.notice'),
  );
}

/** The transitions D3 has scheduled on a node (it keeps them on the node, by id, until they end). */
interface Schedule {
  name: string;
  duration: number;
  tween: { name: string; value: (this: Element) => (t: number) => void }[];
}
function scheduledTransitions(node: Element): Schedule[] {
  return Object.values((node as Element & { __transition?: Record<string, Schedule> }).__transition ?? {});
}

describe('<fl-distance-map>', () => {
  before(async () => {
    performance.setResourceTimingBufferSize(5000);
    rows = await storyRows(placesDataset);
    setDefaultRows('fl-distance-map', rows);
    defineDistanceMap();
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      fetched.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return originalFetch(input, init);
    };
  });

  after(() => {
    window.fetch = originalFetch;
  });

  afterEach(() => {
    cleanup();
    window.scrollTo(0, 0);
  });

  describe('loading the geography', () => {
    it('resolves the bundled region file next to the source', () => {
      expect(new URL(FlDistanceMap.geographyUrl).pathname).to.equal(REGION);
    });

    it('fetches nothing until connected, and nothing until near the viewport', async () => {
      const url = `${REGION}?lazy-test`;
      const loose = document.createElement('fl-distance-map') as FlDistanceMap;
      loose.setAttribute('geography', url);
      loose.setAttribute('focus', 'kstovo');
      await frames(4);
      const element = await map(`focus="kstovo" measure="kstovo border" geography="${url}"`, 640, '<div style="height: 6000px"></div>');
      await frames(6);
      const requested = () => [...fetched, ...performance.getEntriesByType('resource').map((entry) => entry.name)].filter((name) => name.includes('lazy-test'));
      expect(requested(), 'no request for the geography far below the fold').to.deep.equal([]);
      expect(element.geographyStatus).to.equal('waiting');
      // Places and the distance draw without it.
      expect(root(element).querySelector('.measure-label')!.textContent).to.contain('770 km');
      element.scrollIntoView();
      await geographyReady(element);
      expect(element.geographyStatus).to.equal('ready');
      expect(requested().length).to.be.greaterThan(0);
      expect(root(element).querySelectorAll('path.country').length).to.be.greaterThan(30);
      expect(loose.geographyStatus).to.equal('waiting');
    });

    it('fetches when printing starts, when asked, or at once with loading="eager", wherever the map is', async () => {
      const element = await map(`focus="kstovo" geography="${REGION}?print-test"`, 640, '<div style="height: 6000px"></div>');
      const far = await map(`focus="kstovo" geography="${REGION}?asked-test"`, 640, '<div style="height: 6000px"></div>');
      await frames(4);
      expect(element.geographyStatus).to.equal('waiting');
      dispatchEvent(new Event('beforeprint'));
      await geographyReady(element);
      expect(element.geographyStatus).to.equal('ready');
      far.loadGeography();
      await geographyReady(far);
      expect(far.geographyStatus).to.equal('ready');
      const eager = await map(`focus="kstovo" loading="eager" geography="${REGION}?eager-test"`, 640, '<div style="height: 6000px"></div>');
      await geographyReady(eager);
      expect(eager.geographyStatus).to.equal('ready');
    });

    it('draws the countries, Ukraine and Russia set apart, once it is near the viewport', async () => {
      const element = await map('focus="ukraine crocus" measure="crocus border"');
      await geographyReady(element);
      expect(root(element).querySelector('path.country.ukraine')).to.exist;
      expect(root(element).querySelector('path.country.russia')).to.exist;
      expect(root(element).querySelector('path.ukraine-outline')!.getAttribute('d')!.length).to.be.greaterThan(100);
      expect(root(element).querySelector('path.russia-border')!.getAttribute('d')!.length).to.be.greaterThan(100);
      const labels = visibleTexts(element).map((text) => text.textContent);
      expect(labels).to.include('UKRAINE');
    });

    it('without the geography: says so in its box, keeps sentence, table and distances, warns once, throws nothing', async () => {
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      let element!: FlDistanceMap;
      const warnings = await captureWarnings(async () => {
        element = await map('focus="kstovo" measure="kstovo border" geography="/assets/geo/missing.topo.json"');
        await geographyReady(element);
        await frames(4);
      });
      window.removeEventListener('error', onError);
      expect(element.geographyStatus).to.equal('failed');
      // Its own warning, once, naming the file (captureWarnings already leaves out Lit's development-build notices).
      const own = warnings.filter((w) => w.includes("<fl-distance-map>: the map's geography could not be loaded"));
      expect(own, JSON.stringify(warnings)).to.have.length(1);
      expect(own[0]).to.contain('/assets/geo/missing.topo.json');
      expect(errors).to.deep.equal([]);
      const notice = root(element).querySelector('.notice')!.textContent!;
      expect(notice).to.contain('The map could not be loaded.');
      expect(description(element)).to.equal(describeMap(rows, { focus: 'kstovo', measure: 'kstovo border' }));
      expect(root(element).querySelector('.measure-label')!.textContent).to.contain('770 km');
      await openTable(element);
      expect(root(element).querySelector('table tr[data-id="kstovo"]')!.textContent).to.match(/770 km, to Luhansk Oblast, occupied by Russia/);
      // Ukraine's bundled outline still shows where the border is.
      expect(root(element).querySelectorAll('path.country')).to.have.length(1);
      expect(root(element).querySelector('path.country.ukraine')).to.exist;
    });

    it('takes its geography URL from the class for every map without its own', async () => {
      const saved = FlDistanceMap.geographyUrl;
      FlDistanceMap.geographyUrl = '/assets/geo/missing.topo.json?static';
      try {
        const warnings = await captureWarnings(async () => {
          const element = await map('focus="crocus"');
          await geographyReady(element);
          expect(element.geographyUrl).to.equal('/assets/geo/missing.topo.json?static');
          expect(element.geographyStatus).to.equal('failed');
        });
        // Its own warning, once, naming the file, as above.
        const own = warnings.filter((w) => w.includes("<fl-distance-map>: the map's geography could not be loaded"));
        expect(own, JSON.stringify(warnings)).to.have.length(1);
        expect(own[0]).to.contain('/assets/geo/missing.topo.json?static');
      } finally {
        FlDistanceMap.geographyUrl = saved;
      }
    });
  });

  describe('states', () => {
    it('measure="kstovo border": the line, both figures, the sentence and the table', async () => {
      const element = await map('focus="kstovo" measure="kstovo border"');
      const label = [...root(element).querySelectorAll('.measure-label text')].map((t) => t.textContent);
      expect(label).to.deep.equal(['770 km', '(the article: about 775 km, for the region)']);
      expect(description(element)).to.equal(
        'The NORSI refinery at Kstovo lies 770 km from the nearest point of Ukraine\u2019s internationally recognised border, in Luhansk Oblast, occupied by Russia; the article says about 775 km, for the Nizhny Novgorod region.',
      );
      expect(root(element).querySelector('.border-point')).to.exist;
      await openTable(element);
      const caption = root(element).querySelector('table caption')!.textContent!;
      expect(caption).to.match(/^Measured: NORSI refinery at Kstovo to the nearest point of Ukraine\u2019s border, at 49\.8\d\d\u00b0 N, 39\.1\d\d\u00b0 E, in Luhansk Oblast, occupied by Russia: 770 km \(the article: about 775 km, for the Nizhny Novgorod region\)\.$/);
      const d = root(element).querySelector('path.measure-line')!.getAttribute('d')!;
      expect(d.split('L').length).to.be.greaterThan(20, 'a sampled great circle, not a straight segment');
    });

    it('measure="crocus kremlin": 16.4 km, and a locator for so close a view', async () => {
      const element = await map('focus="crocus kremlin" measure="crocus kremlin"');
      await geographyReady(element);
      expect(root(element).querySelector('.measure-label')!.textContent).to.equal('16.4 km');
      expect(description(element)).to.equal('Crocus City Hall lies 16.4 km from the Moscow Kremlin.');
      expect(root(element).querySelector('svg.inset')).to.exist;
      expect(root(element).querySelector('.scale text')!.textContent).to.match(/^\d+ km$/);
    });

    it('a wider view hides the locator, and a close view shows it again', async () => {
      const element = await map('focus="crocus kremlin"');
      await geographyReady(element);
      await settled(element);
      const locator = root(element).querySelector<SVGSVGElement>('svg.inset')!;
      const seen = () => getComputedStyle(locator).visibility === 'visible' && locator.getAttribute('opacity') === '1';
      expect(seen(), 'a locator for a close view').to.equal(true);
      const countries = locator.querySelectorAll('path.country').length;
      expect(countries).to.be.greaterThan(20);

      await show(element, 'caucasus');
      await settled(element);
      expect(seen(), 'no locator for a regional view').to.equal(false);
      expect(getComputedStyle(locator).visibility).to.equal('hidden');

      await show(element, 'crocus kremlin');
      await settled(element);
      // The same locator, kept hidden meanwhile: its countries are not drawn again.
      expect(root(element).querySelector('svg.inset')).to.equal(locator);
      expect(seen(), 'the locator back').to.equal(true);
      expect(locator.querySelectorAll('path.country')).to.have.length(countries);
    });

    it('a change of focus pans and zooms with a transition, and announces the new state', async () => {
      const element = await map('focus="crocus kremlin"');
      const start = zoomTransform(element);
      element.setAttribute('focus', 'caucasus');
      await element.updateComplete;
      // Drawn, the move is scheduled and not yet begun: the view is where it was. The move's own tween, sampled
      // half way (rather than the clock), puts it between the two views; it ends on the new one.
      const move = scheduledTransitions(svg(element)).find((schedule) => schedule.name === 'view');
      expect(move, 'a move is scheduled').to.exist;
      expect(move!.duration).to.equal(TRANSITION_MS);
      expect(zoomTransform(element)).to.equal(start);
      await settled(element);
      const end = zoomTransform(element);
      expect(end).to.not.equal(start);
      move!.tween.find((tween) => tween.name === 'view')!.value.call(svg(element))(0.5);
      const midway = zoomTransform(element);
      expect(midway).to.not.equal(start);
      expect(midway).to.not.equal(end);
      move!.tween.find((tween) => tween.name === 'view')!.value.call(svg(element))(1);
      expect(zoomTransform(element)).to.equal(end);
      expect(status(element)).to.equal(description(element));
      expect(description(element)).to.equal('The map shows the Caucasus, with Stepanakert (Khankendi) and Makhachkala airport (unrest).');
    });

    for (const [focus, width] of [['isis-reach', 640], ['isis-reach', 360], ['middle-east', 640], ['kstovo', 360]] as const) {
      it(`focus="${focus}" at ${width} px: every place drawn has its kind in the legend, in the sentence's terms and in the table`, async () => {
        const element = await map(`focus="${focus}"${focus === 'kstovo' ? ' measure="kstovo border"' : ''}`, width);
        await geographyReady(element);
        const drawnKinds = new Set(
          [...root(element).querySelectorAll('g.places g.place')]
            .filter((place) => Number(getComputedStyle(place).opacity) > 0 && place.getAttribute('opacity') !== '0')
            .map((place) => PLACE_KINDS.find((kind) => place.classList.contains(kind))),
        );
        expect(drawnKinds.size, 'some places are drawn').to.be.greaterThan(0);
        const legend = [...root(element).querySelectorAll('g.legend g.legend-item')];
        const legendKinds = new Set(legend.map((item) => PLACE_KINDS.find((kind) => item.classList.contains(kind))));
        for (const kind of drawnKinds) expect(legendKinds.has(kind), `${kind} in the legend`).to.equal(true);
        for (const item of legend) {
          const kind = PLACE_KINDS.find((k) => item.classList.contains(k))!;
          expect(item.textContent).to.equal(KIND_LEGEND[kind]);
        }
        // The legend is readable: inside the frame and over no visible name.
        const frameBox = svg(element).getBoundingClientRect();
        const legendBox = root(element).querySelector('g.legend g.key')!.getBoundingClientRect();
        expect(legendBox.left >= frameBox.left - 1 && legendBox.right <= frameBox.right + 1 && legendBox.bottom <= frameBox.bottom + 1).to.equal(true);
        for (const text of visibleTexts(element).filter((t) => !t.closest('g.legend'))) {
          expect(overlap(inkBox(text), legendBox), `"${text.textContent}" under the legend`).to.equal(false);
        }
        // Each place's kind is also in the table, in words.
        await openTable(element);
        expect(root(element).querySelectorAll('table tbody tr').length, 'rows in the table').to.be.greaterThan(0);
        for (const row of root(element).querySelectorAll('table tbody tr')) {
          const place = rows.find((r) => r.id === row.getAttribute('data-id'))!;
          expect(row.children[1]!.textContent!.trim()).to.equal(kindPhrase(place));
        }
      });
    }

    it('names a place as ISIS\u2019s only with the years its row gives, and Russia\u2019s air base as Russia\u2019s', async () => {
      const element = await map('focus="isis-reach"');
      await geographyReady(element);
      const labels = [...root(element).querySelectorAll('g.places text')].map((text) => text.textContent);
      for (const row of rows.filter((r) => r.kind === 'isis')) {
        expect(labels.some((label) => label?.endsWith(`${row.held_from}\u2013${row.held_to}`)), row.id).to.equal(true);
      }
      expect(description(element)).not.to.match(/reach of ISIS/);
      expect(description(element)).to.contain('the Hmeimim air base (Russian state or military site)');
    });

    it('jumps without motion under prefers-reduced-motion', async () => {
      const restore = stubReducedMotion(true);
      try {
        const element = await map('focus="crocus kremlin"');
        const reference = await map('focus="isis-reach"');
        await show(element, 'isis-reach');
        expect(zoomTransform(element)).to.equal(zoomTransform(reference));
      } finally {
        restore();
      }
    });

    it('ends in the same picture however it got there', async () => {
      const element = await map('focus="ukraine"');
      for (const [focus, measure] of [['kstovo', 'kstovo border'], ['caucasus', ''], ['isis-reach', ''], ['russia-west', 'kstovo border']] as const) {
        element.setAttribute('focus', focus);
        if (measure) element.setAttribute('measure', measure);
        else element.removeAttribute('measure');
        await frames(3);
      }
      await settled(element);
      const direct = await map('focus="russia-west" measure="kstovo border"');
      await settled(direct);
      expect(zoomTransform(element)).to.equal(zoomTransform(direct));
      const labels = (e: Element) => [...root(e).querySelectorAll('.measure-label text')].map((t) => t.textContent);
      expect(labels(element)).to.deep.equal(labels(direct));
      expect(root(element).querySelectorAll('g.measured')).to.have.length(1);
    });

    it('keeps focus() a method: the focus attribute lives on the focusIds property', async () => {
      const element = await map('focus="kstovo"');
      expect(element.focus).to.equal(HTMLElement.prototype.focus);
      expect(element.focusIds).to.equal('kstovo');
      element.focusIds = 'caucasus';
      await until(() => element.getAttribute('data-drawn') === JSON.stringify({ focus: 'caucasus', measure: '' }), 'property set');
    });

    it('tolerates being defined twice', () => {
      expect(() => defineDistanceMap()).to.not.throw();
    });
  });

  describe('bad input shows a message in the box', () => {
    const cases: [string, RegExp][] = [
      ['focus="kstov"', /unknown place "kstov" in focus \(known: crocus, kremlin, kstovo/],
      ['focus="kstovo" measure="kstovo"', /measure takes two ids/],
      ['focus="kstovo" measure="border kstovo"', /names the place first/],
      ['focus="kstovo" measure="crocus raqa"', /unknown place "raqa" in measure/],
    ];
    for (const [attributes, expected] of cases) {
      it(attributes, async () => {
        const warnings = await captureWarnings(async () => {
          const container = mount(`<fl-distance-map ${attributes}></fl-distance-map>`);
          const element = container.querySelector('fl-distance-map')!;
          await until(() => message(element) !== null, 'a message');
          expect(message(element)).to.match(expected);
        });
        expect(warnings).to.have.length(1);
      });
    }

    it('draws the whole map again once the state is valid again', async () => {
      const element = await map('focus="kstovo" measure="kstovo border"');
      await geographyReady(element);
      await captureWarnings(async () => {
        element.setAttribute('focus', 'kstov');
        await until(() => message(element) !== null, 'a message');
      });
      await show(element, 'kstovo', 'kstovo border');
      expect(message(element)).to.equal(null);
      expect(root(element).querySelectorAll('path.country').length).to.be.greaterThan(30);
      expect(root(element).querySelector('.measure-label')!.textContent).to.contain('770 km');
    });

    it('coordinates out of range in the data', async () => {
      const container = mount('<fl-distance-map focus="kstovo"></fl-distance-map>');
      const element = container.querySelector('fl-distance-map') as FlDistanceMap;
      const warnings = await captureWarnings(async () => {
        element.data = rows.map((row) => (row.id === 'kstovo' ? { ...row, lat: 95 } : row));
        await until(() => message(element) !== null, 'a message');
      });
      expect(message(element)).to.match(/lat "95" is out of range \(-90 to 90\)/);
      expect(warnings).to.have.length(1);
    });
  });

  describe('layout in the browser', () => {
    for (const width of [390, 1000]) {
      for (const [focus, measure] of [['isis-reach', ''], ['kstovo', 'kstovo border'], ['ukraine crocus', 'crocus border'], ['caucasus', '']]) {
        it(`${focus}${measure ? ` / ${measure}` : ''} at ${width} px: texts apart and inside the frame`, async () => {
          const element = await map(`focus="${focus}"${measure ? ` measure="${measure}"` : ''}`, width);
          await geographyReady(element);
          await settled(element);
          const frame = svg(element).getBoundingClientRect();
          expect(frame.width).to.be.closeTo(width, 1);
          const texts = visibleTexts(element);
          expect(texts.length).to.be.greaterThan(2);
          const boxes = texts.map((text) => ({ text: text.textContent, box: inkBox(text) }));
          for (const { text, box } of boxes) {
            expect(box.left, `${text} left`).to.be.at.least(frame.left - 0.5);
            expect(box.right, `${text} right`).to.be.at.most(frame.right + 0.5);
            expect(box.top, `${text} top`).to.be.at.least(frame.top - 0.5);
            expect(box.bottom, `${text} bottom`).to.be.at.most(frame.bottom + 0.5);
          }
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              // The two lines of the distance label are one label.
              if (texts[i]!.parentElement === texts[j]!.parentElement && texts[i]!.closest('.measure-label')) continue;
              expect(overlap(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.text} / ${boxes[j]!.text}`).to.equal(false);
            }
          }
        });
      }
    }
  });
});
