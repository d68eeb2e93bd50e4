import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import {
  DEBRIEF_MINUTES,
  DISCUSSION_MINUTES_PER_PROMPT,
  facilitatorGuide,
  INTRODUCTION_MINUTES,
  VOTE_MINUTES,
} from './facilitator-guide.ts';
import { loadScenarioValue } from './load-scenario.ts';
import type { Scenario } from './scenario.types.ts';
import { findTactic } from './tactics.ts';
import { localize } from './text.ts';

/** Two scenes and a router: the second scene's way out depends on trust. */
const scenario: Scenario = fakeScenario({
  meta: {
    ...fakeScenario().meta,
    languages: ['en', 'es'],
    title: { en: 'At the bar', es: 'En el bar' },
    summary: { en: 'Someone is cornered.', es: 'Alguien está acorralado.' },
    contentNote: { en: 'Unwanted touching.', es: 'Contacto no deseado.' },
    minutes: 4,
  },
  states: {
    start: fakeScene({
      meta: {
        narrative: [{ en: 'One two three four.', es: 'Uno dos tres cuatro.' }],
        prompt: { en: 'What do you do?', es: '¿Qué haces?' },
        stage: 'notice',
        discussion: [
          { en: 'What did you notice?', es: '¿Qué notaste?' },
          { en: 'What held you back?', es: '¿Qué te frenó?' },
        ],
        facilitatorNotes: { en: 'This may land hard.', es: 'Esto puede doler.' },
      },
      on: {
        ASK: fakeChoice({
          target: 'later',
          actions: { type: 'add', params: { var: 'trust', by: 1 } },
          meta: {
            label: { en: 'Ask if she is OK.', es: 'Pregunta si está bien.' },
            feedback: { en: 'Checking in helps.', es: 'Preguntar ayuda.' },
            tactics: { speakUp: 2, bringOthers: 1 },
          },
        }),
        WAIT: fakeChoice({
          target: undefined,
          guard: { type: 'atMost', params: { var: 'trust', value: 5 } },
          meta: { label: { en: 'Wait.', es: 'Espera.' }, feedback: { en: 'Nothing.', es: 'Nada.' } },
        }),
      },
      after: {
        '15000': fakeChoice({
          target: 'later',
          meta: {
            label: { en: 'You hesitate.', es: 'Dudas.' },
            feedback: { en: 'Time ran out.', es: 'Se acabó el tiempo.' },
            timeout: true,
            harm: 1,
          },
        }),
      },
    }),
    later: fakeScene({
      meta: {
        narrative: { en: 'Later.', es: 'Más tarde.' },
        stage: 'act',
        discussion: [{ en: 'Who else could help?', es: '¿Quién más podría ayudar?' }],
      },
      on: {
        GO: fakeChoice({
          target: 'decide',
          meta: { label: { en: 'Go.', es: 'Ve.' }, feedback: { en: 'Fine.', es: 'Bien.' } },
        }),
      },
    }),
    decide: {
      always: [{ target: 'good', guard: { type: 'atLeast', params: { var: 'trust', value: 1 } } }, { target: 'poor' }],
    },
    good: ending('good', { en: 'She is not alone', es: 'No está sola' }),
    poor: ending('poor', { en: 'Left alone', es: 'Se quedó sola' }),
  },
});

function ending(kind: 'good' | 'poor', title: { en: string; es: string }) {
  const base = fakeEnding(kind);
  return { ...base, meta: { ending: { title, debrief: [{ en: 'Debrief.', es: 'Balance.' }], kind } } };
}

/** A tactic's name from the tactics data file, which trainers edit. */
const tacticName = (id: string, language: string) => localize(findTactic(id)?.name ?? id, language, 'en');

const support = [
  {
    title: { en: 'If someone is in danger', es: 'Si alguien está en peligro' },
    items: [{ name: { en: 'Call 112', es: 'Llama al 112' }, detail: { en: 'Any time.', es: 'En cualquier momento.' } }],
  },
];

