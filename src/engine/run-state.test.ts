import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { play as playEvents } from '../test-util/play.ts';
import { choose, rewindRun, runEnding, runScore } from './run-state.ts';

const { machine } = loadRealScenario('hand-on-the-back');

const play = (...events: string[]) => playEvents(machine, events);

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
