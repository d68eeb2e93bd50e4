import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { fakeChoice, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { play as playEvents } from '../test-util/play.ts';
import { choicesFor } from './choices.ts';
import { loadScenarioValue } from './load-scenario.ts';
import { choose, startRun } from './run-state.ts';

const labels = (choices: ReturnType<typeof choicesFor>) => choices.map((c) => c.meta.label);

describe('choicesFor', () => {
  const { machine } = loadRealScenario('hand-on-the-back');

  it('offers the scene’s choices with the timed one as XState’s own delayed event', () => {
    const offered = choicesFor(machine, startRun(machine).snapshot);
    expect(offered.map((c) => c.event)).toEqual([
      'WATCH_PRIYA',
      'CATCH_SAMS_EYE',
      'BACK_TO_EMAIL',
      'xstate.after.20000.hand-on-the-back.lunch',
    ]);
    expect(offered.map((c) => c.delay)).toEqual([undefined, undefined, undefined, 20000]);
    expect(offered[3].meta.timeout).toBe(true);
  });

  it('resolves guarded alternatives as XState does: the backup only comes if you caught Sam’s eye', () => {
    const play = (...events: string[]) => playEvents(machine, events);
    const alone = choicesFor(machine, play('WATCH_PRIYA').snapshot).find((c) => c.event === 'ASK_SAM');
    const withSam = choicesFor(machine, play('CATCH_SAMS_EYE').snapshot).find((c) => c.event === 'ASK_SAM');
    expect(alone?.meta.label).toMatchObject({ en: 'Look around for someone to back you up.' });
    expect(withSam?.meta.label).toMatchObject({ en: expect.stringMatching(/^Nod to Sam/) });
  });

  it('hides a choice whose guard fails, offers the innermost state’s choice first, and none at an ending', () => {
    const scenario = fakeScenario({
      states: {
        start: {
          initial: 'inner',
          on: {
            LEAVE: fakeChoice({ meta: { label: 'Outer leave' } }),
            HELP: fakeChoice({ meta: { label: 'Outer help' } }),
          },
          states: {
            inner: fakeScene({
              on: {
                HELP: fakeChoice({ target: '#fake.end', meta: { label: 'Inner help' } }),
                LOCKED: fakeChoice({
                  target: '#fake.end',
                  guard: { type: 'atLeast', params: { var: 'trust', value: 5 } },
                  meta: { label: 'Locked' },
                }),
                WAIT: fakeChoice({ target: '#fake.end', meta: { label: 'Wait' } }),
              },
            }),
          },
        },
        end: { type: 'final', meta: { ending: { title: 'End', debrief: 'Debrief.', kind: 'good' } } },
      },
    });
    const loaded = loadScenarioValue(scenario);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const run = startRun(loaded.machine);
    expect(labels(choicesFor(loaded.machine, run.snapshot))).toEqual(['Inner help', 'Wait', 'Outer leave']);
    const done = choose(loaded.machine, run, 'HELP');
    expect(done.ok && choicesFor(loaded.machine, done.run.snapshot)).toEqual([]);
  });
});
