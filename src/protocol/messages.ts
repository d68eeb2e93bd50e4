import { z } from 'zod';
import { JOIN_CODE_LENGTH, MAX_PARTICIPANT_CAP, MAX_POST_CHARS, MAX_SCENE_PART, MIN_REVEAL_FLOOR } from './limits.ts';
import type { Phase } from './phases.ts';

export type { Phase } from './phases.ts';

/**
 * Every message a session view sends, as a schema the server validates against and the views are
 * typed by. Unknown fields are refused, so a typo never passes as a no-op.
 */

/** 128 random bits, base64url. */
const token = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be a 22-character token');
const joinCode = z
  .string()
  .length(JOIN_CODE_LENGTH)
  .regex(/^[A-Z0-9]+$/, 'must be letters and digits');
/** Lets the sender match a reply (acknowledgement or error) to its message. */
const id = z.number().int().nonnegative().optional();

export const clientMessage = z.discriminatedUnion('type', [
  /**
   * A phone joins with the code from the projector. The QR code's link also carries the session's id,
   * which nobody can guess: a join that names it is not a guess, and no wrong-code limit applies to it.
   */
  z.strictObject({ type: z.literal('join'), id, code: joinCode, sessionId: token.optional() }),
  /** A phone comes back (after sleep or a lost network) as the participant it was. */
  z.strictObject({ type: z.literal('resume'), id, sessionId: token, participantId: token, resumeSecret: token }),
  /** The projector: sees the room, controls nothing. */
  z.strictObject({ type: z.literal('watch'), id, code: joinCode, sessionId: token.optional() }),
  /** The facilitator's console, proving itself with the facilitator's secret. */
  z.strictObject({ type: z.literal('host'), id, sessionId: token, secret: token }),
  /** A participant's vote for the decision on the screen; may be changed until the reveal. */
  z.strictObject({
    type: z.literal('vote'),
    id,
    decision: z.number().int().nonnegative(),
    choice: z.string().min(1).max(200),
  }),
  /**
   * A participant's guess at which choice most of the room picked (predict the room): one per seat
   * and decision, changeable until the reveal, shown beside the votes only above the reveal minimum.
   */
  z.strictObject({
    type: z.literal('guess'),
    id,
    decision: z.number().int().nonnegative(),
    choice: z.string().min(1).max(200),
  }),
  /**
   * "I need a moment": a participant's anonymous signal (`on: true`), or its withdrawal. One active
   * signal per seat; it clears by itself after a few minutes. The facilitator sees a count, never who.
   */
  z.strictObject({ type: z.literal('moment'), id, on: z.boolean() }),
  /** A participant's anonymous #IWill commitment, held until the facilitator shows it. */
  z.strictObject({ type: z.literal('post'), id, text: z.string().trim().min(1).max(MAX_POST_CHARS) }),
  // Facilitator controls.
  z.strictObject({ type: z.literal('start'), id }),
  z.strictObject({ type: z.literal('reveal'), id }),
  /** Goes on with a choice: the one named, or the majority when none is. */
  z.strictObject({ type: z.literal('advance'), id, choice: z.string().min(1).max(200).optional() }),
  z.strictObject({ type: z.literal('lock'), id, locked: z.boolean() }),
  /**
   * Turns the stage to a part (0-based) of what it shows (the scene while voting, the spread once
   * revealed, the debrief) when that does not fit one screen at the readable size: the stage shows part
   * `part` modulo how many it has, so going on past the last part starts again at the first. Back to 0
   * with every new decision and every reveal.
   */
  z.strictObject({ type: z.literal('scenePart'), id, part: z.number().int().min(0).max(MAX_SCENE_PART) }),
  /**
   * A stage (the projector) says how many parts what it shows takes on its screen, for the decision
   * and phase it shows; a report about another is stale and ignored. The console is told the most any
   * connected stage needs (`stageParts`), so it offers to turn the stage only when there is something to turn.
   */
  z.strictObject({
    type: z.literal('stageParts'),
    id,
    decision: z.number().int().nonnegative(),
    phase: z.enum(['voting', 'revealed', 'debrief']),
    parts: z
      .number()
      .int()
      .min(1)
      .max(MAX_SCENE_PART + 1),
  }),
  /** Ends the session on purpose: every view goes to `closed`, the room locks, nothing more can happen in it. */
  z.strictObject({ type: z.literal('end'), id }),
  z.strictObject({ type: z.literal('moderate'), id, post: token, show: z.boolean() }),
  /** Takes a participant out by the seat number their phone shows: the seat frees up and its vote leaves the tally. */
  z.strictObject({ type: z.literal('remove'), id, seat: z.number().int().positive().max(1_000_000_000) }),
]);

export type ClientMessage = z.infer<typeof clientMessage>;
export type ClientMessageType = ClientMessage['type'];
/** A message as a view writes it; the connection numbers it (`id`) to match the reply. */
export type ClientRequest = ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

/** What a facilitator may set when starting a session. */
export const sessionRequest = z.strictObject({
  scenario: z.string().min(1).max(200),
  cap: z.number().int().min(1).max(MAX_PARTICIPANT_CAP).optional(),
  minReveal: z.number().int().min(MIN_REVEAL_FLOOR).max(MAX_PARTICIPANT_CAP).optional(),
  timers: z.boolean().optional(),
});
export type SessionRequest = z.infer<typeof sessionRequest>;

/** The facilitator's keys to a new session: the secret is shown nowhere and stored only hashed. */
export interface SessionCreated {
  readonly sessionId: string;
  readonly code: string;
  readonly secret: string;
}

