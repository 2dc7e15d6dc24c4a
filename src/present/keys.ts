/**
 * Which key does what while presenting: the keys presenters know from reveal.js and from clickers (which send
 * PageDown / PageUp, arrows or Space). A pure function of the key, where focus is and the digits typed so far, so
 * the story page and the presenter view share one mapping and Node tests it without a browser.
 */

export type PresentAction =
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'first' }
  | { readonly type: 'last' }
  /** Go to a slide by the number the counter shows (1 is the title slide). */
  | { readonly type: 'go'; readonly slide: number }
  /** A digit was typed: the number so far, shown so the presenter sees what Enter will jump to. */
  | { readonly type: 'digits'; readonly digits: string }
  | { readonly type: 'fullscreen' }
  | { readonly type: 'exit' }
  | { readonly type: 'toggle' }
  | { readonly type: 'presenter' };

/** The parts of a KeyboardEvent the mapping reads. */
export interface KeyInput {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
}

export interface KeyContext {
  /** Presentation mode is on. Off, only `p` (start) and `s` (presenter view) act: the page scrolls as usual. */
  readonly presenting: boolean;
  /** Focus is in a text field (input, textarea, select, contenteditable): typing belongs to it. */
  readonly editable: boolean;
  /** Focus is on something Enter or Space activates (a button, a link, a summary): those keys belong to it. */
  readonly activatable: boolean;
}

export interface KeyState {
  /** Digits typed towards a jump ("1", "12"), empty when none. */
  readonly digits: string;
  /** When the last digit was typed (ms, any clock); digits older than DIGITS_TIMEOUT_MS are forgotten. */
  readonly at: number;
}

export const INITIAL_KEY_STATE: KeyState = { digits: '', at: 0 };

/** How long typed digits wait for Enter; after a pause this long they are dropped, as in reveal.js. */
export const DIGITS_TIMEOUT_MS = 3000;

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'n', 'N', 'Enter']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

export interface KeyResult {
  /** What to do, or null: the key is not ours and must keep its default (scrolling, typing, a browser shortcut). */
  readonly action: PresentAction | null;
  readonly state: KeyState;
}

/**
 * Maps one keydown to an action. Keys with Ctrl, Alt or Meta are never ours (Ctrl+P must print, Alt+Left must go
 * back), nor is anything typed into a text field.
 */
export function interpretKey(input: KeyInput, context: KeyContext, state: KeyState, now: number): KeyResult {
  const none: KeyResult = { action: null, state: INITIAL_KEY_STATE };
  if (input.ctrlKey || input.altKey || input.metaKey || context.editable) return { action: null, state };
  const digits = state.digits && now - state.at <= DIGITS_TIMEOUT_MS ? state.digits : '';
  const key = input.key;

  if (!context.presenting) {
    if (key === 'p' || key === 'P') return { action: { type: 'toggle' }, state: INITIAL_KEY_STATE };
    if (key === 's' || key === 'S') return { action: { type: 'presenter' }, state: INITIAL_KEY_STATE };
    return none;
  }

  if (/^[0-9]$/.test(key)) {
    // A leading zero means nothing; "0" alone is not a slide.
    const typed = (digits + key).replace(/^0+/, '').slice(0, 4);
    return { action: { type: 'digits', digits: typed }, state: { digits: typed, at: now } };
  }
  if (key === 'Enter' && digits) {
    return { action: { type: 'go', slide: Number(digits) }, state: INITIAL_KEY_STATE };
  }
  // A focused button or link keeps Enter and Space: pressing it must do what it says, not step.
  if (context.activatable && (key === 'Enter' || key === ' ' || key === 'Spacebar')) return none;
  if (key === ' ' || key === 'Spacebar') {
    return { action: { type: input.shiftKey ? 'previous' : 'next' }, state: INITIAL_KEY_STATE };
  }
  if (NEXT.has(key)) return { action: { type: 'next' }, state: INITIAL_KEY_STATE };
  if (PREVIOUS.has(key)) return { action: { type: 'previous' }, state: INITIAL_KEY_STATE };
  switch (key) {
    case 'Home':
      return { action: { type: 'first' }, state: INITIAL_KEY_STATE };
    case 'End':
      return { action: { type: 'last' }, state: INITIAL_KEY_STATE };
    case 'f':
    case 'F':
      return { action: { type: 'fullscreen' }, state: INITIAL_KEY_STATE };
    case 'Escape':
    case 'Esc':
      return { action: { type: 'exit' }, state: INITIAL_KEY_STATE };
    case 'p':
    case 'P':
      return { action: { type: 'toggle' }, state: INITIAL_KEY_STATE };
    case 's':
    case 'S':
      return { action: { type: 'presenter' }, state: INITIAL_KEY_STATE };
    // Modifier keys pressed on their own (Shift before Space) must not drop digits being typed.
    case 'Shift':
      return { action: null, state: { digits, at: state.at } };
    default:
      return none;
  }
}

/** The slide a step number lands on: clamped to the slides there are (1..count). */
export function clampSlide(slide: number, count: number): number {
  return Math.min(count, Math.max(1, Math.round(slide)));
}

/** The element's focus context for `interpretKey`: is it a text field, is it something Enter activates. */
export function focusContext(target: EventTarget | null): { editable: boolean; activatable: boolean } {
  const element = deepTarget(target);
  if (!element) return { editable: false, activatable: false };
  const editable =
    element.isContentEditable ||
    element.closest('[contenteditable]:not([contenteditable="false"])') !== null ||
    (element.localName === 'input' && !NON_TEXT_INPUTS.has((element as HTMLInputElement).type)) ||
    element.localName === 'textarea' ||
    element.localName === 'select';
  const activatable = element.closest('button, a[href], summary, input, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])') !== null;
  return { editable, activatable };
}

/** Checkboxes and buttons take no typing: arrows and letters may still step while one has focus. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'image', 'color', 'file']);

/** The focused element, looking inside open shadow roots (a chart's "Show the data" summary lives in one). */
function deepTarget(target: EventTarget | null): HTMLElement | null {
  // nodeType, not instanceof: the event may come from another frame's realm.
  let element = (target as Node | null)?.nodeType === 1 ? (target as Element) : null;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element && 'isContentEditable' in element ? (element as HTMLElement) : null;
}
