import { describe, expect, it } from 'vitest';
import { resultsCsv, type SessionResults } from './results.ts';

describe('resultsCsv', () => {
  const decision = {
    decision: 1,
    scene: 'lunch',
    choice: 'A',
    chosenBy: 'majority',
    votes: { A: 3, '=HYPERLINK("x")': 1 },
    voters: 4,
    changedVotes: 0,
    openedAt: '2026-11-25T10:00:00.000Z',
    secondsOpen: 30,
    medianSecondsToVote: 12.5,
  };
  const results: SessionResults = {
    scenario: 's',
    startedAt: '',
    participants: 4,
    finished: true,
    decisions: [decision],
  };

  it('writes one row per choice, quoting what needs quoting and defusing spreadsheet formulas', () => {
    const rows = resultsCsv(results).trimEnd().split('\r\n');
    expect(rows).toEqual([
      'decision,scene,choice,votes,chosen,chosen_by,voters,changed_votes,opened_at,seconds_open,median_seconds_to_vote',
      '1,lunch,A,3,yes,majority,4,0,2026-11-25T10:00:00.000Z,30,12.5',
      `1,lunch,"'=HYPERLINK(""x"")",1,no,majority,4,0,2026-11-25T10:00:00.000Z,30,12.5`,
    ]);
  });

  it('leaves the counts empty where the spread was withheld', () => {
    const rows = resultsCsv({ ...results, decisions: [{ ...decision, votes: null, medianSecondsToVote: null }] })
      .trimEnd()
      .split('\r\n');
    expect(rows[1]).toBe('1,lunch,A,,yes,majority,4,0,2026-11-25T10:00:00.000Z,30,');
  });
});
