import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { capitalize, formatClock, formatDay, formatShortDay, formatTenths, formatThousandths, listOf, MONTHS, round, SHORT_MONTHS } from '../../src/charts/shared/wording.ts';

describe('wording', () => {
  it('joins lists as the article does, with no comma before "and"', () => {
    assert.equal(listOf([]), '');
    assert.equal(listOf(['Moscow']), 'Moscow');
    assert.equal(listOf(['Moscow', 'Kstovo']), 'Moscow and Kstovo');
    assert.equal(listOf(['Moscow', 'Kstovo', 'Belgorod']), 'Moscow, Kstovo and Belgorod');
  });

  it('writes dates and times of day in UTC, whatever the machine\u2019s zone', () => {
    const evening = new Date('2024-03-22T19:58:00Z');
    assert.equal(formatDay(evening), '22 March 2024');
    assert.equal(formatShortDay(evening), '22 Mar 2024');
    assert.equal(formatShortDay(new Date('2023-09-01T00:00:00Z')), '1 Sep 2023');
    assert.equal(formatClock(evening), '19:58');
    assert.equal(formatClock(new Date('2024-03-12T05:30:00Z')), '05:30');
  });

  it('has one list of month names, the short forms taken from it', () => {
    assert.equal(MONTHS.length, 12);
    assert.deepEqual(SHORT_MONTHS.slice(0, 3), ['Jan', 'Feb', 'Mar']);
    assert.equal(SHORT_MONTHS[8], 'Sep');
  });

  it('formats figures to tenths and thousandths, and rounds to a given precision', () => {
    assert.equal(formatTenths(1430), '1,430');
    assert.equal(formatTenths(16.44), '16.4');
    assert.equal(formatThousandths(55.8261), '55.826');
    assert.equal(formatThousandths(37.39), '37.390');
    assert.equal(round(12.3456, 2), 12.35);
    assert.equal(round(12.5), 13);
  });

  it('writes figures and lists as Intl writes them in British English, without loading Intl in the page', () => {
    const tenths = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
    const thousandths = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    // Halves at every place (0.15, 2.45, 1.0005), their binary neighbours, thousands, negatives, zero.
    const values = [0, -0, 0.05, 0.15, 0.25, 0.95, 2.45, 16.44, 16.45, 99.95, 999.95, 1430, 1234567.85, 1.0005, 55.8261, 37.39, -0.04, -2.45, -1234.56];
    for (let i = 0; i < 2000; i++) values.push(Math.round(Math.random() * 1e7) / 10 ** (1 + (i % 5)), -Math.random() * 5000);
    for (const value of values) {
      assert.equal(formatTenths(value), tenths.format(value).replace('\u2212', '-'), `tenths of ${value}`);
      assert.equal(formatThousandths(value), thousandths.format(value).replace('\u2212', '-'), `thousandths of ${value}`);
    }
    const lists = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });
    const names = ['Moscow', 'Kstovo', 'Belgorod', 'Makhachkala', 'Stepanakert'];
    for (let n = 0; n <= names.length; n++) assert.equal(listOf(names.slice(0, n)), lists.format(names.slice(0, n)));
  });

  it('capitalizes a phrase\u2019s first letter only', () => {
    assert.equal(capitalize('the map shows Moscow'), 'The map shows Moscow');
    assert.equal(capitalize(''), '');
  });
});
