/**
 * The one legend drawer: a key per entry, each a swatch and its words, joined by id so a key that stays is updated
 * in place. A chart gives its entries (where each sits, its swatch's attributes, its words) and the swatch's shape;
 * the classes on a key are the marks' own, so a swatch looks like what it explains.
 */
import type { BaseType, Selection } from 'd3';
import { writeAttr, writeStyle, writeText } from './write.ts';

type Attrs = Readonly<Record<string, string | number>>;

/** One key: its group's classes and place, its swatch, its words. Attributes are set in the order given. */
export interface LegendKey {
  /** What the key is joined by (a code, a kind). */
  readonly id: string;
  readonly cls: string;
  readonly transform?: string;
  readonly swatch: Attrs;
  readonly label: { readonly attrs: Attrs; readonly style?: Attrs; readonly text: string };
}

/** How a chart's keys are built: what finds them, the swatch's element, and what is set once when a key enters. */
export interface LegendShape {
  /** The keys' selector in their parent ("g.key"). */
  readonly selector: string;
  readonly swatch: 'rect' | 'circle';
  readonly enter?: { readonly swatch?: Attrs; readonly label?: Attrs };
}

function setAttributes(node: Element, attrs: Attrs | undefined): void {
  for (const [name, value] of Object.entries(attrs ?? {})) writeAttr(node, name, value);
}

/** Draws `keys` into each element of `parent`, a layer or the box the keys sit in (an empty selection draws none). */
export function drawLegendKeys<P extends Element, D, G extends BaseType, GD>(parent: Selection<P, D, G, GD>, keys: readonly LegendKey[], shape: LegendShape): void {
  const key = parent
    .selectAll<SVGGElement, LegendKey>(shape.selector)
    .data(keys, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g');
      g.append(shape.swatch).each(function () {
        setAttributes(this, shape.enter?.swatch);
      });
      g.append('text').each(function () {
        setAttributes(this, shape.enter?.label);
      });
      return g;
    });
  key.each(function (d) {
    writeAttr(this, 'class', d.cls);
    if (d.transform !== undefined) writeAttr(this, 'transform', d.transform);
  });
  key.select<SVGElement>(shape.swatch).each(function (d) {
    setAttributes(this, d.swatch);
  });
  key
    .select<SVGTextElement>('text')
    .each(function (d) {
      setAttributes(this, d.label.attrs);
      for (const [name, value] of Object.entries(d.label.style ?? {})) writeStyle(this, name, value);
      writeText(this, d.label.text);
    });
}
