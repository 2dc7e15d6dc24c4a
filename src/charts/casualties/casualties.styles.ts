import { css } from 'lit';

/**
 * The casualty chart's marks. Every colour is a theme token, so the chart follows light and dark schemes and a
 * host page's overrides; deaths take the accent colour and injuries the second colour in every view.
 */
export const casualtiesStyles = css`
  svg {
    font-variant-numeric: tabular-nums;
  }

  /* preliminary: one mark per person */
  .unit.killed {
    fill: var(--_accent);
  }
  .unit.injured {
    fill: var(--_accent-2);
  }
  .unit-more,
  .key-swatch.key-open {
    fill: none;
    stroke-width: 1.5;
  }
  .unit-more.killed,
  .key-swatch.killed {
    stroke: var(--_accent);
  }
  .unit-more.injured,
  .key-swatch.injured {
    stroke: var(--_accent-2);
  }

  /* toll: step lines over a broken time axis */
  .step-line,
  .gap-line {
    fill: none;
    stroke-width: 2.5;
    stroke-linejoin: round;
  }
  .gap-line {
    stroke-width: 2;
    stroke-dasharray: 1 5;
    stroke-linecap: round;
  }
  .step-line.killed,
  .gap-line.killed,
  .point.killed {
    stroke: var(--_accent);
  }
  .step-line.injured,
  .gap-line.injured,
  .point.injured {
    stroke: var(--_accent-2);
  }
  .point {
    stroke-width: 2;
  }
  .point.killed.exact {
    fill: var(--_accent);
  }
  .point.injured.exact {
    fill: var(--_accent-2);
  }
  /* A floor ("at least"), not a count: drawn open. */
  .point.lower-bound {
    fill: var(--_paper);
  }
  .legend-dot {
    fill: var(--_paper);
    stroke: var(--_muted);
    stroke-width: 2;
  }
  .grid {
    stroke: var(--_grid);
    stroke-width: 1;
  }
  .baseline {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .break {
    stroke: var(--_muted);
    stroke-width: 1.5;
  }
  .axis {
    color: var(--_muted);
  }
  .axis text {
    fill: var(--_muted);
    font-family: var(--_font);
    font-size: 12px;
  }
  .axis .domain {
    stroke: var(--_muted);
  }
  .axis-y .domain {
    display: none;
  }

  /* compare: bars, with the range where sources differ */
  .bar.other {
    fill: var(--_muted);
  }
  .bar.subject {
    fill: var(--_accent);
  }
  .range,
  .range-key {
    fill: var(--_muted);
    fill-opacity: 0.3;
    stroke: var(--_muted);
    stroke-width: 1;
    stroke-dasharray: 3 2;
  }
  .range.subject {
    fill: var(--_accent);
    stroke: var(--_accent);
  }

  /* labels */
  .label {
    fill: var(--_ink);
  }
  .label.series.killed,
  .label.value.subject,
  .label.name.subject {
    fill: var(--_accent);
  }
  .label.series.injured {
    fill: var(--_accent-2);
  }
  .label.muted,
  .label .muted {
    fill: var(--_muted);
  }
  .label .suffix {
    font-weight: 400;
  }
`;
