/**
 * `<fl-present-toolbar>`: presentation mode's toolbar. A progress line along the top, the keyboard hint on the
 * title slide, and bottom right the buttons and the slide counter. It shows what it is given (slide, count, digits
 * typed, full screen) and asks for everything else with an `fl-present-action` event (detail: the action), which
 * presentation mode performs exactly as it performs a key.
 *
 * It renders into the light DOM: present.css and print.css style it with the page, and the reader's controls add
 * their motion switch to its buttons (reader/install.ts).
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { TITLE_SLIDE } from './slides.ts';
import type { PresentAction } from './keys.ts';

export type ToolbarAction = 'presenter' | 'fullscreen' | 'exit' | 'previous' | 'next';

export class FlPresentToolbar extends LitElement {
  /** The slide shown, from 1 (the title slide). */
  @property({ type: Number }) slide = TITLE_SLIDE;
  /** How many slides there are. */
  @property({ type: Number }) count = 1;
  /** Digits typed towards a jump ("12"), shown in place of the counter until Enter; empty when none. */
  @property() digits = '';
  /** Whether the page is in full screen. */
  @property({ type: Boolean }) fullscreen = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Rendered at once, not in a later microtask: the reader's controls add their switch to it as the page starts.
    this.flush();
  }

  /** Renders what has been set now, rather than in a microtask: the counter answers a key in the key's own task. */
  flush(): void {
    if (this.isUpdatePending) this.performUpdate();
  }

  // The counter has one name for the screen reader ("Slide 7 of 29") rather than "7 slash 29"; it sits near the
  // corner, so that at rest, when only it shows, it is where the eye expects it.
  protected override render(): TemplateResult {
    const { slide, count, digits } = this;
    return html`
      <nav class="fl-present-bar" aria-label="Slides">
        <div class="fl-present-progress" aria-hidden="true"><div></div></div>
        <p class="fl-present-hint" ?hidden=${slide !== TITLE_SLIDE}>${HINT}</p>
        <div class="fl-present-controls">
          ${this.button('presenter', 'Notes (presenter view)', 'S', html`${ICONS.presenter}<span>Notes</span>`)}
          ${this.button('fullscreen', 'Full screen', 'F', html`${ICONS.fullscreen}<span>Full screen</span>`, String(this.fullscreen))}
          ${this.button('exit', 'Exit presentation mode', 'Escape', html`${ICONS.exit}<span>Exit</span>`)}
          ${this.button('previous', 'Previous slide', 'ArrowLeft PageUp', ICONS.previous, undefined, slide <= TITLE_SLIDE)}
          <span class="fl-present-counter" role="img" aria-label=${digits ? `Go to slide ${digits}, press Enter` : `Slide ${slide} of ${count}`}
            >${digits ? `Go to ${digits}\u2026` : `${slide} / ${count}`}</span
          >
          ${this.button('next', 'Next slide', 'ArrowRight PageDown Space', ICONS.next, undefined, slide >= count)}
        </div>
      </nav>
    `;
  }

  protected override updated(): void {
    // Through CSSOM, not a style attribute: a strict Content Security Policy (style-src 'self') blocks the latter.
    const fraction = (this.slide - 1) / Math.max(1, this.count - 1);
    this.querySelector<HTMLElement>('.fl-present-progress > div')!.style.transform = `scaleX(${fraction.toFixed(4)})`;
  }

  private button(action: ToolbarAction, label: string, shortcut: string, content: TemplateResult, pressed?: string, disabled = false): TemplateResult {
    return html`<button
      type="button"
      class="fl-present-button fl-present-${action}"
      data-action=${action}
      aria-label=${label}
      aria-keyshortcuts=${shortcut}
      aria-pressed=${pressed ?? nothing}
      title=${`${label} (${shortcut.split(' ')[0]})`}
      ?disabled=${disabled}
      @click=${() => this.dispatchEvent(new CustomEvent<PresentAction>('fl-present-action', { detail: { type: action }, bubbles: true }))}
>${content}</button>`;
  }
}

const HINT = '\u2192 or Space: next \u00b7 \u2190: back \u00b7 S: notes \u00b7 F: full screen \u00b7 Esc: leave';

/** Small line icons; decorative, the buttons carry their names. */
const ICONS = {
  previous: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M15 5l-7 7 7 7" /></svg>`,
  next: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M9 5l7 7-7 7" /></svg>`,
  presenter: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <rect x="3" y="4" width="18" height="13" rx="1.5" />
    <path d="M8 21h8M12 17v4M7 9h6M7 12h9" />
  </svg>`,
  fullscreen: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" /></svg>`,
  exit: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" /></svg>`,
} as const;

declare global {
  interface HTMLElementTagNameMap {
    'fl-present-toolbar': FlPresentToolbar;
  }
  interface HTMLElementEventMap {
    'fl-present-action': CustomEvent<PresentAction>;
  }
}

if (!customElements.get('fl-present-toolbar')) customElements.define('fl-present-toolbar', FlPresentToolbar);
