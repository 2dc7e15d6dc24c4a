/**
 * Keeps the story window and the presenter view on the same slide, over a BroadcastChannel (same origin, any
 * number of windows or frames; no server).
 *
 * - `step`: this side moved to a slide because someone pressed a key or a button here. The other side follows and
 *   does not echo it back: only local moves are sent, so two sides stepping quickly cannot ping-pong.
 * - `hello`: this side has just started (or reloaded) and asks where the others are.
 * - `state`: the answer to a hello, addressed to the side that asked.
 * - `bye`: this side is going away (the window closes or reloads).
 *
 * Messages from other pages of the same origin are checked for shape before anything acts on them.
 */

export const CHANNEL_NAME = 'frontlines-present';

/** The story page (scrolling or presenting) or the presenter view. */
export type PresentRole = 'story' | 'presenter';

export interface SlidePosition {
  /** Slide number, from 1 (the title slide). */
  readonly slide: number;
  /** Whether the story window is in presentation mode; the presenter view always says true. */
  readonly presenting: boolean;
}

export type PresentMessage =
  | { readonly type: 'hello'; readonly from: string; readonly role: PresentRole; readonly presenting?: boolean }
  | ({ readonly type: 'state'; readonly from: string; readonly role: PresentRole; readonly to: string } & SlidePosition)
  | ({ readonly type: 'step'; readonly from: string; readonly role: PresentRole } & SlidePosition)
  | { readonly type: 'bye'; readonly from: string; readonly role: PresentRole };

export interface ChannelHandlers {
  /** Where this side is now: the answer to another side's hello. */
  position(): SlidePosition;
  /** Another side moved (or answered this side's hello): follow it. */
  follow(position: SlidePosition, message: PresentMessage): void;
  /** Another side said hello or bye: who is there changed. */
  peers?(message: PresentMessage): void;
}

function isMessage(data: unknown): data is PresentMessage {
  if (!data || typeof data !== 'object') return false;
  const message = data as Record<string, unknown>;
  if (typeof message.from !== 'string' || (message.role !== 'story' && message.role !== 'presenter')) return false;
  switch (message.type) {
    case 'hello':
    case 'bye':
      return true;
    case 'step':
    case 'state':
      return (
        typeof message.slide === 'number' &&
        Number.isInteger(message.slide) &&
        message.slide >= 1 &&
        typeof message.presenting === 'boolean' &&
        (message.type === 'step' || typeof message.to === 'string')
      );
    default:
      return false;
  }
}

/** How the side that asked ranks answers: a presenting story window knows best, then any story window. */
function rank(message: PresentMessage): number {
  if (message.type !== 'state') return 0;
  if (message.role === 'story') return message.presenting ? 3 : 2;
  return 1;
}

export class PresenterChannel {
  readonly id = Math.random().toString(36).slice(2, 10);
  private readonly channel: BroadcastChannel | null;
  /** The rank of the best answer to this side's hello so far: a better one may still correct the first. */
  private answeredRank = 0;

  constructor(
    readonly role: PresentRole,
    private readonly handlers: ChannelHandlers,
  ) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
    this.channel?.addEventListener('message', this.onMessage);
    addEventListener('pagehide', this.onPageHide);
  }

  /** Asks the other sides where they are (saying whether this side presents); `follow` hears the answer. */
  hello(presenting?: boolean): void {
    this.answeredRank = 0;
    this.post({ type: 'hello', from: this.id, role: this.role, ...(presenting === undefined ? {} : { presenting }) });
  }

  /** Tells the other sides this side moved (or changed mode). */
  step(position: SlidePosition): void {
    this.post({ type: 'step', from: this.id, role: this.role, slide: position.slide, presenting: position.presenting });
  }

  close(): void {
    this.post({ type: 'bye', from: this.id, role: this.role });
    removeEventListener('pagehide', this.onPageHide);
    this.channel?.removeEventListener('message', this.onMessage);
    this.channel?.close();
  }

  private post(message: PresentMessage): void {
    this.channel?.postMessage(message);
  }

  private onPageHide = (): void => {
    this.post({ type: 'bye', from: this.id, role: this.role });
  };

  private onMessage = (event: MessageEvent): void => {
    const message = event.data as unknown;
    if (!isMessage(message) || message.from === this.id) return;
    switch (message.type) {
      case 'hello': {
        const { slide, presenting } = this.handlers.position();
        this.post({ type: 'state', from: this.id, role: this.role, to: message.from, slide, presenting });
        this.handlers.peers?.(message);
        break;
      }
      case 'state': {
        if (message.to !== this.id) return;
        const rankOf = rank(message);
        if (rankOf <= this.answeredRank) return;
        this.answeredRank = rankOf;
        this.handlers.follow({ slide: message.slide, presenting: message.presenting }, message);
        break;
      }
      case 'step':
        this.handlers.follow({ slide: message.slide, presenting: message.presenting }, message);
        break;
      case 'bye':
        this.handlers.peers?.(message);
        break;
    }
  };
}
