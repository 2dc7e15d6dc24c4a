import { css } from 'lit';

/**
 * The distance map's own colours and marks, on top of the shared chart styles. (Notes here, not in the CSS, which
 * ships as written.) Without the shapes (`data-geography='failed'`), plain sea-blue would read as open water: the
 * ground is neutral. Lines keep their width at every zoom (`non-scaling-stroke`), but not the countries' fills:
 * they have no stroke, and a path with a non-scaling stroke is transformed point by point at each layout, every
 * frame of a pan or zoom. Each kind of place has its own swatch, told apart by fill and ring as well as colour.
 *
 * @cssproperty --fl-map-sea - water
 * @cssproperty --fl-map-land - countries other than Ukraine and Russia
 * @cssproperty --fl-map-ukraine - Ukraine
 * @cssproperty --fl-map-russia - Russia
 * @cssproperty --fl-map-border - country borders
 * @cssproperty --fl-map-coast - coastlines
 */
export const distanceMapStyles = css`
  :host {
    --_sea: var(--fl-map-sea, light-dark(#d6e3ec, #0f1c26));
    --_land: var(--fl-map-land, light-dark(#f6f4ef, #262626));
    --_ukraine: var(--fl-map-ukraine, light-dark(#fdf0b8, #3d3720));
    --_russia: var(--fl-map-russia, light-dark(#e9e2d9, #332e2b));
    --_border: var(--fl-map-border, light-dark(#a9a398, #5f5f5f));
    --_coast: var(--fl-map-coast, light-dark(#8fa8ba, #3b5366));
    --_ukraine-line: light-dark(#6b5200, #e0c35a);
    --_halo: light-dark(rgb(255 255 255 / 0.92), rgb(18 18 18 / 0.9));
    --_sea-ink: light-dark(#44657c, #8fb0c7);
  }
  .frame {
    aspect-ratio: var(--fl-aspect, 4 / 3);
    border-radius: 4px;
    overflow: hidden;
  }
  svg {
    overflow: hidden;
  }
  .sea {
    fill: var(--_sea);
  }
  svg[data-geography='failed'] > .sea {
    fill: var(--_land);
  }
  .graticule {
    fill: none;
    stroke: var(--_coast);
    stroke-opacity: 0.45;
    stroke-width: 0.5px;
  }
  .country {
    fill: var(--_land);
    stroke: none;
  }
  .country.russia {
    fill: var(--_russia);
  }
  .country.ukraine {
    fill: var(--_ukraine);
  }
  .coast {
    fill: none;
    stroke: var(--_coast);
    stroke-width: 0.8px;
  }
  .borders {
    fill: none;
    stroke: var(--_border);
    stroke-width: 0.8px;
    stroke-linejoin: round;
  }
  .russia-border {
    fill: none;
    stroke: var(--_border);
    stroke-width: 1.6px;
    stroke-linejoin: round;
  }
  .ukraine-outline {
    fill: none;
    stroke: var(--_ukraine-line);
    stroke-width: 1.8px;
    stroke-linejoin: round;
  }
  .zoom path:not(.country),
  .inset path:not(.country) {
    vector-effect: non-scaling-stroke;
  }
  .inset .ukraine-outline {
    stroke-width: 1px;
  }
  .inset-frame {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2px;
  }
  .inset-edge {
    fill: none;
    stroke: var(--_ink);
    stroke-opacity: 0.5;
    stroke-width: 1px;
  }
  svg text {
    paint-order: stroke;
    stroke: var(--_halo);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .country-label {
    fill: var(--_muted);
    font-weight: 500;
    letter-spacing: 0.14em;
  }
  .country-label.emphasis {
    fill: var(--_ink);
  }
  .sea-label {
    fill: var(--_sea-ink);
    font-style: italic;
    letter-spacing: 0.04em;
    stroke: none;
  }
  .place circle {
    stroke: var(--_halo);
    stroke-width: 1.5px;
    fill: var(--_border);
  }
  .place.attack circle {
    fill: var(--_accent);
  }
  .place.strike circle {
    fill: var(--_halo);
    stroke: var(--_accent);
    stroke-width: 2.5px;
  }
  .place.unrest circle {
    fill: var(--_accent-2);
  }
  .place.isis circle {
    fill: var(--_ink);
  }
  .place.russian circle {
    fill: var(--_halo);
    stroke: var(--_ink);
    stroke-width: 2.5px;
  }
  .key-box {
    fill: var(--_halo);
    stroke: var(--_border);
    stroke-width: 1px;
  }
  .legend-item.place text {
    fill: var(--_ink);
    font-weight: 400;
  }
  .place text {
    fill: var(--_ink);
    font-weight: 600;
  }
  .place.context text {
    font-weight: 400;
  }
  .measure-casing {
    fill: none;
    stroke: var(--_halo);
    stroke-width: 5px;
    stroke-linecap: round;
  }
  .measure-line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2.25px;
    stroke-linecap: round;
    stroke-dasharray: 7 4;
  }
  .measure-end {
    fill: var(--_accent);
    stroke: var(--_halo);
    stroke-width: 1.5px;
  }
  .measure-label text {
    fill: var(--_accent);
    font-weight: 700;
  }
  .measure-label .article {
    fill: var(--_ink);
    font-weight: 400;
  }
  .border-point path {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2px;
  }
  .border-point text {
    fill: var(--_ink);
    font-weight: 500;
  }
  .scale line {
    stroke: var(--_ink);
    stroke-width: 1.5px;
  }
  .scale text {
    fill: var(--_ink);
  }
  .notice rect {
    fill: var(--_paper);
    stroke: var(--_muted);
    stroke-dasharray: 4 3;
  }
  .notice text {
    fill: var(--_ink);
    stroke: none;
  }
  th[scope='row'] {
    font-weight: 600;
  }
  td:last-child {
    overflow-wrap: anywhere;
  }
`;
