import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { replayRun, runScore } from './run-state.ts';
import { roomVotesScore } from './vote-score.ts';

describe('roomVotesScore', () => {
  const { machine } = loadRealScenario('hand-on-the-back');

  it('weights each choice by its share of the votes', () => {
    // lunch: CATCH_SAMS_EYE is bringOthers 1, WATCH_PRIYA scores nothing, BACK_TO_EMAIL is harm 1.
    const score = roomVotesScore(machine, [
      { choice: 'CATCH_SAMS_EYE', counts: { CATCH_SAMS_EYE: 2, WATCH_PRIYA: 1, BACK_TO_EMAIL: 1 } },
    ]);
    expect(score).toMatchObject({ tactics: { bringOthers: 0.5 }, harm: 0.3, total: 0.3 });
  });

  it('is the path’s own score when every vote went the way the story went', () => {
    const path = ['CATCH_SAMS_EYE', 'SPEAK_UP', 'ASK_THE_TABLE'];
    const unanimous = path.map((choice) => ({ choice, counts: { [choice]: 7 } }));
    const run = replayRun(machine, path);
    expect(run).toBeDefined();
    expect(roomVotesScore(machine, unanimous)).toEqual(runScore(run as NonNullable<typeof run>));
  });

  it('uses the choice taken where the spread was withheld, and refuses a path the scenario does not have', () => {
    expect(roomVotesScore(machine, [{ choice: 'BACK_TO_EMAIL' }])).toMatchObject({ total: -1, harm: 1 });
    expect(roomVotesScore(machine, [{ choice: 'NOT_A_CHOICE' }])).toBeUndefined();
  });
});
