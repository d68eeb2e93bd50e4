import { describe, expect, it } from 'vitest';
import { editable, fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { BOOSTER_RULES, checkHouseRules, checkHouseWarnings, checkLibraryRules, HOUSE_RULES } from './house-rules.ts';

type BoosterRule = keyof typeof BOOSTER_RULES;

import { loadScenarioValue } from './load-scenario.ts';
import type { LoadedScenario } from './load-scenario.types.ts';

function loaded(scenario: unknown): LoadedScenario {
  const result = loadScenarioValue(scenario);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result;
}

const ask = { discussion: ['What would you do?'] };
const scene = (on: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  fakeScene({ meta: { narrative: ['x'], stage: 'act', ...ask }, on: on as never, ...extra });

/**
 * A small scenario that keeps every house rule: 4 decisions, three endings, a timer, a guard, harm, a
 * check-in, and a barrier on the choice that does harm and on the one taken when time runs out.
 */
function library() {
  return editable(
    fakeScenario({
      states: {
        start: scene(
          {
            SPEAK: fakeChoice({
              target: 'two',
              meta: { tactics: { speakUp: 2 } },
              actions: [{ type: 'add', params: { var: 'trust', by: 1 } }],
            }),
          },
          { after: { '20000': fakeChoice({ target: 'two', meta: { timeout: true, barrier: 'notSure' } }) } },
        ),
        two: scene({ STEP: fakeChoice({ target: 'three', meta: { tactics: { stepForward: 1 } } }) }),
        three: scene({
          JOIN: fakeChoice({ target: 'poor', meta: { harm: 2, barrier: 'fearOfJudgement' } }),
          ON: [
            fakeChoice({ target: 'four', guard: { type: 'atLeast', params: { var: 'trust', value: 1 } } }),
            fakeChoice({ target: 'mixed' }),
          ],
        }),
        four: scene({ CHECK_IN: fakeChoice({ target: 'good', meta: { tactics: { delay: 2 } } }) }),
        good: fakeEnding('good'),
        mixed: fakeEnding('mixed'),
        poor: fakeEnding('poor'),
      },
    }),
  );
}

describe('the house rules', () => {
  it('pass a scenario that keeps them', () => {
    expect(checkHouseRules(loaded(library()))).toEqual([]);
  });

  it('name every rule a bare scenario breaks, in order', () => {
    // Its one choice does no harm and is the best it can do, so it needs no barrier (tested below).
    const rules = checkHouseRules(loaded(fakeScenario())).map((issue) => issue.rule);
    expect(rules).toEqual(Object.keys(HOUSE_RULES).filter((rule) => rule !== 'barriers'));
  });

  it('point at a discussion prompt that is not a question', () => {
    const s = library();
    s.states.two.meta.discussion = ['Why did it work?', 'Talk about it.'];
    expect(checkHouseRules(loaded(s))).toEqual([
      {
        rule: 'discussion',
        path: '/states/two/meta/discussion/1',
        message: 'A discussion prompt asks the room a question: end it with "?".',
      },
    ]);
  });
});

describe('the barriers rule', () => {
  const ids = 'notSure, notMyPlace, othersWillAct, dontKnowHow, makeItWorse, fearOfCost, fearOfJudgement';
  const fix = `Add "barrier" to its meta: the reason a real bystander would respond this way, one of ${ids} (src/engine/barriers.json).`;
  const barrierIssues = (s: unknown) => checkHouseRules(loaded(s)).filter((issue) => issue.rule === 'barriers');

  it('names a choice that does harm and one taken when time runs out, untagged, at their meta, with the fix and the list', () => {
    const s = library();
    delete s.states.three.on.JOIN.meta.barrier;
    delete s.states.start.after['20000'].meta.barrier;
    expect(barrierIssues(s)).toEqual([
      {
        rule: 'barriers',
        path: '/states/start/after/20000/meta',
        message: `This choice is what happens when time runs out, so it names the barrier behind it. ${fix}`,
      },
      {
        rule: 'barriers',
        path: '/states/three/on/JOIN/meta',
        message: `This choice does harm (2), so it names the barrier behind it. ${fix}`,
      },
    ]);
  });

  it('names an untagged choice that lets the moment pass: no points, no harm, and the best score out of reach', () => {
    const s = library();
    s.states.two.on.LOOK_AWAY = fakeChoice({ target: 'three' }); // STEP earns 1 on the way to the same scene
    expect(barrierIssues(s)).toEqual([
      {
        rule: 'barriers',
        path: '/states/two/on/LOOK_AWAY/meta',
        message: `This choice lets the moment pass: it earns no tactic point and does no harm, yet a learner who takes it can no longer reach the best score the scene allowed, so it names the barrier behind it. ${fix}`,
      },
    ]);
    s.states.two.on.LOOK_AWAY.meta.barrier = 'othersWillAct';
    expect(checkHouseRules(loaded(s))).toEqual([]);
  });

  it('asks nothing of a choice worth no points that keeps the best score in reach, and allows a barrier on one that scores', () => {
    const s = library();
    // Deciding it is yours earns nothing by itself, but it is the way to the best score: no barrier needed.
    s.states.two.on.STEP.target = 'decided';
    s.states.decided = scene({ ACT: fakeChoice({ target: 'three', meta: { tactics: { stepForward: 1 } } }) });
    s.states.two.on.STEP.meta.tactics = {};
    s.states.start.on.SPEAK.meta.barrier = 'fearOfCost';
    expect(checkHouseRules(loaded(s))).toEqual([]);
  });

  it('applies to guarded alternatives one by one, in every situation the graph reaches', () => {
    const s = library();
    // After SPEAK (trust 1) the first alternative applies and earns nothing while ALSO earns 1: it lets the
    // moment pass. After the timeout (trust 0) the second applies, and it scores.
    s.states.two.on.STEP = [
      fakeChoice({ target: 'three', guard: { type: 'atLeast', params: { var: 'trust', value: 1 } } }),
      fakeChoice({ target: 'three', meta: { tactics: { stepForward: 1 } } }),
    ];
    s.states.two.on.ALSO = fakeChoice({ target: 'three', meta: { tactics: { bringOthers: 1 } } });
    expect(barrierIssues(s).map((issue) => issue.path)).toEqual(['/states/two/on/STEP/0/meta']);
  });
});

describe('the house warnings', () => {
  it('name a choice that does harm and still scores a tactic, at its tactics', () => {
    const s = library();
    s.states.three.on.JOIN.meta.tactics = { speakUp: 1 };
    expect(checkHouseWarnings(loaded(s))).toEqual([
      {
        rule: 'harmScoresTactic',
        path: '/states/three/on/JOIN/meta/tactics',
        message:
          'This choice does harm (2) and still earns tactic points (speakUp 1): a threat or an escalation must not score. Set its tactics to none, unless it is deliberate (speaking up, say, but over the head of the person targeted): then leave it, and let its feedback say what it costs the person targeted.',
      },
    ]);
  });

  it('stay quiet for harm without points, points without harm, and a tactic listed at 0', () => {
    const s = library();
    s.states.three.on.JOIN.meta.tactics = { speakUp: 0 };
    expect(checkHouseWarnings(loaded(s))).toEqual([]);
  });
});

describe('the library rules', () => {
  it('say what a library of one lacks', () => {
    expect(checkLibraryRules([fakeScenario()]).map((issue) => issue.message)).toEqual([
      '1 workplace scenarios; the library has at least 4.',
      '0 transit scenarios; the library has at least 3.',
      '0 social scenarios; the library has at least 2.',
      '0 campus scenarios; the library has at least 2.',
      '0 online scenarios; the library has at least 1.',
      '1 scenarios not in both English and Spanish (fake); every scenario is in both.',
      '0 scenarios have a decision scene at the "responsibility" stage; the library has at least 8.',
      '1 scenarios; the library holds at least 12.',
      'No scenario practises stepForward, speakUp, bringOthers.',
    ]);
  });
});

/** A booster that keeps every booster rule: two decisions, in English and Spanish, two ending kinds. */
function booster() {
  const both = (en: string, es: string) => ({ en, es });
  const prompt = { discussion: [both('What made it yours to act on?', '¿Qué hizo que te tocara actuar?')] };
  const decision = (stage: string, on: Record<string, unknown>) =>
    fakeScene({ meta: { narrative: [both('x', 'x')], stage: stage as never, ...prompt }, on: on as never });
  const choice = (target: string, extra: Record<string, unknown> = {}) =>
    fakeChoice({ target, meta: { label: both('Go.', 'Sigue.'), feedback: both('Why.', 'Por qué.'), ...extra } });
  const ending = (kind: 'good' | 'poor') => ({
    type: 'final',
    meta: { ending: { title: both('End.', 'Fin.'), debrief: both('Next.', 'Luego.'), kind } },
  });
  return editable(
    fakeScenario({
      meta: {
        kind: 'booster',
        title: both('A booster', 'Un refuerzo'),
        summary: both('For tests.', 'Para pruebas.'),
        contentNote: both('Nothing.', 'Nada.'),
        languages: ['en', 'es'],
      } as never,
      states: {
        start: decision('responsibility', {
          MINE: choice('act'),
          NOT_MINE: choice('poor', { harm: 1, barrier: 'notMyPlace' }),
        }),
        act: decision('act', {
          SPEAK: choice('good', { tactics: { speakUp: 2 } }),
          WAIT: choice('poor', { barrier: 'othersWillAct' }),
        }),
        good: ending('good'),
        poor: ending('poor'),
      } as never,
    }),
  );
}

describe('the booster rules', () => {
  it('pass a booster that keeps them, and the full house rules do not apply to it', () => {
    expect(checkHouseRules(loaded(booster()))).toEqual([]);
  });

  /** Each rule: a booster broken on that rule alone, and its fixed twin. */
  const cases: [BoosterRule, (s: Record<string, any>) => void, (s: Record<string, any>) => void][] = [
    [
      'boosterDecisions',
      (s) => {
        s.states.third = structuredClone(s.states.act);
        s.states.act.on.SPEAK.target = 'third';
      },
      (s) => {
        s.states.act.on.SPEAK.target = 'good';
        delete s.states.third;
      },
    ],
    [
      'boosterMinutes',
      (s) => {
        s.meta.minutes = 4;
      },
      (s) => {
        s.meta.minutes = 3;
      },
    ],
    [
      'boosterEndings',
      (s) => {
        s.states.start.on.NOT_MINE.target = 'good';
        s.states.act.on.WAIT.target = 'good';
        delete s.states.poor;
      },
      (s) => {
        s.states.poor = { type: 'final', meta: { ending: { ...s.states.good.meta.ending, kind: 'mixed' } } };
        s.states.act.on.WAIT.target = 'poor';
      },
    ],
    [
      'boosterStages',
      (s) => {
        s.states.act.meta.stage = 'notice';
      },
      (s) => {
        s.states.act.meta.stage = 'act';
      },
    ],
    [
      'boosterLanguages',
      (s) => Object.assign(s, JSON.parse(JSON.stringify(s).replaceAll('"es"', '"fr"'))),
      (s) => Object.assign(s, JSON.parse(JSON.stringify(s).replaceAll('"fr"', '"es"'))),
    ],
    [
      'discussion',
      (s) => {
        delete s.states.act.meta.discussion;
      },
      (s) => {
        s.states.act.meta.discussion = [{ en: 'Why now?', es: '¿Por qué ahora?' }];
      },
    ],
    [
      'barriers',
      (s) => {
        delete s.states.act.on.WAIT.meta.barrier;
      },
      (s) => {
        s.states.act.on.WAIT.meta.barrier = 'dontKnowHow';
      },
    ],
  ];

  it.each(cases)('name a booster that breaks %s, and pass its fixed twin', (rule, breakIt, fixIt) => {
    const s = booster();
    breakIt(s);
    expect(checkHouseRules(loaded(s)).map((issue) => issue.rule)).toEqual([rule]);
    fixIt(s);
    expect(checkHouseRules(loaded(s))).toEqual([]);
  });

  it('cover every booster rule', () => {
    expect(cases.map(([rule]) => rule)).toEqual(Object.keys(BOOSTER_RULES));
  });

  it('leave boosters out of the library rules', () => {
    const library = checkLibraryRules([fakeScenario()]);
    expect(checkLibraryRules([fakeScenario(), loaded(booster()).scenario])).toEqual(library);
  });
});
