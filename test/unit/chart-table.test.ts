import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tableHtml } from '../../src/charts/shared/table.ts';

describe('the data table renderer', () => {
  it('gives column heads, a row header per row, each row its id and each cell its column', () => {
    const html = tableHtml({
      caption: 'Places',
      columns: ['Place', 'Distance'],
      rows: [[{ text: 'Moscow', detail: '55.752\u00b0 N' }, '450 km']],
      headerColumn: 0,
      ids: ['kremlin'],
      columnClasses: ['', 'number'],
    });
    assert.equal(
      html,
      '<table><caption>Places</caption><thead><tr><th scope="col">Place</th><th scope="col" class="number">Distance</th></tr></thead>' +
        '<tbody><tr data-id="kremlin"><th scope="row">Moscow<span class="detail">55.752\u00b0 N</span></th>' +
        '<td class="number" data-label="Distance">450 km</td></tr></tbody></table>',
    );
  });

  it('escapes every text, attributes included', () => {
    const html = tableHtml({ caption: '<b>', columns: ['"a"'], rows: [['<img src=x onerror=alert(1)>']], headerColumn: 1, ids: ['x" onclick="y'] });
    assert.ok(!/<b>|<img|" onclick/.test(html), html);
    assert.match(html, /&#60;img src=x onerror=alert\(1\)&#62;/);
  });

  it('says the empty message when there are no rows, across every column', () => {
    assert.match(tableHtml({ caption: 'Events', columns: ['a', 'b', 'c'], rows: [], headerColumn: 0, empty: 'No events in this window.' }), /<tbody><tr><td colspan="3">No events in this window\.<\/td><\/tr><\/tbody>/);
    assert.match(tableHtml({ caption: 'Events', columns: ['a'], rows: [], headerColumn: 0 }), /<tbody><\/tbody>/);
  });
});
