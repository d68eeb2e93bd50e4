import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { buildMachine } from './build-machine.ts';
import { picksToEvents, runToPicks } from './choice-names.ts';
import type { Scenario } from './scenario.types.ts';

/** Two choices and a timed one in the first scene, then a second decision. */
function scenario(order: 'AB' | 'BA', delay = 20000, rename = false): Scenario {
  const a = { HELP: fakeChoice({ target: 'next', meta: { tactics: { stepForward: 2 } } }) };
  const b = { [rename ? 'JOIN_IN_NOW' : 'JOIN_IN']: fakeChoice({ target: 'bad', meta: { harm: 2 } }) };
  return fakeScenario({
    states: {
      start: fakeScene({
        on: order === 'AB' ? { ...a, ...b } : { ...b, ...a },
        after: { [delay]: fakeChoice({ target: 'next', meta: { label: 'You wait.' } }) },
      }),
      next: fakeScene({ on: { GO: fakeChoice({ target: 'good' }) } }),
      good: fakeEnding('good'),
      bad: fakeEnding('poor'),
    },
  });
}

const events = (s: Scenario, names: string[]) => picksToEvents(buildMachine(s), names);

describe('choices kept by stable name', () => {
  it('keeps a choice by its event, and replays it where the choices were reordered', () => {
    const v1 = buildMachine(scenario('AB'));
    const picks = runToPicks(v1, ['HELP', 'GO']);
    expect(picks).toEqual(['HELP', 'GO']);
    expect(events(scenario('BA'), picks as string[])).toEqual(['HELP', 'GO']);
  });

  it('keeps a timed choice as "wait", whatever its delay, and replays it after the delay changed', () => {
    const v1 = buildMachine(scenario('AB', 20000));
    const timed = 'xstate.after.20000.fake.start';
    const picks = runToPicks(v1, [timed, 'GO']);
    expect(picks).toEqual(['wait', 'GO']);
    expect(events(scenario('AB', 15000), picks as string[])).toEqual(['xstate.after.15000.fake.start', 'GO']);
  });

  it('refuses, never guesses, a name no longer on offer', () => {
    const picks = runToPicks(buildMachine(scenario('AB')), ['JOIN_IN']) as string[];
    expect(events(scenario('AB', 20000, true), picks)).toBeUndefined();
    expect(events(scenario('AB'), ['HELP', 'HELP'])).toBeUndefined();
    expect(runToPicks(buildMachine(scenario('AB')), ['NOT_A_CHOICE'])).toBeUndefined();
  });
});
