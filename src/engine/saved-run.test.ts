import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { play as playEvents } from '../test-util/play.ts';
import { buildMachine } from './build-machine.ts';
import { choicesFor } from './choices.ts';
import { choose, runEnding, startRun } from './run-state.ts';
import { restoreRun, saveRun } from './saved-run.ts';
import type { Scenario } from './scenario.types.ts';

const { machine, scenario } = loadRealScenario('hand-on-the-back');

const play = (...events: string[]) => playEvents(machine, events);

/** What survives a trip through browser storage. */
const throughStorage = (value: unknown) => JSON.parse(JSON.stringify(value));

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
    ['an older format', () => ({ ...saved(), format: 0 }), /format 0; this version reads formats 1 and 2/],
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

describe('a save outlives an author adjusting a timer', () => {
  /** The same scenario with the lunch scene's timer at `ms` instead of 20 s. */
  const withTimer = (ms: number): Scenario => {
    const copy = structuredClone(scenario) as { states: Record<string, { after?: Record<string, unknown> }> };
    const lunch = copy.states.lunch;
    lunch.after = { [String(ms)]: Object.values(lunch.after ?? {})[0] };
    return copy as unknown as Scenario;
  };
  const waitedAtLunch = () => play(choicesFor(machine, startRun(machine).snapshot).find((c) => c.delay)?.event ?? '');

  it('keeps a timed choice as "wait", never by a name carrying its delay', () => {
    const saved = throughStorage(saveRun(machine, scenario.id, waitedAtLunch()));
    expect(saved.choices).toEqual(['wait']);
    expect(JSON.stringify(saved)).not.toContain('xstate.after');
  });

  it('resumes after the timer changed from 20 s to 15 s, in the same scene', () => {
    const saved = throughStorage(saveRun(machine, scenario.id, waitedAtLunch()));
    const changed = buildMachine(withTimer(15000));
    const restored = restoreRun(changed, scenario.id, saved);
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.run.snapshot.value).toBe('moment');
    expect(restored.run.steps.map((s) => s.event)).toEqual(['xstate.after.15000.hand-on-the-back.lunch']);
  });

  it('still reads a save of format 1, which kept the events themselves', () => {
    const run = play('CATCH_SAMS_EYE', 'SPEAK_UP');
    const old = {
      ...throughStorage(saveRun(machine, scenario.id, run)),
      format: 1,
      choices: ['CATCH_SAMS_EYE', 'SPEAK_UP'],
    };
    const restored = restoreRun(machine, scenario.id, old);
    expect(restored.ok && restored.run.snapshot.value).toBe('spokeUp');
  });
});
