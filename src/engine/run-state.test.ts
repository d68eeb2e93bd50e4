import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { play as playEvents } from '../test-util/play.ts';
import { choose, restoreRun, rewindRun, runEnding, runScore, saveRun } from './run-state.ts';

const { machine, scenario } = loadRealScenario('hand-on-the-back');

const play = (...events: string[]) => playEvents(machine, events);

/** What survives a trip through browser storage. */
const throughStorage = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('a run', () => {
  it('plays to an ending, with the path scored', () => {
    const run = play('CATCH_SAMS_EYE', 'ASK_SAM', 'SUGGEST_COFFEE', 'ASK_WHAT_SHE_WANTS');
    expect(runEnding(machine, run)?.kind).toBe('good');
    expect(runScore(run)).toMatchObject({ total: 7, tactics: { bringOthers: 4, stepForward: 2, delay: 1 }, harm: 0 });
    expect(run.steps.map((s) => s.stage)).toEqual(['notice', 'interpret', 'act', 'choose']);
  });

  it('refuses a choice that is not on offer and leaves the run as it was', () => {
    const run = play('WATCH_PRIYA');
    const result = choose(machine, run, 'ASK_WHAT_SHE_WANTS');
    expect(result).toEqual({ ok: false, error: '"ASK_WHAT_SHE_WANTS" is not a choice on offer in moment.' });
    expect(run.snapshot.value).toBe('moment');
    expect(run.steps).toHaveLength(1);
  });

  it('rewinds to an earlier decision to choose differently', () => {
    const run = play('WATCH_PRIYA', 'JOKE_ALONG', 'LET_IT_GO');
    const rewound = rewindRun(machine, run, 1);
    expect(rewound.snapshot.value).toBe('moment');
    expect(rewound.snapshot.context).toEqual({ trust: 0, allies: 0 });
    expect(rewound.steps.map((s) => s.event)).toEqual(['WATCH_PRIYA']);
  });
});

describe('saving and restoring a run', () => {
  it('resumes at the same scene with the same choices and variables after a reload', () => {
    const run = play('CATCH_SAMS_EYE', 'SPEAK_UP');
    const restored = restoreRun(machine, scenario.id, throughStorage(saveRun(machine, scenario.id, run)));
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.run.snapshot.value).toBe('spokeUp');
    expect(restored.run.snapshot.context).toEqual({ trust: 1, allies: 1 });
    expect(restored.run.steps.map((s) => s.event)).toEqual(['CATCH_SAMS_EYE', 'SPEAK_UP']);
    const next = choose(machine, restored.run, 'ASK_THE_TABLE');
    expect(next.ok && next.run.snapshot.value).toBe('together');
  });

  it('restores a finished run as finished', () => {
    const run = play('WATCH_PRIYA', 'JOKE_ALONG', 'LET_IT_GO');
    const restored = restoreRun(machine, scenario.id, throughStorage(saveRun(machine, scenario.id, run)));
    expect(restored.ok && runEnding(machine, restored.run)?.kind).toBe('poor');
  });

  const saved = () => throughStorage(saveRun(machine, scenario.id, play('CATCH_SAMS_EYE', 'SPEAK_UP')));
  it.each([
    ['nothing at all', () => null, /not readable/],
    ['a string', () => 'garbage', /not readable/],
    ['an older format', () => ({ ...saved(), format: 0 }), /format 0; this version reads format 1/],
    ['another scenario', () => ({ ...saved(), scenarioId: 'other' }), /another scenario/],
    ['choices that are not a list', () => ({ ...saved(), choices: 'SPEAK_UP' }), /no readable list of choices/],
    [
      'a snapshot of a state that does not exist',
      () => ({ ...saved(), snapshot: { ...saved().snapshot, value: 'gone' } }),
      /does not fit|no longer matches/,
    ],
    [
      'choices that no longer lead to the saved scene',
      () => ({ ...saved(), choices: ['WATCH_PRIYA', 'STAND_BESIDE'] }),
      /no longer matches/,
    ],
    ['a choice the scenario no longer has', () => ({ ...saved(), choices: ['REMOVED_CHOICE'] }), /no longer matches/],
    [
      'variables edited by hand',
      () => ({ ...saved(), snapshot: { ...saved().snapshot, context: { trust: 99, allies: 1 } } }),
      /no longer matches/,
    ],
  ])('refuses %s with a clear error instead of crashing', (_name, make, message) => {
    const result = restoreRun(machine, scenario.id, make());
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(message);
  });
});
