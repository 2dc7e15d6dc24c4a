/**
 * What the story window's presentation mode and the presenter view share about stepping through slides: the
 * slide shown and how many there are (slides.ts), the keys (keys.ts: one mapping, with the digits typed towards a
 * jump), the URL hash that names the slide, and the presenter channel to the other windows, with the guard that
 * keeps a move made to follow another window from being sent back to it.
 *
 * Each side says what a move looks like on its screen (`SlideHost.go`); the controller decides where a key or a
 * button goes, clamped to the slides there are.
 */
import type { StoryStep } from '../types/story.ts';
import { INITIAL_KEY_STATE, clampSlide, focusContext, interpretKey, type KeyState, type PresentAction } from './keys.ts';
import { TITLE_SLIDE, hashForSlide, slideCount, slideForHash } from './slides.ts';
import { PresenterChannel, type PresentMessage, type PresentRole, type SlidePosition } from './presenter-channel.ts';

export interface SlideHost {
  /** Whether every key acts (presenting), or only the ones that start presenting and open the presenter view. */
  presenting(): boolean;
  /** Shows a slide (already clamped to the slides there are). */
  go(slide: number): void;
  /** An action other than a move (full screen, exit, toggle, presenter view); a side ignores what it has not. */
  act(action: PresentAction): void;
  /** The digits typed towards a jump changed: show them (or the counter again). */
  digitsChanged(): void;
  /** Whether this side takes a key's action at all (the presenter view leaves the story window's keys alone). */
  takes?(action: PresentAction): boolean;
  /** Where this side is, for the other windows. */
  position(): SlidePosition;
  /** Another window moved, or answered this one's hello. */
  follow(position: SlidePosition, message: PresentMessage): void;
  /** Another window said hello or bye. */
  peers?(message: PresentMessage): void;
}

export interface SlideControllerOptions {
  readonly role: PresentRole;
  /** Typed digits not followed by Enter are dropped from the counter after this long (ms); none: they stay. */
  readonly digitsDisplayMs?: number;
}

export class SlideController {
  /** The slide shown (or last shown); 1 is the title slide. */
  slide = TITLE_SLIDE;
  readonly count: number;
  private keyState: KeyState = INITIAL_KEY_STATE;
  private digitsTimer = 0;
  /** True while following another window: that move is not sent back. */
  private following = false;
  private readonly channel: PresenterChannel;

  constructor(
    private readonly steps: readonly StoryStep[],
    private readonly host: SlideHost,
    private readonly options: SlideControllerOptions,
  ) {
    this.count = slideCount(steps);
    this.channel = new PresenterChannel(options.role, {
      position: () => host.position(),
      follow: (position, message) => host.follow(position, message),
      peers: (message) => host.peers?.(message),
    });
  }

  /** A slide number clamped to the slides there are. */
  clamp(slide: number): number {
    return clampSlide(slide, this.count);
  }

  /** The hash that names a slide ('' for the title slide). */
  hashFor(slide: number): string {
    return hashForSlide(this.steps, slide);
  }

  /** The slide a hash names, or null. */
  slideFor(hash: string): number | null {
    return slideForHash(this.steps, hash);
  }

  /** Digits typed towards a jump, or '' when none. */
  get digits(): string {
    return this.keyState.digits;
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    const hadDigits = this.keyState.digits !== '';
    const context = { presenting: this.host.presenting(), ...focusContext(event.target) };
    const { action, state } = interpretKey(event, context, this.keyState, performance.now());
    this.keyState = state;
    if (!action || (this.host.takes && !this.host.takes(action))) {
      if (hadDigits && !state.digits) this.host.digitsChanged();
      return;
    }
    event.preventDefault();
    this.perform(action);
  };

  /** Does what a key or a button asks. */
  perform(action: PresentAction): void {
    if (action.type !== 'digits') this.keyState = INITIAL_KEY_STATE;
    switch (action.type) {
      case 'next':
        this.host.go(this.clamp(this.slide + 1));
        break;
      case 'previous':
        this.host.go(this.clamp(this.slide - 1));
        break;
      case 'first':
        this.host.go(TITLE_SLIDE);
        break;
      case 'last':
        this.host.go(this.count);
        break;
      case 'go':
        this.host.go(this.clamp(action.slide));
        break;
      case 'digits':
        if (this.options.digitsDisplayMs !== undefined) {
          clearTimeout(this.digitsTimer);
          this.digitsTimer = window.setTimeout(() => {
            this.keyState = INITIAL_KEY_STATE;
            this.host.digitsChanged();
          }, this.options.digitsDisplayMs);
        }
        this.host.digitsChanged();
        break;
      default:
        this.host.act(action);
    }
  }

  // ---- the other windows -------------------------------------------------------------------------------------

  /** Asks the other windows where they are (saying whether this one presents); `follow` hears the answer. */
  hello(presenting?: boolean): void {
    this.channel.hello(presenting);
  }

  /** Tells the other windows where this one is now, unless this move follows one of theirs. */
  broadcast(): void {
    if (!this.following) this.channel.step(this.host.position());
  }

  /** Whether the move being made follows another window's. */
  get isFollowing(): boolean {
    return this.following;
  }

  /** Runs a move made to follow another window (or to open at a slide): nothing of it is sent. */
  quietly(move: () => void): void {
    const was = this.following;
    this.following = true;
    try {
      move();
    } finally {
      this.following = was;
    }
  }
}
