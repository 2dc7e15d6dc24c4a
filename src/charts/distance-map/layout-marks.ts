/** The map's marks: what `layout` returns. */
import type { Topology } from 'topojson-specification';
import { type PlaceKind } from './schema.ts';

/** screen = base * k + [x, y] */
export interface View {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

export type GeographyStatus = 'waiting' | 'loading' | 'ready' | 'failed';

export interface MapGeography {
  readonly status: GeographyStatus;
  readonly topology?: Topology;
}

export interface CountryMark {
  readonly id: string;
  readonly name: string;
  readonly role: 'ukraine' | 'russia' | 'other';
  /** Path in base coordinates. */
  readonly d: string;
}

export interface LabelMark {
  readonly text: string;
  /** Offset of the text's anchor from the point it labels, in px. */
  readonly dx: number;
  readonly dy: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly size: number;
}

export interface PlaceMark {
  readonly id: string;
  readonly kind: string;
  readonly role: 'measure' | 'focus' | 'context';
  readonly base: [number, number];
  readonly x: number;
  readonly y: number;
  readonly r: number;
  /** False when the place is outside the frame or hidden under a more important one. */
  readonly shown: boolean;
  readonly label: LabelMark | null;
}

export interface MeasureMark {
  /** Identifies the measured pair, so a redraw of the same measure does not restart its entrance. */
  readonly key: string;
  readonly toBorder: boolean;
  /** The great circle, sampled, in base coordinates. */
  readonly line: [number, number][];
  readonly from: [number, number];
  readonly to: [number, number];
  /** The label rides on this point of the line (base coordinates). */
  readonly labelBase: [number, number];
  readonly label: {
    readonly lines: readonly string[];
    /** Each line's font size in px. */
    readonly sizes: readonly number[];
    /** Each line's baseline below the first's, in px. */
    readonly offsets: readonly number[];
    readonly dx: number;
    readonly dy: number;
    readonly anchor: 'start' | 'middle' | 'end';
  };
  /** The marker at the nearest point of the border, with its label. */
  readonly borderLabel: LabelMark | null;
}

export interface TextMark {
  readonly key: string;
  readonly text: string;
  readonly base: [number, number];
  /** Where the text's anchor (its baseline's middle) lands on screen in this state. */
  readonly x: number;
  readonly y: number;
  /** The baseline's offset from `base`, in px. */
  readonly dy: number;
  readonly size: number;
  readonly kind: 'country' | 'sea';
  readonly emphasis: boolean;
}

export interface MapMarks {
  readonly width: number;
  readonly height: number;
  readonly view: View;
  readonly geographyStatus: GeographyStatus;
  /** Changes when the shapes below change (geography arrived, or failed and the fallback is drawn). */
  readonly geographyKey: string;
  readonly countries: readonly CountryMark[];
  /** Base-coordinate paths: interior borders, coasts, Russia's land border, Ukraine's outline; '' when absent. */
  readonly borders: string;
  readonly coast: string;
  readonly russiaBorder: string;
  readonly ukraineOutline: string;
  readonly graticule: string;
  readonly places: readonly PlaceMark[];
  readonly measure: MeasureMark | null;
  readonly texts: readonly TextMark[];
  readonly scale: { readonly x: number; readonly y: number; readonly px: number; readonly text: string } | null;
  readonly notice: { readonly lines: readonly string[]; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly size: number } | null;
  /** A locator map in a corner, for views too close in to recognise: the wider area, with this view outlined. */
  readonly inset: InsetMark | null;
  /** The key to the dots' kinds: one entry per kind of place shown. */
  readonly legend: LegendMark | null;
}

export interface LegendMark {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly size: number;
  /** Each entry's swatch centre, relative to the box; its text follows the swatch. */
  readonly items: readonly { readonly kind: PlaceKind; readonly text: string; readonly x: number; readonly y: number }[];
}

export interface InsetMark {
  /** The inset's box on screen. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The inset's own view of the base coordinates, relative to its box. */
  readonly view: View;
  /** The main view's frame, in the inset's pixels (at least a few px, so it stays visible). */
  readonly frame: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}
