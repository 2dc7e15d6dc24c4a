/**
 * Presentation mode's keys and slide numbering: pure functions, so every key and every edge is checked here
 * without a browser.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIGITS_TIMEOUT_MS, INITIAL_KEY_STATE, clampSlide, interpretKey, type KeyContext, type KeyInput, type KeyState, type PresentAction } from '../../src/present/keys.ts';
import { TITLE_SLIDE, hashForSlide, slideCount, slideForHash, slideForStep, stepForSlide } from '../../src/present/slides.ts';
import type { StoryStep } from '../../src/types/story.ts';

const PRESENTING: KeyContext = { presenting: true, editable: false, activatable: false };
const READING: KeyContext = { presenting: false, editable: false, activatable: false };

function action(key: string | KeyInput, context: KeyContext = PRESENTING, state: KeyState = INITIAL_KEY_STATE, now = 0): PresentAction | null {
  return interpretKey(typeof key === 'string' ? { key } : key, context, state, now).action;
}

/** Types keys one after another, at `gap` ms apart, and returns the last action. */
function type(keys: readonly string[], gap = 100): PresentAction | null {
  let state = INITIAL_KEY_STATE;
  let last: PresentAction | null = null;
  keys.forEach((key, i) => {
    const result = interpretKey({ key }, PRESENTING, state, 1000 + i * gap);
    state = result.state;
    last = result.action;
  });
  return last;
}

describe('interpretKey(key, presenting)', () => {
  for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'n', 'N', 'Enter']) {
    it(`"${key}" goes to the next slide`, () => assert.deepEqual(action(key), { type: 'next' }));
  }
  for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']) {
    it(`"${key}" goes to the previous slide`, () => assert.deepEqual(action(key), { type: 'previous' }));
  }
  it('Shift+Space goes to the previous slide', () => assert.deepEqual(action({ key: ' ', shiftKey: true }), { type: 'previous' }));
  it('Home and End go to the first and last slides', () => {
    assert.deepEqual(action('Home'), { type: 'first' });
    assert.deepEqual(action('End'), { type: 'last' });
  });
  it('f toggles full screen, Escape leaves, p toggles, s opens the presenter view', () => {
    assert.deepEqual(action('f'), { type: 'fullscreen' });
    assert.deepEqual(action('F'), { type: 'fullscreen' });
    assert.deepEqual(action('Escape'), { type: 'exit' });
    assert.deepEqual(action('p'), { type: 'toggle' });
    assert.deepEqual(action('s'), { type: 'presenter' });
  });
  it('ignores keys it does not know', () => {
    for (const key of ['x', 'Tab', 'Shift', 'Control', 'F5']) assert.equal(action(key), null, key);
  });
});

describe('interpretKey: digits then Enter', () => {
  it('reports the digits typed so far', () => {
    assert.deepEqual(type(['1']), { type: 'digits', digits: '1' });
    assert.deepEqual(type(['1', '2']), { type: 'digits', digits: '12' });
  });
  it('jumps to the typed slide on Enter', () => {
    assert.deepEqual(type(['7', 'Enter']), { type: 'go', slide: 7 });
    assert.deepEqual(type(['2', '9', 'Enter']), { type: 'go', slide: 29 });
  });
  it('Enter without digits is next', () => assert.deepEqual(type(['Enter']), { type: 'next' }));
  it('drops leading zeros; "0" alone then Enter is next', () => {
    assert.deepEqual(type(['0', '7', 'Enter']), { type: 'go', slide: 7 });
    assert.deepEqual(type(['0', 'Enter']), { type: 'next' });
  });
  it('forgets digits after a pause', () => {
    assert.deepEqual(type(['5', 'Enter'], DIGITS_TIMEOUT_MS + 1), { type: 'next' });
  });
  it('another key in between drops the digits', () => {
    assert.deepEqual(type(['5', 'ArrowRight', 'Enter']), { type: 'next' });
  });
  it('Shift alone keeps them', () => {
    assert.deepEqual(type(['1', 'Shift', '2', 'Enter']), { type: 'go', slide: 12 });
  });
});

describe('interpretKey: what is not presentation mode\u2019s', () => {
  it('does nothing while focus is in a text field', () => {
    const editing = { ...PRESENTING, editable: true };
    for (const key of ['ArrowRight', ' ', 'Escape', 'f', 'p', 's', '3', 'Enter', 'Backspace']) assert.equal(action(key, editing), null, key);
  });
  it('leaves Enter and Space to a focused button or link, but still steps with the arrows', () => {
    const onButton = { ...PRESENTING, activatable: true };
    assert.equal(action('Enter', onButton), null);
    assert.equal(action(' ', onButton), null);
    assert.deepEqual(action('ArrowRight', onButton), { type: 'next' });
  });
  it('never takes a key with Ctrl, Alt or Meta (print, back, browser shortcuts)', () => {
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      assert.equal(action({ key: 'p', [modifier]: true }), null);
      assert.equal(action({ key: 'ArrowLeft', [modifier]: true }), null);
    }
  });
  it('reading (not presenting), only p and s act: arrows, Space and the rest scroll the page', () => {
    assert.deepEqual(action('p', READING), { type: 'toggle' });
    assert.deepEqual(action('s', READING), { type: 'presenter' });
    for (const key of ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'Home', 'End', 'Escape', 'f', 'n', 'Enter', '3']) {
      assert.equal(action(key, READING), null, key);
    }
  });
});

describe('clampSlide(slide, count)', () => {
  it('keeps a slide number within 1..count', () => {
    assert.equal(clampSlide(0, 29), 1);
    assert.equal(clampSlide(-4, 29), 1);
    assert.equal(clampSlide(12, 29), 12);
    assert.equal(clampSlide(99, 29), 29);
  });
});

describe('slides', () => {
  const steps = ['six-more-years', 'preliminary-toll', 'kstovo-strike'].map(
    (id, index): StoryStep => ({ index, id, chart: 'timeline', tag: 'fl-timeline', state: {}, section: 's' }),
  );
  it('counts the title slide: one more slide than steps', () => assert.equal(slideCount(steps), 4));
  it('numbers the title slide 1 and the first step 2', () => {
    assert.equal(stepForSlide(steps, TITLE_SLIDE), null);
    assert.equal(stepForSlide(steps, 2)?.id, 'six-more-years');
    assert.equal(slideForStep(steps[2]!), 4);
    assert.equal(stepForSlide(steps, 5), null);
  });
  it('maps hashes to slides and back', () => {
    assert.equal(slideForHash(steps, ''), 1);
    assert.equal(slideForHash(steps, '#'), 1);
    assert.equal(slideForHash(steps, '#story-title'), 1);
    assert.equal(slideForHash(steps, '#kstovo-strike'), 4);
    assert.equal(slideForHash(steps, '#nothing-here'), null);
    assert.equal(slideForHash(steps, '#%E0%A4%A'), null);
    assert.equal(hashForSlide(steps, 1), '');
    assert.equal(hashForSlide(steps, 3), '#preliminary-toll');
  });
});
