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
    expect(score).toMatchObject({ score: { tactics: { bringOthers: 0.5 }, harm: 0.3, total: 0.3 }, counted: 1 });
  });

  it('is the path’s own score when every vote went the way the story went', () => {
    const path = ['CATCH_SAMS_EYE', 'SPEAK_UP', 'ASK_THE_TABLE'];
    const unanimous = path.map((choice) => ({ choice, counts: { [choice]: 7 } }));
    const run = replayRun(machine, path);
    expect(run).toBeDefined();
    expect(roomVotesScore(machine, unanimous)).toEqual({
      score: runScore(run as NonNullable<typeof run>),
      counted: 3,
      withheld: 0,
    });
  });

  it('never puts the choice taken down to the room where the spread was withheld', () => {
    // The facilitator followed BACK_TO_EMAIL (harm 1) with the spread withheld: the room is not scored for it.
    const withheld = roomVotesScore(machine, [{ choice: 'BACK_TO_EMAIL' }]);
    expect(withheld).toMatchObject({ score: { total: 0, harm: 0 }, counted: 0, withheld: 1 });
    // Beside a decision with a shown spread, only that one is scored.
    const mixed = roomVotesScore(machine, [
      { choice: 'CATCH_SAMS_EYE', counts: { CATCH_SAMS_EYE: 4, WATCH_PRIYA: 0, BACK_TO_EMAIL: 0 } },
      { choice: 'SPEAK_UP' },
    ]);
    expect(mixed).toMatchObject({ score: { tactics: { bringOthers: 1 }, total: 1 }, counted: 1, withheld: 1 });
    expect(mixed?.score.tactics.speakUp ?? 0).toBe(0);
  });

  it('refuses a path the scenario does not have', () => {
    expect(roomVotesScore(machine, [{ choice: 'NOT_A_CHOICE' }])).toBeUndefined();
  });
});
