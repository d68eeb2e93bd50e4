import type { ClientMessageType } from './messages.ts';

/**
 * A session's phases, in the order a decision goes through them: waiting for the facilitator, voting
 * on the scene, the spread revealed and discussed, and the debrief once the story has ended; `closed`
 * once the facilitator has ended the session on purpose (from any other phase), for good.
 */
export const PHASES = ['lobby', 'voting', 'revealed', 'debrief', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export function isPhase(value: unknown): value is Phase {
  return PHASES.includes(value as Phase);
}

/** Messages that may be sent in any phase: greetings, the facilitator's room controls, and "I need a moment". */
const ALWAYS = [
  'join',
  'resume',
  'watch',
  'host',
  'lock',
  'remove',
  'moment',
] as const satisfies readonly ClientMessageType[];

/**
 * The one phase table: what each phase allows besides `ALWAYS`. The server refuses anything else, and
 * the console and phones offer only these controls, so neither side keeps its own copy.
 */
export const PHASE_ALLOWS: Readonly<Record<Phase, readonly ClientMessageType[]>> = {
  lobby: ['start', 'end'],
  voting: ['vote', 'guess', 'scenePart', 'stageParts', 'reveal', 'end'],
  revealed: ['advance', 'scenePart', 'stageParts', 'end'],
  debrief: ['post', 'moderate', 'scenePart', 'stageParts', 'end'],
  closed: [],
};

/** Whether `phase` allows the message `type`. */
export function phaseAllows(phase: Phase, type: ClientMessageType): boolean {
  return (ALWAYS as readonly ClientMessageType[]).includes(type) || PHASE_ALLOWS[phase].includes(type);
}
