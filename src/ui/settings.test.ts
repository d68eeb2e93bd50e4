import { describe, expect, it } from 'vitest';
import type { OfferedChoice } from '../engine/choices.ts';
import { timedChoice } from './settings.ts';

const choice = (event: string, delay?: number): OfferedChoice => ({
  event,
  delay,
  source: [],
  meta: { label: event, feedback: 'Why.' },
});

describe('timedChoice', () => {
  const choices = [choice('SPEAK_UP'), choice('xstate.after.20000.x.lunch', 20000)];

  it('finds the timed choice and how long it waits under each timer mode', () => {
    expect(timedChoice(choices, 'on')).toEqual({ choice: choices[1], ms: 20000, readingMs: 0 });
    expect(timedChoice(choices, 'slower')).toEqual({ choice: choices[1], ms: 40000, readingMs: 0 });
    expect(timedChoice(choices, 'off')).toEqual({ choice: choices[1], ms: undefined, readingMs: 0 });
  });

  it('puts the reading time first, doubled with the time to decide when timers are slower, and none when off', () => {
    expect(timedChoice(choices, 'on', 30_000)).toEqual({ choice: choices[1], ms: 20000, readingMs: 30_000 });
    expect(timedChoice(choices, 'slower', 30_000)).toEqual({ choice: choices[1], ms: 40000, readingMs: 60_000 });
    expect(timedChoice(choices, 'off', 30_000)).toEqual({ choice: choices[1], ms: undefined, readingMs: 0 });
  });

  it('finds nothing in a scene without one', () => {
    expect(timedChoice([choice('SPEAK_UP')], 'on')).toBeUndefined();
  });
});
