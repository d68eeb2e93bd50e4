import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { BARRIERS, barrierNeed, findBarrier } from './barriers.ts';
import { loadScenarioValue } from './load-scenario.ts';
import type { Stage } from './scenario.types.ts';
import { scenarioSchema } from './schema-check.ts';

const STAGES: readonly Stage[] = ['notice', 'interpret', 'responsibility', 'choose', 'act'];
const LANGUAGES = ['en', 'es'];

describe('the barriers list', () => {
  it('names each barrier and says what it feels like, in one sentence, in English and Spanish', () => {
    const gaps: string[] = [];
    for (const barrier of BARRIERS) {
      for (const field of ['name', 'description'] as const) {
        const text = barrier[field];
        for (const language of LANGUAGES) {
          const value = typeof text === 'string' ? undefined : text[language]?.trim();
          if (!value) gaps.push(`${barrier.id}.${field}.${language}: missing`);
          else if (field === 'description' && !/^[^.!?]+[.!?]$/.test(value.replace(/[.!?](?=\S)/g, ''))) {
            gaps.push(`${barrier.id}.${field}.${language}: not one sentence`);
          }
        }
        if (typeof text !== 'string') {
          for (const extra of Object.keys(text).filter((l) => !LANGUAGES.includes(l))) {
            gaps.push(`${barrier.id}.${field}.${extra}: a language the interface does not have`);
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('gives each barrier a unique id a scenario can write, and the bystander step it stops', () => {
    const pattern = new RegExp(scenarioSchema.definitions.barrierId.pattern);
    expect(BARRIERS.filter((b) => !pattern.test(b.id)).map((b) => b.id)).toEqual([]);
    expect(new Set(BARRIERS.map((b) => b.id)).size).toBe(BARRIERS.length);
    expect(BARRIERS.filter((b) => !STAGES.includes(b.step)).map((b) => b.id)).toEqual([]);
    for (const barrier of BARRIERS) expect(findBarrier(barrier.id)).toBe(barrier);
    expect(findBarrier('shyness')).toBeUndefined();
  });

  it('covers the barriers the bystander research names, each at its step', () => {
    const steps = Object.fromEntries(BARRIERS.map((b) => [b.id, b.step]));
    expect(steps).toMatchObject({
      notSure: 'interpret', // ambiguity, pluralistic ignorance
      notMyPlace: 'responsibility', // failure to take responsibility
      othersWillAct: 'responsibility', // diffusion of responsibility
      dontKnowHow: 'choose', // skills deficit
      makeItWorse: 'choose', // anticipated harm to the person helped
      fearOfCost: 'act', // costs of helping
      fearOfJudgement: 'act', // audience inhibition
    });
  });
});

describe('which choices must name a barrier', () => {
  /** start → (SPEAK: +2 | WAIT: 0 | JOIN: harm 1 | after 5 s: timeout) → one of two endings. */
  const scenario = fakeScenario({
    states: {
      start: fakeScene({
        on: {
          SPEAK: fakeChoice({ target: 'good', meta: { tactics: { speakUp: 2 } } }),
          WAIT: fakeChoice({ target: 'poor' }),
          JOIN: fakeChoice({ target: 'poor', meta: { harm: 1 } }),
        },
        after: { '5000': fakeChoice({ target: 'poor', meta: { timeout: true } }) },
      }),
      good: fakeEnding('good'),
      poor: fakeEnding('poor'),
    },
  });
  const result = loadScenarioValue(scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const { on, after } = result.scenario.states.start as { on: Record<string, any>; after: Record<string, any> };
  const passing = new Set(result.analysis.passingChoices);

  it('finds, on the graph, the choices that earn nothing and put the best score out of reach', () => {
    expect(new Set(result.analysis.passingChoices)).toEqual(new Set([on.WAIT.meta, after['5000'].meta]));
  });

  it('asks a reason of harm, of a timeout and of letting the moment pass, and none of a choice that scores', () => {
    expect(barrierNeed(on.JOIN.meta, passing)).toBe('does harm (1)');
    expect(barrierNeed(after['5000'].meta, passing)).toBe('is what happens when time runs out');
    expect(barrierNeed(on.WAIT.meta, passing)).toMatch(/^lets the moment pass: it earns no tactic point/);
    expect(barrierNeed(on.SPEAK.meta, passing)).toBeUndefined();
  });
});
