/**
 * The messages between an iframe embed (embed.html) and the page around it (frame.js). Kept apart so both sides,
 * and the tests, use the same names.
 */

/** Posted by the embedded chart page to its parent: its content's height in CSS pixels. */
export const HEIGHT_MESSAGE = 'frontlines:height';
/** Posted by the host page to an embed: "tell me your height" (for frames that loaded before frame.js). */
export const MEASURE_MESSAGE = 'frontlines:measure';

export interface HeightMessage {
  readonly type: typeof HEIGHT_MESSAGE;
  /** The `id` query parameter of the embed's URL ('' when it has none). */
  readonly id: string;
  readonly height: number;
}
