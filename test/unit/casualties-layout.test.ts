import { describe as suite, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../src/charts/shared/dataset.ts';
import { casualtiesDataset, type CasualtyRow, type CasualtyView } from '../../src/charts/casualties/schema.ts';
import { layout, overlaps, textBoxes, type CasualtyMarks } from '../../src/charts/casualties/layout.ts';
import { describeCasualties, reporterOf } from '../../src/charts/casualties/text.ts';

const csv = readFileSync(join(import.meta.dirname, '..', '..', 'story', 'data', 'casualties.csv'), 'utf8');
const parsed = readCsv(casualtiesDataset, csv);
assert.deepEqual(parsed.problems, []);
const rows: readonly CasualtyRow[] = parsed.rows;

const crocus = rows.filter((r) => r.attack === 'crocus-attack').sort((a, b) => (a.reported! < b.reported! ? -1 : 1));
const first = crocus[0]!;
const latest = crocus.at(-1)!;

const VIEWS: readonly CasualtyView[] = ['preliminary', 'toll', 'compare'];
/** Phone, large phone and desktop widths; a short sticky graphic, the default 16:10 frame, and a tall one. */
const SIZES = [280, 390, 900].flatMap((width) => [170, Math.round(width / 1.6), 300, 600].map((height) => ({ width, height })));
/** Every width in between too, where the layouts switch between their narrow and wide arrangements. */
const SWEEP = Array.from({ length: 32 }, (_, i) => 280 + i * 20).flatMap((width) => [180, Math.round(width / 1.6), 420].map((height) => ({ width, height })));

const at = (view: CasualtyView, width = 390, height = 300, data: readonly CasualtyRow[] = rows) => layout({ rows: data, state: { view }, size: { width, height } });
const count = (marks: CasualtyMarks, kind: 'circles' | 'rects' | 'paths' | 'lines', cls: string) =>
  (marks[kind] as readonly { cls: string }[]).filter((m) => m.cls.split(' ').includes(cls)).length;
const withClasses = <T extends { cls: string }>(marks: readonly T[], ...classes: string[]) =>
  marks.filter((m) => classes.every((c) => m.cls.split(' ').includes(c)));
const texts = (marks: CasualtyMarks) => marks.texts.map((t) => t.text + (t.suffix ?? ''));
const edit = (id: string, change: Partial<CasualtyRow>) => rows.map((r) => (r.id === id ? { ...r, ...change } : r));

suite('layout({ rows, state: {view: "preliminary"}, size })', () => {
  it('draws one mark per person of the first report: killed and injured', () => {
    const marks = at('preliminary');
    assert.equal(withClasses(marks.circles, 'unit', 'killed').length, first.killed);
    assert.equal(withClasses(marks.circles, 'unit', 'injured').length, first.injured);
    assert.equal(first.killed, 40);
    assert.equal(first.injured, 100);
  });

  it('shows "at least" and "more than": fading open-ended marks after the last one, and in the labels', () => {
    const marks = at('preliminary');
    const moreKilled = withClasses(marks.circles, 'unit-more', 'killed');
    assert.equal(moreKilled.length, 3);
    assert.equal(withClasses(marks.circles, 'unit-more', 'injured').length, 3);
    const opacities = moreKilled.map((m) => m.opacity);
    assert.deepEqual([...opacities].sort((a, b) => b - a), opacities, 'each further open mark is fainter');
    assert.ok(opacities.every((o) => o < 1), 'open marks are fainter than the real ones');
    assert.ok(texts(marks).includes('At least 40 killed'), `the killed label: ${texts(marks).join('|')}`);
    assert.ok(texts(marks).includes('More than 100 injured'), `the injured label: ${texts(marks).join('|')}`);
  });

  it('takes its figures from the row, not from the code', () => {
    const marks = at('preliminary', 390, 300, edit(first.id, { killed: 45, killed_qualifier: 'exact', injured: 120 }));
    assert.equal(withClasses(marks.circles, 'unit', 'killed').length, 45);
    assert.equal(withClasses(marks.circles, 'unit', 'injured').length, 120);
    assert.equal(withClasses(marks.circles, 'unit-more', 'killed').length, 0, 'an exact count is not open-ended');
    assert.ok(texts(marks).includes('45 killed'), `the killed label follows the row: ${texts(marks).join('|')}`);
    assert.ok(texts(marks).includes('More than 120 injured'), `the injured label follows the row: ${texts(marks).join('|')}`);
  });

  it('keeps the marks countable: rows of whole tens, no two marks touching', () => {
    for (const size of SIZES) {
      const units = withClasses(layout({ rows, state: { view: 'preliminary' }, size }).circles, 'unit', 'killed');
      const columns = new Set(units.map((u) => u.cx.toFixed(2))).size;
      assert.equal(columns % 10, 0, `${size.width}x${size.height}: ${columns} columns`);
      const sorted = [...units].sort((a, b) => a.cy - b.cy || a.cx - b.cx);
      for (let i = 1; i < sorted.length; i++) {
        const [a, b] = [sorted[i - 1]!, sorted[i]!];
        assert.ok(Math.hypot(a.cx - b.cx, a.cy - b.cy) > a.r + b.r, `${size.width}x${size.height}: marks ${i - 1} and ${i} touch`);
      }
    }
  });
});

suite('layout({ rows, state: {view: "toll"}, size })', () => {
  it('has a point per report, ordered by date, for killed and for injured where reported', () => {
    const marks = at('toll', 900, 560);
    const killed = withClasses(marks.circles, 'point', 'killed');
    const injured = withClasses(marks.circles, 'point', 'injured');
    assert.equal(killed.length, crocus.length);
    assert.equal(injured.length, crocus.filter((r) => r.injured !== null).length);
    for (const points of [killed, injured]) {
      for (let i = 1; i < points.length; i++) {
        assert.ok(points[i]!.cx > points[i - 1]!.cx, 'later reports further right');
        assert.ok(points[i]!.cy <= points[i - 1]!.cy, 'each count at least as high as the one before, so no lower on the page');
      }
    }
  });

  it('marks the first report, a floor, as open and the official counts as filled', () => {
    const marks = at('toll');
    assert.deepEqual(withClasses(marks.circles, 'point', 'lower-bound').map((m) => m.key).sort(), [`point-injured-${first.id}`, `point-killed-${first.id}`]);
  });

  it('draws step lines: every run is horizontal or vertical, stepping after each report', () => {
    const marks = at('toll');
    const lines = withClasses(marks.paths, 'step-line');
    assert.ok(withClasses(lines, 'killed').length >= 1 && withClasses(lines, 'injured').length >= 1, 'a step line for each series');
    for (const path of lines) {
      for (let i = 1; i < path.points.length; i++) {
        const [[x1, y1], [x2, y2]] = [path.points[i - 1]!, path.points[i]!];
        assert.ok(Math.abs(x1 - x2) < 1e-6 || Math.abs(y1 - y2) < 1e-6, `${path.key} run ${i} is diagonal`);
      }
    }
  });

  it('cuts the months between April 2024 and June 2025 out of the time axis, and says so', () => {
    for (const width of [280, 390, 900]) {
      const marks = at('toll', width, 300);
      const axes = marks.axes.filter((a) => a.kind === 'time');
      assert.equal(axes.length, 2, 'one time axis per piece');
      const [march, june] = axes.map((a) => a.scale.range() as [number, number]);
      assert.ok(march![1] - march![0] > 2 * (june![1] - june![0]), 'March gets most of the width');
      assert.ok(june![0] - march![1] >= 16, 'a visible gap between the pieces');
      assert.equal(count(marks, 'lines', 'break'), 2, 'slashes across the axis at the cut');
      assert.equal(count(marks, 'paths', 'gap-line'), 2, 'dotted lines across the cut');
      assert.ok(texts(marks).includes('15 months later') || texts(marks).includes('15 months'), `${width}: the cut is labelled`);
      assert.ok(texts(marks).some((t) => /^March(\u2013April)? 2024$/.test(t)) && texts(marks).includes('2025'), `${width}: month and year under the ticks: ${texts(marks).join('|')}`);
      // The March reports stay readable: the days between them are wide apart.
      const killed = withClasses(marks.circles, 'point', 'killed');
      const marchPoints = killed.filter((p) => p.cx < march![1]);
      // The five March reports and the count known only from April 2024 (145), before the cut.
      assert.equal(marchPoints.length, crocus.filter((r) => r.reported! < '2025').length);
      for (let i = 1; i < marchPoints.length; i++) assert.ok(marchPoints[i]!.cx - marchPoints[i - 1]!.cx >= 10, `${width}: March points ${i - 1}, ${i} too close`);
    }
  });

  it('labels the latest values: beside the line ends, the word under the figure on a narrow frame', () => {
    const wide = texts(at('toll', 900, 500));
    assert.ok(wide.includes(`${latest.killed} killed`), wide.join('|'));
    assert.ok(wide.includes(`${latest.injured} injured`), wide.join('|'));
    const narrow = at('toll', 280, 200);
    const killed = narrow.texts.find((t) => t.key === 'end-killed')!;
    const word = narrow.texts.find((t) => t.key === 'end-killed-word')!;
    assert.equal(killed.text, String(latest.killed));
    assert.equal(word.text, 'killed');
    assert.ok(word.y > killed.y && word.x === killed.x, 'the word sits under the figure');
  });

  it('keeps one continuous axis when the reports are close together', () => {
    const march = rows.filter((r) => r.attack !== 'crocus-attack' || r.reported! < '2025-01-01');
    const marks = at('toll', 390, 300, march);
    assert.equal(marks.axes.filter((a) => a.kind === 'time').length, 1);
    assert.equal(count(marks, 'lines', 'break'), 0);
  });
});

suite('layout({ rows, state: {view: "compare"}, size })', () => {
  const attacks = new Set(rows.map((r) => r.attack)).size;

  it('has one bar per attack, deadliest first, the subject taking its latest report', () => {
    const marks = at('compare', 900, 560);
    const bars = withClasses(marks.rects, 'bar').sort((a, b) => a.y - b.y);
    assert.equal(bars.length, attacks);
    for (let i = 1; i < bars.length; i++) assert.ok(bars[i]!.width <= bars[i - 1]!.width, 'sorted by length');
    const subject = withClasses(marks.rects, 'bar', 'subject');
    assert.equal(subject.length, 1);
    const beslan = bars.find((b) => b.key === 'bar-beslan')!;
    assert.ok(Math.abs(subject[0]!.width / beslan.width - latest.killed / 334) < 1e-6, 'bar lengths in proportion to the killed');
  });

  it('draws a range exactly for the rows whose sources differ, and says so on the page', () => {
    const marks = at('compare');
    const ranged = rows.filter((r) => r.killed_high !== null).map((r) => `range-${r.attack}`);
    assert.ok(ranged.length > 0, 'the story has a row whose sources differ');
    assert.deepEqual(withClasses(marks.rects, 'range').map((r) => r.key).sort(), ranged.sort());
    assert.ok(texts(marks).some((t) => /sources differ/i.test(t)), `a note that sources differ: ${texts(marks).join('|')}`);
    assert.ok(texts(marks).includes('293\u2013311'), `the range as a figure: ${texts(marks).join('|')}`);
    const settled = rows.map((r) => ({ ...r, killed_high: null }));
    const plain = at('compare', 390, 300, settled);
    assert.equal(count(plain, 'rects', 'range'), 0);
    assert.ok(!texts(plain).some((t) => /sources differ/i.test(t)), 'no note when no sources differ');
  });

  it('shows qualifiers with the figures', () => {
    assert.ok(texts(at('compare')).includes('about 130'), `the qualifier with the figure: ${texts(at('compare')).join('|')}`);
  });
});

suite('every view, from 280 to 900 px wide and 170 to 600 px tall', () => {
  for (const view of VIEWS) {
    it(`${view}: no two pieces of text overlap, all text is at least 12px`, () => {
      for (const size of [...SIZES, ...SWEEP]) {
        const marks = layout({ rows, state: { view }, size });
        const boxes = textBoxes(marks);
        assert.ok(boxes.length > 0, 'some text');
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            assert.ok(!overlaps(boxes[i]!, boxes[j]!), `${size.width}x${size.height}: "${boxes[i]!.key}" overlaps "${boxes[j]!.key}"`);
          }
        }
        for (const text of marks.texts) assert.ok(text.size >= 12, `${text.key} is ${text.size}px`);
        for (const axis of marks.axes) assert.ok(axis.size >= 12, 'axis labels at least 12px');
      }
    });

    it(`${view}: everything lies inside the size`, () => {
      for (const size of [...SIZES, ...SWEEP]) {
        const marks = layout({ rows, state: { view }, size });
        const where = `${view} ${size.width}x${size.height}`;
        const inside = (x: number, y: number, what: string) =>
          assert.ok(x >= -0.01 && x <= size.width + 0.01 && y >= -0.01 && y <= size.height + 0.01, `${where}: ${what} at ${x.toFixed(1)},${y.toFixed(1)}`);
        for (const box of textBoxes(marks)) {
          inside(box.x0, box.y0, box.key ?? '');
          inside(box.x1, box.y1, box.key ?? '');
        }
        for (const c of marks.circles) {
          inside(c.cx - c.r, c.cy - c.r, c.key);
          inside(c.cx + c.r, c.cy + c.r, c.key);
        }
        for (const r of marks.rects) {
          assert.ok(r.width >= 0 && r.height > 0, `${where}: ${r.key} has no size`);
          inside(r.x, r.y, r.key);
          inside(r.x + r.width, r.y + r.height, r.key);
        }
        for (const p of marks.paths) for (const [x, y] of p.points) inside(x, y, p.key);
        for (const l of marks.lines) {
          inside(l.x1, l.y1, l.key);
          inside(l.x2, l.y2, l.key);
        }
      }
    });
  }

  it('draws nothing, and throws nothing, without rows or without room', () => {
    for (const view of VIEWS) {
      assert.equal(layout({ rows: [], state: { view }, size: { width: 390, height: 300 } }).circles.length, 0);
      assert.equal(layout({ rows, state: { view }, size: { width: 0, height: 0 } }).texts.length, 0);
    }
  });

  it('is a function of its inputs: the same state gives the same marks', () => {
    for (const view of VIEWS) {
      const a = JSON.stringify(at(view), (_, v) => (typeof v === 'function' ? undefined : v));
      at(VIEWS[(VIEWS.indexOf(view) + 1) % VIEWS.length]!);
      const b = JSON.stringify(at(view), (_, v) => (typeof v === 'function' ? undefined : v));
      assert.equal(a, b);
    }
  });
});