describe('the facilitator guide', () => {
  it('is assembled from a scenario the checker passes', () => {
    const loaded = loadScenarioValue(scenario);
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
  });

  it('numbers the scenes as a group meets them, each with its stage, text, prompts and notes', () => {
    const guide = facilitatorGuide(scenario, { language: 'en', support });
    expect(guide.scenes.map((s) => [s.number, s.key, s.stage])).toEqual([
      [1, 'start', 'notice'],
      [2, 'later', 'act'],
    ]);
    const [first, second] = guide.scenes;
    expect(first.narrative).toEqual(['One two three four.']);
    expect(first.prompt).toBe('What do you do?');
    expect(first.discussion).toEqual(['What did you notice?', 'What held you back?']);
    expect(first.notes).toEqual(['This may land hard.']);
    expect(second.prompt).toBeUndefined();
    expect(second.notes).toEqual([]);
  });

  it('gives each choice its tactics by name, harm, timing, condition and where it leads, through routers', () => {
    const guide = facilitatorGuide(scenario, { language: 'en', support });
    const [ask, wait, timed] = guide.scenes[0].choices;
    expect(ask).toMatchObject({ label: 'Ask if she is OK.', feedback: 'Checking in helps.', harm: 0 });
    expect(ask.tactics).toEqual([
      { id: 'speakUp', name: tacticName('speakUp', 'en'), points: 2 },
      { id: 'bringOthers', name: tacticName('bringOthers', 'en'), points: 1 },
    ]);
    expect(ask.leadsTo).toEqual([{ kind: 'scene', number: 2 }]);
    expect(wait).toMatchObject({
      condition: { type: 'atMost', params: { var: 'trust', value: 5 } },
      effects: [],
      leadsTo: [{ kind: 'stay' }],
      timedSeconds: undefined,
    });
    expect(ask.effects).toEqual([{ type: 'add', params: { var: 'trust', by: 1 } }]);
    expect(timed).toMatchObject({ timedSeconds: 15, harm: 1, condition: undefined });
    expect(guide.scenes[1].choices[0].leadsTo).toEqual([
      { kind: 'ending', number: 1, title: 'She is not alone' },
      { kind: 'ending', number: 2, title: 'Left alone' },
    ]);
    expect(guide.endings.map((e) => [e.number, e.title, e.kind, e.debrief])).toEqual([
      [1, 'She is not alone', 'good', ['Debrief.']],
      [2, 'Left alone', 'poor', ['Debrief.']],
    ]);
  });

  it('suggests minutes per scene and for a session along the longest path', () => {
    const guide = facilitatorGuide(scenario, { language: 'en', support });
    // Each scene is short to read aloud: under a minute, then voting and two minutes per prompt.
    expect(guide.scenes.map((s) => s.minutes)).toEqual([
      Math.ceil(0.1 + VOTE_MINUTES + 2 * DISCUSSION_MINUTES_PER_PROMPT),
      Math.ceil(0.1 + VOTE_MINUTES + DISCUSSION_MINUTES_PER_PROMPT),
    ]);
    const scenes = guide.scenes[0].minutes + guide.scenes[1].minutes;
    expect(guide.timing).toEqual({
      introduction: INTRODUCTION_MINUTES,
      scenes,
      debrief: DEBRIEF_MINUTES,
      total: INTRODUCTION_MINUTES + scenes + DEBRIEF_MINUTES,
    });
    expect(guide.minutes).toBe(4);
  });

  it('is written in the reader’s language when the scenario has it, else in the scenario’s own', () => {
    const es = facilitatorGuide(scenario, { language: 'es', support });
    expect([es.contentLanguage, es.title, es.scenes[0].notes[0], es.scenes[0].choices[0].tactics[0].name]).toEqual([
      'es',
      'En el bar',
      'Esto puede doler.',
      tacticName('speakUp', 'es'),
    ]);
    expect(es.support).toEqual([
      { title: 'Si alguien está en peligro', items: [{ name: 'Llama al 112', detail: 'En cualquier momento.' }] },
    ]);
    const fr = facilitatorGuide(scenario, { language: 'fr', support });
    expect([fr.contentLanguage, fr.title, fr.support[0].title]).toEqual([
      'en',
      'At the bar',
      'If someone is in danger',
    ]);
  });

  it('lists the tactics practised, with what each means', () => {
    const guide = facilitatorGuide(scenario, { language: 'en', support });
    expect(guide.tactics.map((t) => t.id)).toEqual(['speakUp', 'bringOthers']);
    expect(guide.tactics[0].description).toMatch(/\w+/);
  });
});
