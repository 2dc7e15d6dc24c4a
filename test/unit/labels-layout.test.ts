import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LabelPlacer, boxAt, overlaps, within } from '../../src/charts/shared/labels.ts';

describe('overlaps(a, b, gap)', () => {
  it('boxes that only touch do not overlap; boxes that share any area do', () => {
    assert.equal(overlaps(boxAt(0, 0, 10, 10), boxAt(10, 0, 10, 10)), false);
    assert.equal(overlaps(boxAt(0, 0, 10, 10), boxAt(9, 9, 10, 10)), true);
  });

  it('a gap keeps boxes apart by that much, across and down separately when given per axis', () => {
    assert.equal(overlaps(boxAt(0, 0, 10, 10), boxAt(12, 0, 10, 10), 3), true);
    assert.equal(overlaps(boxAt(0, 0, 10, 10), boxAt(13, 0, 10, 10), 3), false);
    // Lanes: a gap across, none down, so labels in the next lane up do not collide.
    assert.equal(overlaps(boxAt(0, 0, 10, 1), boxAt(12, 0, 10, 1), { x: 6, y: 0 }), true);
    assert.equal(overlaps(boxAt(0, 0, 10, 1), boxAt(0, 1, 10, 1), { x: 6, y: 0 }), false);
  });
});

describe('within(box, size, margin)', () => {
  it('holds a box inside the frame, margin in from its edges', () => {
    assert.equal(within(boxAt(2, 2, 96, 46), { width: 100, height: 50 }, 2), true);
    assert.equal(within(boxAt(1, 2, 96, 46), { width: 100, height: 50 }, 2), false);
    assert.equal(within(boxAt(0, 0, 100, 50), { width: 100, height: 50 }), true);
  });
});

describe('LabelPlacer', () => {
  const right = { at: 'right', box: boxAt(60, 20, 30, 10) };
  const left = { at: 'left', box: boxAt(10, 20, 30, 10) };
  const below = { at: 'below', box: boxAt(35, 40, 30, 10) };

  it('places a label at its first candidate that fits, and later labels keep clear of it', () => {
    const placer = new LabelPlacer({ width: 100, height: 60 });
    assert.equal(placer.place([right, left], (c) => c.box)?.at, 'right');
    assert.equal(placer.place([right, left], (c) => c.box)?.at, 'left');
    assert.equal(placer.place([right, left], (c) => c.box), undefined, 'no room left: the label gives way');
    assert.equal(placer.placed.length, 2);
  });

  it('skips candidates over a mark or out of the frame', () => {
    const placer = new LabelPlacer({ width: 100, height: 45 });
    placer.block(boxAt(70, 22, 4, 4));
    assert.equal(placer.first([right, below, left], (c) => c.box)?.at, 'left', 'right is over the mark, below runs out of the frame');
  });

  it('keeps its gap from labels, its clearance from marks, and any further test', () => {
    const placer = new LabelPlacer({ width: 100, height: 60 });
    placer.take(boxAt(92, 20, 8, 10));
    placer.block(boxAt(0, 20, 8, 10));
    assert.equal(placer.fits(right.box, { gap: 3 }), false, 'within 3 px of a label');
    assert.equal(placer.fits(left.box, { gap: 3 }), false, 'within 3 px of a mark');
    assert.equal(placer.fits(left.box, { gap: 3, clearance: 1 }), true, 'a mark 2 px away clears a 1 px clearance');
    assert.equal(placer.fits(below.box, { clear: (b) => b.y0 < 40 }), false);
  });

  it('tryPlace places one box only if it fits', () => {
    const placer = new LabelPlacer({ width: 100, height: 60 });
    assert.equal(placer.tryPlace(right.box), true);
    assert.equal(placer.tryPlace(right.box), false);
    assert.equal(placer.placed.length, 1);
  });
});
