export type StepDirection = 'up' | 'down';

export interface StepChangeDetail {
  /** Position of the step among all the story's steps, from 0. */
  readonly index: number;
  /** The step's id, as in the story source and the URL hash. */
  readonly id: string;
  readonly direction: StepDirection;
}

/**
 * Fired by `fl-scrolly` when a different step becomes active. Bubbles and is composed, so a listener on the
 * document (an analytics script, the presenter view) hears it from inside any shadow root.
 */
export class StepChangeEvent extends CustomEvent<StepChangeDetail> {
  static readonly type = 'fl-step-change';

  constructor(detail: StepChangeDetail) {
    super(StepChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'fl-step-change': StepChangeEvent;
  }
}