/** Why a message was refused: a closed list, so views can explain each one. */
export const ERROR_CODES = [
  'malformed',
  'too-large',
  'rate-limited',
  'unknown-code',
  'unknown-session',
  'unknown-scenario',
  'room-locked',
  'room-full',
  'not-joined',
  'not-facilitator',
  'not-voting',
  'stale-decision',
  'unknown-choice',
  'no-majority',
  'wrong-phase',
  'unknown-post',
  /** The connection already holds another role or seat: one connection, one role. */
  'already-joined',
  'unknown-seat',
  /** Sent, unasked, to a phone the facilitator removed. */
  'removed',
  /** Sent, unasked, to the facilitator: the store failed on something the room did by itself (a countdown's end). */
  'store-failed',
  'server-error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Role = 'participant' | 'facilitator' | 'presenter';

/** A vote count: shown only once enough people voted that no one can be singled out. */
export type Tally =
  | { readonly shown: true; readonly counts: Readonly<Record<string, number>>; readonly total: number }
  | { readonly shown: false; readonly total: number; readonly needed: number };

/** How a decision was taken (see `DecisionRecord`). */
export const CHOSEN_BY = ['majority', 'facilitator', 'time-ran-out'] as const;
export type ChosenBy = (typeof CHOSEN_BY)[number];

/** One decision the group has made. */
export interface DecisionRecord {
  /** The scene's state keys. */
  readonly scene: readonly string[];
  /** The event of the choice the story went on with. */
  readonly choice: string;
  /**
   * Who took it: the majority of votes, the facilitator (exploring a branch the majority did not pick),
   * or nobody: the scene's timed choice, taken because the time ran out (its count is the people who
   * did not vote in time). The results' `taken_by` says the same.
   */
  readonly chosenBy: ChosenBy;
  readonly tally: Tally;
}

/** A #IWill post. */
export interface WallPost {
  readonly id: string;
  readonly text: string;
}

/** A choice on the screen. With timers on, a timed choice is what happens when time runs out, not a vote. */
export interface ChoiceOnScreen {
  /** The event that takes it. */
  readonly event: string;
  readonly timed: boolean;
}

/** The room as one role sees it: a full snapshot, sent on connect and after every change of scene or phase. */
export interface RoomView {
  readonly sessionId: string;
  readonly code: string;
  readonly scenarioId: string;
  readonly phase: Phase;
  readonly locked: boolean;
  /** Seats taken (participants joined and not removed), connected or not. */
  readonly joined: number;
  /** Of those, how many have a connection open now: only they count as not having voted in time. */
  readonly connected: number;
  readonly voted: number;
  readonly minReveal: number;
  /** Index of the decision on the screen (0-based). */
  readonly decision: number;
  /** State keys of the scene on the screen (the ending, in the debrief). */
  readonly scene: readonly string[];
  /** The choices on offer, in reading order. */
  readonly choices: readonly ChoiceOnScreen[];
  /**
   * For a timed scene while voting: milliseconds left when this view was sent until time runs out,
   * reading time included. The countdown is `readingMs` of reading time, then `timerMs` to decide.
   */
  readonly remainingMs?: number;
  /** For a timed scene while voting: the full reading time before the clock starts, in milliseconds. */
  readonly readingMs?: number;
  /** For a timed scene while voting: the full time to decide once reading time is over, in milliseconds. */
  readonly timerMs?: number;
  /** After the reveal. */
  readonly tally?: Tally;
  /**
   * After the reveal: how many guessed each choice would be the room's pick, withheld like the votes
   * until enough people guessed.
   */
  readonly guesses?: Tally;
  /** While voting, revealed or in the debrief: the part the facilitator turned the stage to (see the `scenePart` message). */
  readonly scenePart?: number;
  /**
   * The facilitator's console only, while voting, revealed or in the debrief: the most parts any stage
   * connected now shows what it shows in (1: nothing to turn); absent while no stage has said.
   */
  readonly stageParts?: number;
  /** The facilitator's console only: how many phones signal that they need a moment now; never who. */
  readonly moments?: number;
  readonly path: readonly DecisionRecord[];
  /** #IWill posts the facilitator has shown. */
  readonly wall: readonly WallPost[];
  /** The facilitator's console only: posts waiting to be shown or hidden. */
  readonly pending?: readonly WallPost[];
}

/**
 * What one seat has done, sent only to that seat's phone with every room view (and so on a reload):
 * its vote and its guess on the decision on the screen, and whether it signals "I need a moment".
 */
export interface SeatView {
  readonly myVote: string | null;
  readonly myGuess: string | null;
  readonly myMoment: boolean;
}

export type ServerMessage =
  | {
      readonly type: 'welcome';
      readonly role: Role;
      readonly sessionId: string;
      readonly participantId?: string;
      /** The participant's seat number, shown on the phone: how the facilitator can name a seat to remove. */
      readonly seat?: number;
      /** Given once, when the seat is taken; the server keeps only its hash. */
      readonly resumeSecret?: string;
      readonly replyTo?: number;
    }
  | ({ readonly type: 'room'; readonly room: RoomView } & Partial<SeatView>)
  /** To a seat's other open connections (a phone in two tabs) when one changed its vote, guess or moment. */
  | ({ readonly type: 'seat' } & SeatView)
  | { readonly type: 'count'; readonly joined: number; readonly connected: number; readonly voted: number }
  | { readonly type: 'voted'; readonly decision: number; readonly choice: string; readonly replyTo?: number }
  | { readonly type: 'posted'; readonly replyTo?: number }
  | { readonly type: 'ok'; readonly replyTo?: number }
  /** Sent when the line has been quiet for `everyMs`: a client that hears nothing for two of them knows it is cut off. */
  | { readonly type: 'heartbeat'; readonly everyMs: number }
  | { readonly type: 'error'; readonly code: ErrorCode; readonly message: string; readonly replyTo?: number };
