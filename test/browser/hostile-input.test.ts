/**
 * Hostile input to the charts, as an embedding page might give it: markup in attributes, data of the wrong shape,
 * a hundred thousand rows, a data URL that never answers. Each chart says what is wrong in its own box, renders
 * nothing as HTML, throws nothing, stays responsive, and leaves the other charts working.
 */
import { expect } from 'chai';
import { LOAD_TIMEOUT_MS } from '../../src/charts/shared/load.ts';
import { captureWarnings, cleanup, drawn, frames, mount, until } from './helpers.ts';
import { defineStoryCharts } from './story-charts.ts';

const TAGS = ['fl-casualties', 'fl-timeline', 'fl-distance-map'] as const;
let errors: string[] = [];
const onError = (event: ErrorEvent) => errors.push(event.message);

before(async () => {
  await defineStoryCharts();
});
beforeEach(() => {
  errors = [];
  window.addEventListener('error', onError);
});
afterEach(() => {
  window.removeEventListener('error', onError);
  cleanup();
  expect(errors, 'no uncaught errors').to.deep.equal([]);
});

const messageOf = (element: Element) => element.shadowRoot?.querySelector('.message')?.textContent?.trim() ?? '';
const waitForMessage = (element: Element, timeoutMs = 5000) =>
  until(() => messageOf(element) !== '', `a message in <${element.localName}>`, timeoutMs);

/** Records long tasks while `body` runs (where the browser reports them). */
async function longTasks(body: () => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  const supported = PerformanceObserver.supportedEntryTypes?.includes('longtask');
  const observer = supported ? new PerformanceObserver((list) => list.getEntries().forEach((entry) => durations.push(entry.duration))) : null;
  observer?.observe({ type: 'longtask' });
  await body();
  await frames(3);
  observer?.disconnect();
  return durations;
}

describe('markup in attributes', () => {
  for (const [tag, attribute] of [
    ['fl-casualties', 'view'],
    ['fl-timeline', 'highlight'],
    ['fl-distance-map', 'focus'],
  ] as const) {
    it(`<${tag} ${attribute}="<img onerror>"> shows the value as text, not HTML`, async () => {
      const hostile = '<img src=x onerror="window.__pwned=1">';
      const container = mount(`<${tag}></${tag}>`);
      const element = container.querySelector(tag)!;
      const warnings = await captureWarnings(async () => {
        element.setAttribute(attribute, hostile);
        await waitForMessage(element);
      });
      // An ids attribute names its first unknown id; either way the markup shows as characters.
      expect(messageOf(element)).to.contain(attribute === 'view' ? hostile : '"<img"');
      expect(element.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(warnings, warnings.join(" || ")).to.have.length(1);
    });
  }
});

describe('data of the wrong shape', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a string', 'killed,injured\n1,2', /data must be an array of rows, got string/],
    ['an object', { rows: [] }, /data must be an array of rows, got an object/],
    ['numbers', [1, 2, 3], /row 1 must be an object, got number/],
    ['a nested object', [{ id: 'x', killed: { n: 1 } }], /killed must be text or a number, got an object/],
    ['null', null, /data must be an array of rows, got null/],
  ];
  for (const tag of TAGS) {
    for (const [name, data, expected] of cases) {
      it(`<${tag}>.data = ${name}: a readable message, one warning`, async () => {
        const element = mount(`<${tag}></${tag}>`).querySelector(tag)! as Element & { data: unknown };
        const warnings = await captureWarnings(async () => {
          element.data = data;
          await waitForMessage(element);
        });
        expect(messageOf(element)).to.match(expected);
        expect(warnings, warnings.join(" || ")).to.have.length(1);
      });
    }
  }
});

describe('huge data', () => {
  for (const tag of TAGS) {
    it(`<${tag}> refuses 100,000 rows at once, without a long task`, async function () {
      this.timeout(30_000);
      const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: `row-${i}`, name: `Row ${i}` }));
      const element = mount(`<${tag}></${tag}>`).querySelector(tag)! as Element & { data: unknown };
      let warnings: string[] = [];
      const tasks = await longTasks(async () => {
        warnings = await captureWarnings(async () => {
          element.data = rows;
          await waitForMessage(element);
        });
      });
      expect(messageOf(element)).to.match(/100,000 rows; a chart takes at most 5,000/);
      expect(tasks.filter((duration) => duration > 200), 'long tasks over 200 ms').to.deep.equal([]);
      expect(warnings, warnings.join(" || ")).to.have.length(1);
    });
  }
});

describe('a data URL that never answers', () => {
  it('waits 10 seconds by default', () => {
    expect(LOAD_TIMEOUT_MS).to.equal(10_000);
    for (const tag of TAGS) expect((customElements.get(tag) as unknown as { loadTimeoutMs: number }).loadTimeoutMs, tag).to.equal(LOAD_TIMEOUT_MS);
  });

  it('times out with a message, and the chart beside it keeps working', async () => {
    // The limit is the chart class's to set: a short one here, so the test does not wait out the real one.
    const chartClass = customElements.get('fl-casualties') as unknown as { loadTimeoutMs: number };
    chartClass.loadTimeoutMs = 1500;
    try {
      const container = mount('<fl-casualties src="/__test/slow.csv"></fl-casualties><fl-casualties view="compare"></fl-casualties>');
      const [slow, fine] = [...container.querySelectorAll('fl-casualties')];
      await drawn(fine!);
      expect(messageOf(slow!)).to.equal('');
      const warnings = await captureWarnings(() => waitForMessage(slow!));
      expect(messageOf(slow!)).to.equal('The data at /__test/slow.csv did not arrive within 1.5 seconds.');
      expect(warnings, warnings.join(" || ")).to.have.length(1);
      fine!.setAttribute('view', 'toll');
      await until(() => fine!.getAttribute('data-drawn') === JSON.stringify({ view: 'toll' }), 'the other chart to change');
    } finally {
      // Back to the class's own default (the base class's).
      delete (chartClass as { loadTimeoutMs?: number }).loadTimeoutMs;
    }
  });
});
