/**
 * Charts measure their labels in the font they draw them in, and again when a font arrives: a chart drawn in a
 * fallback, whose font then loads much wider, lays its labels out anew, so they still keep apart.
 */
import { expect } from 'chai';
import { setDefaultRows } from '../../src/charts/shared/chart-element.ts';
import { casualtiesDataset } from '../../src/charts/casualties/schema.ts';
import { defineCasualties } from '../../src/charts/casualties/casualties.ts';
import { eventsDataset } from '../../src/charts/timeline/schema.ts';
import { defineTimeline } from '../../src/charts/timeline/timeline.ts';
import { cleanup, drawn, frames, mount, storyRows, textPlace, until } from './helpers.ts';

/** A text's box: its rendered width, and 1.2 em around the middle of its line. */
function inkBox(text: SVGGraphicsElement): DOMRect {
  const box = text.getBoundingClientRect();
  const em = parseFloat(getComputedStyle(text).fontSize);
  const middle = (box.top + box.bottom) / 2;
  return new DOMRect(box.left, middle - 0.6 * em, box.width, 1.2 * em);
}
const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('charts measure again when a font arrives', () => {
  let style: HTMLStyleElement | null = null;
  before(async () => {
    setDefaultRows('fl-casualties', await storyRows(casualtiesDataset));
    setDefaultRows('fl-timeline', await storyRows(eventsDataset));
    defineCasualties();
    defineTimeline();
  });
  afterEach(() => {
    cleanup();
    style?.remove();
    style = null;
  });

  const cases = [
    ['fl-timeline', 'from="1999-01-01" to="2024-12-31" highlight="second-chechen-war crocus-attack"', 720, 'g.event .label, g.event .date, g.cluster .label'],
    ['fl-casualties', 'view="compare"', 640, 'text'],
  ] as const;
  for (const [tag, attributes, width, texts] of cases) {
    it(`<${tag}> keeps its labels apart when its font arrives after the first draw`, async () => {
      const family = `Late Wide ${tag}`;
      const container = mount(`<${tag} ${attributes} style="--fl-font: '${family}', sans-serif"></${tag}>`, width);
      const element = container.firstElementChild as HTMLElement;
      await drawn(element);
      const svg = element.shadowRoot!.querySelector('svg')!;
      const before = [...svg.querySelectorAll<SVGGraphicsElement>(texts)].map((t) => `${t.textContent}@${textPlace(t)}`).join('|');
      // The font arrives: the system's sans, a good deal wider (size-adjust), under the family the chart asked for.
      const loaded = new Promise((resolve) => document.fonts.addEventListener('loadingdone', resolve, { once: true }));
      style = document.createElement('style');
      style.textContent = `@font-face { font-family: '${family}'; src: local('DejaVu Sans'), local('Arial'), local('Liberation Sans'); size-adjust: 140%; }`;
      document.head.append(style);
      await loaded;
      await until(() => {
        const now = [...svg.querySelectorAll<SVGGraphicsElement>(texts)].map((t) => `${t.textContent}@${textPlace(t)}`).join('|');
        return now !== before;
      }, 'the chart to lay its labels out again', 5000);
      await frames(3);
      expect(document.fonts.check(`12px '${family}'`)).to.equal(true);
      const boxes = [...svg.querySelectorAll<SVGGraphicsElement>('text')].filter((t) => (t.textContent ?? '').trim() !== '' && !t.closest('.axis')).map((t) => ({ t, box: inkBox(t) }));
      expect(boxes.length).to.be.greaterThan(4);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          expect(overlap(boxes[i]!.box, boxes[j]!.box), `"${boxes[i]!.t.textContent}" overlaps "${boxes[j]!.t.textContent}"`).to.equal(false);
        }
      }
    });
  }
});
