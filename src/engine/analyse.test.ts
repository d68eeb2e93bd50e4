import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { loadScenarioValue } from './load-scenario.ts';

function analysed(scenario: unknown) {
  const result = loadScenarioValue(scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.analysis;
}

/** start → (A: +2 | B: harm 1) → middle → (C: +1 | D: 0) → one of two endings. */
const diamond = fakeScenario({
  states: {
    start: fakeScene({
      on: {
        A: fakeChoice({ target: 'middle', meta: { tactics: { stepForward: 2 } } }),
        B: fakeChoice({ target: 'middle', meta: { harm: 1 } }),
      },
    }),
    middle: fakeScene({
      meta: { narrative: 'Then.', stage: 'choose' },
      on: { C: fakeChoice({ target: 'good', meta: { tactics: { speakUp: 1 } } }), D: fakeChoice({ target: 'poor' }) },
    }),
    good: fakeEnding('good'),
    poor: fakeEnding('poor'),
  },
});

describe('analyse', () => {
  it('finds the best and worst paths, their scores, and counts the distinct paths', () => {
    const analysis = analysed(diamond);
    expect(analysis.distinctPaths).toBe(4);
    expect(analysis.longestPath).toBe(2);
    expect(analysis.endings.toSorted()).toEqual(['good', 'poor']);
    expect(analysis.best?.steps.map((s) => s.event)).toEqual(['A', 'C']);
    expect(analysis.best?.score).toMatchObject({ total: 3, tactics: { stepForward: 2, speakUp: 1 } });
    expect(analysis.best?.ending).toEqual(['good']);
    expect(analysis.worst?.steps.map((s) => s.event)).toEqual(['B', 'D']);
    expect(analysis.worst?.score.total).toBe(-1);
  });

  it('considers variables: an ending behind a guard counts only if some path satisfies it', () => {
    const s = structuredClone(diamond) as any;
    s.states.start.on.A.actions = [{ type: 'set', params: { var: 'trust', value: 2 } }];
    s.states.middle.on.C = [
      fakeChoice({
        target: 'good',
        guard: { type: 'atLeast', params: { var: 'trust', value: 2 } },
        meta: { tactics: { speakUp: 3 } },
      }),
      fakeChoice({ target: 'poor', meta: { tactics: {} } }),
    ];
    const analysis = analysed(s);
    expect(analysis.situations).toBe(6); // start, middle×2 (trust 0 or 2), good, poor×2
    expect(analysis.best?.score.total).toBe(5);
    expect(analysis.best?.steps.map((x) => x.event)).toEqual(['A', 'C']);
  });

  it('reports a story with a loop that has an exit as having unbounded paths, still with a best path', () => {
    const s = structuredClone(diamond) as any;
    s.states.middle.on.LOOK_AROUND = fakeChoice({ target: 'aside' });
    s.states.aside = fakeScene({ on: { BACK: fakeChoice({ target: 'middle' }) } });
    const analysis = analysed(s);
    expect(analysis.distinctPaths).toBe(Number.POSITIVE_INFINITY);
    expect(analysis.longestPath).toBe(Number.POSITIVE_INFINITY);
    expect(analysis.best?.score.total).toBe(3);
    expect(analysis.worst?.score.total).toBe(-1);
  });
});
