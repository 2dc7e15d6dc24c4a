import { expect } from 'chai';
import { casualtiesDataset } from '../../src/charts/casualties/schema.ts';
import { readRows } from '../../src/charts/shared/dataset.ts';
import { storyRows } from './helpers.ts';

describe('story data in the browser', () => {
  it('reads casualties.csv with every row sourced', async () => {
    const rows = await storyRows(casualtiesDataset);
    expect(rows.length).to.be.greaterThan(5);
    for (const row of rows) expect(row.source).to.be.a('string').and.not.equal('');
  });

  it('rejects a data property with a malformed number, naming the row', () => {
    const { problems } = readRows(casualtiesDataset, [{ id: 'x', killed: 'many' }]);
    expect(problems[0]!.line).to.equal(1);
    expect(problems.map((p) => p.message).join(' ')).to.contain('killed "many" is not a number');
  });
});