suite('describeCasualties(rows, view)', () => {
  it('says each view in one sentence, from the rows', () => {
    assert.equal(describeCasualties(rows, 'preliminary'), 'On the evening of 22 March 2024 the FSB reported at least 40 killed and more than 100 injured.');
    assert.equal(describeCasualties(rows, 'toll'), 'The official count rose from 133 killed on 23 March 2024 to 149 killed and 609 injured by 23 June 2025.');
    assert.equal(
      describeCasualties(rows, 'compare'),
      'Of the 7 terror attacks on Russian soil shown, with 149 killed, the Crocus City Hall attack is the deadliest since the Beslan school siege in 2004 (334 killed).',
    );
  });

  it('computes "deadliest since" from the data', () => {
    const withoutBeslan = rows.filter((r) => r.attack !== 'beslan');
    assert.match(describeCasualties(withoutBeslan, 'compare'), /since the Apartment bombings in 1999 \(293 to 311 killed\)\.$/);
    const lower = rows.map((r) => (r.attack === 'crocus-attack' ? r : { ...r, killed: Math.min(r.killed, 100), killed_high: null }));
    assert.match(describeCasualties(lower, 'compare'), /is the deadliest of the 7 terror attacks on Russian soil shown\.$/);
    const metroHigher = edit('moscow-metro-2010', { killed: 160 });
    assert.match(describeCasualties(metroHigher, 'compare'), /since the Moscow Metro bombings in 2010 \(160 killed\)\.$/);
  });

  it('follows changed figures', () => {
    assert.match(describeCasualties(edit(latest.id, { killed: 150, injured: 610 }), 'toll'), /to 150 killed and 610 injured by 23 June 2025\.$/);
    assert.match(describeCasualties(edit(first.id, { killed: 41 }), 'preliminary'), /reported at least 41 killed/);
  });

  it('names who reported a figure from its source', () => {
    assert.equal(reporterOf('FSB preliminary information, via TASS (22 Mar 2024)'), 'the FSB');
    assert.equal(reporterOf('Investigative Committee of Russia (23 Mar 2024)'), 'the Investigative Committee of Russia');
    assert.equal(reporterOf('Wikipedia, "Beslan school siege"'), 'Wikipedia');
  });
});
