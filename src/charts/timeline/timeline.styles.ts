import { css } from 'lit';

/**
 * The timeline's own styles. Below 600 px the time axis runs down the page (see layout.ts), so the plot turns
 * portrait there; the host is a size container so that follows the chart's own width, not the viewport's.
 */
export const timelineStyles = css`
  :host {
    container-type: inline-size;
  }
  .frame {
    aspect-ratio: var(--fl-aspect, 2 / 1);
    min-height: 260px;
  }
  @container (min-width: 1000px) {
    .frame {
      aspect-ratio: var(--fl-aspect, 5 / 2);
    }
  }
  @container (max-width: 599.98px) {
    .frame {
      aspect-ratio: var(--fl-aspect, 3 / 4);
      min-height: 360px;
    }
  }
  :host([height]) .frame {
    aspect-ratio: auto;
    min-height: 0;
  }

  .axis .domain {
    stroke: var(--_muted);
  }
  .axis .tick line {
    stroke: var(--_muted);
  }
  .axis text,
  .axis-note {
    fill: var(--_muted);
    font-family: var(--_font);
    font-variant-numeric: tabular-nums;
  }
  .axis-note {
    font-style: italic;
  }

  .track {
    stroke: var(--_grid);
    stroke-width: 1;
  }

  .event .mark {
    fill: var(--_ink);
    stroke: var(--_paper);
    stroke-width: 1.5;
  }
  .event .leader {
    fill: none;
    stroke: var(--_ink);
    stroke-width: 1;
    opacity: 0.55;
  }
  .event .label,
  .cluster .label {
    fill: var(--_ink);
    paint-order: stroke;
    stroke: var(--_paper);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .event .date,
  .cluster .date {
    fill: var(--_muted);
    font-variant-numeric: tabular-nums;
    paint-order: stroke;
    stroke: var(--_paper);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .event.emphasis .mark {
    fill: var(--_accent);
  }
  .event.emphasis .leader {
    stroke: var(--_accent);
    opacity: 0.9;
  }
  .event.emphasis .label {
    font-weight: 700;
  }
  .event.muted .mark {
    fill: var(--_muted);
    opacity: 0.75;
  }
  .event.muted .leader {
    stroke: var(--_muted);
    opacity: 0.45;
  }
  .event.muted .label {
    fill: var(--_muted);
  }
  /* A bar that runs past the window's edge fades out there, so it does not read as starting or ending at it. */
  .event .mark.bar {
    stroke-width: 0;
  }

  /* A cluster of events too close to label one by one: a bracket over their marks, labelled as one. */
  .cluster .band,
  .cluster .leader {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1;
  }

  /* The key to bars and dots. */
  .legend .swatch {
    fill: var(--_ink);
  }
  .legend text {
    fill: var(--_muted);
  }

  .interval .bracket {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.5;
  }
  .interval .bracket-leader {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1;
    stroke-dasharray: 2 2;
  }
  .interval .label {
    fill: var(--_accent);
    font-weight: 700;
    paint-order: stroke;
    stroke: var(--_paper);
    stroke-width: 3px;
    stroke-linejoin: round;
  }

  td.when {
    white-space: nowrap;
  }
  td.note,
  td.source {
    color: var(--_muted);
  }
  /* On a phone the source column would squeeze the others to a word a line; the source line names them all. */
  @container (max-width: 479.98px) {
    td.source,
    th.source {
      display: none;
    }
  }
`;
