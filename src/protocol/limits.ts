/** Limits shared by the session views and the server, so both sides agree on what is acceptable. */

/** Join codes use letters and digits nobody confuses when read off a projector (no 0/O, 1/I/L, U/V). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A message over this size is refused with an error and changes nothing. */
export const MAX_MESSAGE_BYTES = 4096;

/** A #IWill post is a sentence, not an essay. */
export const MAX_POST_CHARS = 280;

/** Below this many votes a spread could single people out; the facilitator may raise it, never lower it. */
export const MIN_REVEAL_FLOOR = 3;
export const DEFAULT_MIN_REVEAL = 5;

/** An "I need a moment" signal clears by itself after this long, unless the phone withdraws it first. */
export const MOMENT_MS = 3 * 60_000;
/** How often one seat may signal or withdraw "I need a moment" in a minute: a flood reaches nobody. */
export const MOMENT_CHANGES_PER_MINUTE = 6;

/** The last part of a scene the stage can be turned to (0-based): far more than any scene needs. */
export const MAX_SCENE_PART = 50;

export const DEFAULT_PARTICIPANT_CAP = 200;
/** The largest room: measured by `npm run bench` (10,000 phones in one room) against a bare WebSocket server. */
export const MAX_PARTICIPANT_CAP = 10_000;

/** A typed code with spaces, dashes or lower case still finds its room. */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** How the code is shown: two groups of three, easier to read aloud. */
export function displayJoinCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
