import { describe, expect, it } from 'vitest';
import { normaliseJoinCode } from './limits.ts';
import { clientMessage } from './messages.ts';
import { chosenByOf, countVotes, majorityOf } from './tally.ts';

const choices = [
  { event: 'A', timed: false },
  { event: 'B', timed: false },
];

describe('countVotes', () => {
  it('counts the votes per choice once enough people voted', () => {
    expect(countVotes(choices, ['A', 'B', 'A', 'A', 'B'], 4, 5)).toEqual({
      shown: true,
      total: 5,
      counts: { A: 3, B: 2 },
    });
  });

  it('withholds the spread below the minimum, so nobody can be singled out', () => {
    expect(countVotes(choices, ['A', 'B'], 7, 3)).toEqual({ shown: false, total: 2, needed: 3 });
  });

  it('counts the connected who did not vote in time for a timed choice, and ignores votes for choices not on offer', () => {
    const timed = [...choices, { event: 'TIMEOUT', timed: true }];
    expect(countVotes(timed, ['A', 'A', 'A', 'ZZZ'], 3, 3)).toEqual({
      shown: true,
      total: 6,
      counts: { A: 3, B: 0, TIMEOUT: 3 },
    });
  });

  it('shows a small team its spread when those whose time ran out make up the minimum, and never fewer people', () => {
    const timed = [...choices, { event: 'TIMEOUT', timed: true }];
    expect(countVotes(timed, ['A', 'A', 'B', 'B'], 1, 5)).toEqual({
      shown: true,
      total: 5,
      counts: { A: 2, B: 2, TIMEOUT: 1 },
    });
    expect(countVotes(timed, ['A', 'A', 'B'], 1, 5)).toEqual({ shown: false, total: 4, needed: 5 });
    // Without a timed choice nobody's time runs out: the silent are not counted.
    expect(countVotes(choices, ['A', 'A', 'B', 'B'], 1, 5)).toEqual({ shown: false, total: 4, needed: 5 });
  });
});

describe('majorityOf', () => {
  it('is the choice with the most votes, and none on a tie, with no votes, or when the spread is withheld', () => {
    expect(majorityOf({ shown: true, total: 5, counts: { A: 3, B: 2 } })).toBe('A');
    expect(majorityOf({ shown: true, total: 4, counts: { A: 2, B: 2 } })).toBeUndefined();
    expect(majorityOf({ shown: true, total: 0, counts: { A: 0, B: 0 } })).toBeUndefined();
    expect(majorityOf({ shown: false, total: 2, needed: 5 })).toBeUndefined();
  });
});

describe('the shared message schema', () => {
  it('accepts what the views send and refuses unknown types, unknown fields and bad values', () => {
    expect(clientMessage.safeParse({ type: 'vote', id: 1, decision: 0, choice: 'A' }).success).toBe(true);
    expect(clientMessage.safeParse({ type: 'vote', decision: 0, choice: 'A', participantId: 'x' }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'vote', decision: 0.5, choice: 'A' }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'shutdown' }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'post', text: '   ' }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'join', code: 'abc' }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'guess', decision: 0, choice: 'A' }).success).toBe(true);
    expect(clientMessage.safeParse({ type: 'guess', decision: 0, choice: '' }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'moment', on: true }).success).toBe(true);
    // A signal carries nothing about who sends it, and nothing but on or off.
    expect(clientMessage.safeParse({ type: 'moment', on: true, seat: 3 }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'moment', on: 'yes' }).success).toBe(false);
  });

  it('reads a typed code however it was typed', () => {
    expect(normaliseJoinCode(' abc-def ')).toBe('ABCDEF');
  });
});

describe('how a decision was taken', () => {
  const onScreen = [
    { event: 'STEP_IN', timed: false },
    { event: 'LOOK_AWAY', timed: false },
    { event: 'TIME_UP', timed: true },
  ];
  const tally = (counts: Record<string, number>) =>
    ({ shown: true, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }) as const;

  it('names the clock when the story goes on with the timed choice, never the majority', () => {
    expect(chosenByOf(tally({ STEP_IN: 0, LOOK_AWAY: 0, TIME_UP: 7 }), 'TIME_UP', undefined, onScreen)).toBe(
      'time-ran-out',
    );
    // The facilitator naming the timed choice the room's silence picked anyway: still the clock.
    expect(chosenByOf(tally({ STEP_IN: 1, LOOK_AWAY: 0, TIME_UP: 4 }), 'TIME_UP', 'TIME_UP', onScreen)).toBe(
      'time-ran-out',
    );
  });

  it('names the facilitator for a branch the majority did not pick, and the majority otherwise', () => {
    const counts = tally({ STEP_IN: 4, LOOK_AWAY: 1, TIME_UP: 2 });
    expect(chosenByOf(counts, 'TIME_UP', 'TIME_UP', onScreen)).toBe('facilitator');
    expect(chosenByOf(counts, 'LOOK_AWAY', 'LOOK_AWAY', onScreen)).toBe('facilitator');
    expect(chosenByOf(counts, 'STEP_IN', undefined, onScreen)).toBe('majority');
    expect(chosenByOf(counts, 'STEP_IN', 'STEP_IN', onScreen)).toBe('majority');
    // Timers off: no choice is timed, so a majority for it is a majority.
    const untimed = onScreen.map((c) => ({ ...c, timed: false }));
    expect(chosenByOf(tally({ STEP_IN: 0, LOOK_AWAY: 0, TIME_UP: 3 }), 'TIME_UP', undefined, untimed)).toBe('majority');
  });
});
