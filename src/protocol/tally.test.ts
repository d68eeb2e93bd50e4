import { describe, expect, it } from 'vitest';
import { normaliseJoinCode } from './limits.ts';
import { clientMessage } from './messages.ts';
import { countVotes, majorityOf } from './tally.ts';

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
