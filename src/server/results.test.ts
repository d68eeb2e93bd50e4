import { describe, expect, it } from 'vitest';
import { compileScenario } from '../engine/compile-scenario.ts';
import type { Tally } from '../protocol/messages.ts';
import { fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { resultsCsv, sessionResults } from './results.ts';
import type { ClosedDecision, RoomState, StoredRoom } from './room-state.types.ts';

const scenario = fakeScenario({
  id: 'platform',
  initial: 'platform',
  meta: {
    format: 1,
    title: { en: 'On the platform', es: 'En el andén' },
    setting: 'transit',
    summary: 'For tests.',
    contentNote: 'Nothing upsetting.',
    minutes: 1,
    language: 'en',
    languages: ['en', 'es'],
  },
  states: {
    platform: fakeScene({
      meta: {
        narrative: ['Someone is crowded. Nobody looks up.'],
        prompt: { en: 'What do you do?', es: '¿Qué haces?' },
        stage: 'act',
      },
      on: {
        STEP_IN: fakeChoice({
          target: 'helped',
          meta: { label: { en: 'Step in.', es: 'Intervienes.' }, tactics: { stepForward: 2 } },
        }),
        JOIN_IN: fakeChoice({
          target: 'missed',
          meta: { label: { en: '=Laugh along', es: '=Te ríes' }, tactics: {}, harm: 2 },
        }),
      },
      after: {
        20000: fakeChoice({
          target: 'missed',
          meta: { label: { en: 'You hesitate.', es: 'Dudas.' }, timeout: true, harm: 1 },
        }),
      },
    }),
    helped: {
      ...fakeEnding('good'),
      meta: { ending: { title: { en: 'Helped', es: 'Ayudada' }, debrief: 'x', kind: 'good' } },
    },
    missed: {
      ...fakeEnding('poor'),
      meta: { ending: { title: { en: 'Missed', es: 'Perdida' }, debrief: 'x', kind: 'poor' } },
    },
  },
});
const loaded = { scenario, ...compileScenario(scenario) } as Parameters<typeof sessionResults>[1];
const TIMEOUT = 'xstate.after.20000.platform.platform';

const room: RoomState = {
  id: 'S'.repeat(22),
  code: 'ABCDEF',
  scenarioId: 'platform',
  hostHash: 'h',
  createdAt: Date.UTC(2026, 10, 25, 10),
  expiresAt: 0,
  cap: 30,
  minReveal: 5,
  timers: true,
  locked: false,
  phase: 'debrief',
  choices: [],
  openedAt: null,
  deadline: null,
  revealedAt: null,
};
const opened = Date.UTC(2026, 10, 25, 10, 1);
const decided = (choice: string, chosenBy: ClosedDecision['chosenBy'], tally: Tally): ClosedDecision => ({
  decision: 0,
  scene: ['platform'],
  choice,
  chosenBy,
  tally,
  openedAt: opened,
  revealedAt: opened + 30_000,
  closedAt: opened + 60_000,
});
const stored = (decision: ClosedDecision): StoredRoom => ({
  room: { ...room, choices: [decision.choice] },
  participants: [],
  votes: [],
  decisions: [decision],
  posts: [
    { id: 'p1', text: 'I will speak up.', status: 'shown', createdAt: 1 },
    { id: 'p2', text: 'Held back by the facilitator.', status: 'hidden', createdAt: 2 },
    { id: 'p3', text: 'Not yet moderated.', status: 'pending', createdAt: 3 },
  ],
});
const timings = [
  { decision: 0, choice: 'STEP_IN', first_at: opened + 10_000, changes: 1 },
  { decision: 0, choice: 'STEP_IN', first_at: opened + 20_000, changes: 0 },
];

describe('sessionResults', () => {
  it('names the scenario, the prompt, each choice, its tactics and harm, the share of votes and the ending in words', () => {
    const shown = decided('STEP_IN', 'majority', {
      shown: true,
      total: 6,
      counts: { STEP_IN: 3, JOIN_IN: 1, [TIMEOUT]: 2 },
    });
    const results = sessionResults(stored(shown), loaded, 6, timings);
    expect(results).toMatchObject({
      scenario: { id: 'platform', title: 'On the platform' },
      language: 'en',
      ending: { title: 'Helped', kind: 'good' },
      finished: true,
    });
    expect(results.decisions[0]).toMatchObject({
      decision: 1,
      // The scene's first sentence tells apart decisions that all ask "What do you do?".
      description: 'Someone is crowded.',
      prompt: 'What do you do?',
      chosen: 'Step in.',
      takenBy: 'majority',
      voters: 6,
      changedVotes: 1,
      medianSecondsToVote: 15,
    });
    expect(results.decisions[0].choices).toEqual([
      {
        event: 'STEP_IN',
        label: 'Step in.',
        timed: false,
        tactics: { 'Step forward': 2 },
        harm: 0,
        votes: 3,
        share: 50,
        chosen: true,
      },
      {
        event: 'JOIN_IN',
        label: '=Laugh along',
        timed: false,
        tactics: {},
        harm: 2,
        votes: 1,
        share: 17,
        chosen: false,
      },
      // A timed choice goes by its stable name, as in the LMS, never XState's delay-named event.
      { event: 'wait', label: 'You hesitate.', timed: true, tactics: {}, harm: 1, votes: 2, share: 33, chosen: false },
    ]);
    // No posts unless asked for.
    expect(results).not.toHaveProperty('posts');
  });

  it('speaks the session’s language, says when time ran out, and includes only the posts shown on the wall when asked', () => {
    const ranOut = decided(TIMEOUT, 'majority', {
      shown: true,
      total: 5,
      counts: { STEP_IN: 1, JOIN_IN: 0, [TIMEOUT]: 4 },
    });
    const results = sessionResults(stored(ranOut), loaded, 5, [], { language: 'es', posts: true });
    expect(results).toMatchObject({ scenario: { title: 'En el andén' }, language: 'es', ending: { title: 'Perdida' } });
    expect(results.decisions[0]).toMatchObject({ prompt: '¿Qué haces?', chosen: 'Dudas.', takenBy: 'time-ran-out' });
    expect(results.decisions[0].choices[0].tactics).toEqual({ 'Dar un paso al frente': 2 });
    expect(results.posts).toEqual(['I will speak up.']);
    // A language the scenario does not declare falls back to its own.
    expect(sessionResults(stored(ranOut), loaded, 5, [], { language: 'fr' }).language).toBe('en');
  });

  it('leaves the counts out where the spread was withheld, and says the facilitator took the decision', () => {
    const withheld = decided('JOIN_IN', 'facilitator', { shown: false, total: 3, needed: 5 });
    const [decision] = sessionResults(stored(withheld), loaded, 3, timings).decisions;
    expect(decision).toMatchObject({
      takenBy: 'facilitator',
      spreadShown: false,
      voters: 3,
      medianSecondsToVote: null,
    });
    expect(decision.choices.map((c) => [c.votes, c.share])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('counts a session ended on purpose after its debrief as finished with its ending, and one ended mid-story as neither', () => {
    const taken = stored(
      decided('STEP_IN', 'majority', { shown: true, total: 5, counts: { STEP_IN: 5, JOIN_IN: 0, [TIMEOUT]: 0 } }),
    );
    const endedAfterDebrief = { ...taken, room: { ...taken.room, phase: 'closed' as const, locked: true } };
    expect(sessionResults(endedAfterDebrief, loaded, 5, timings)).toMatchObject({
      finished: true,
      ending: { title: 'Helped', kind: 'good' },
    });
    const endedMidStory: StoredRoom = {
      ...taken,
      room: { ...room, phase: 'closed', locked: true, choices: [] },
      decisions: [],
    };
    const results = sessionResults(endedMidStory, loaded, 5, []);
    expect(results).toMatchObject({ finished: false, ending: null, decisions: [] });
    expect(resultsCsv(results)).not.toContain('Helped');
  });

  it('carries no participant id, resume secret or seat', () => {
    const withIds = {
      ...stored(
        decided('STEP_IN', 'majority', { shown: true, total: 5, counts: { STEP_IN: 5, JOIN_IN: 0, [TIMEOUT]: 0 } }),
      ),
      participants: [{ id: 'P'.repeat(22), resumeHash: 'R'.repeat(64), seat: 1, joinedAt: 1, removed: false }],
      votes: [{ participantId: 'P'.repeat(22), choice: 'STEP_IN' }],
    };
    const results = sessionResults(withIds, loaded, 1, timings, { posts: true });
    const text = JSON.stringify(results) + resultsCsv(results);
    expect(text).not.toContain('PPPP');
    expect(text).not.toContain('RRRR');
    expect(text).not.toMatch(/seat/i);
  });

  it('throws on a path the scenario no longer has', () => {
    expect(() =>
      sessionResults(stored(decided('GONE', 'majority', { shown: false, total: 0, needed: 5 })), loaded, 0, []),
    ).toThrow(/no longer replays/);
  });
});

describe('resultsCsv', () => {
  const shown = decided('STEP_IN', 'majority', {
    shown: true,
    total: 6,
    counts: { STEP_IN: 3, JOIN_IN: 1, [TIMEOUT]: 2 },
  });

  it('writes one row per choice in words, quoting what needs quoting and defusing spreadsheet formulas', () => {
    const rows = resultsCsv(sessionResults(stored(shown), loaded, 6, timings))
      .trimEnd()
      .split('\r\n');
    expect(rows).toEqual([
      'scenario,decision,description,prompt,choice,time_ran_out,tactics,harm,votes,share_percent,chosen,taken_by,voters,changed_votes,opened_at,seconds_open,median_seconds_to_vote,ending',
      'On the platform,1,Someone is crowded.,What do you do?,Step in.,no,Step forward 2,0,3,50,yes,majority,6,1,2026-11-25T10:01:00.000Z,30,15,Helped',
      "On the platform,1,Someone is crowded.,What do you do?,'=Laugh along,no,,2,1,17,no,majority,6,1,2026-11-25T10:01:00.000Z,30,15,Helped",
      'On the platform,1,Someone is crowded.,What do you do?,You hesitate.,yes,,1,2,33,no,majority,6,1,2026-11-25T10:01:00.000Z,30,15,Helped',
    ]);
    expect(rows.join('\n')).not.toContain('xstate.after');
  });

  it('adds the posts shown on the wall as their own table when asked, defused and quoted too', () => {
    const withPosts = {
      ...stored(shown),
      posts: [{ id: 'p', text: '@once, "always"', status: 'shown' as const, createdAt: 1 }],
    };
    const csv = resultsCsv(sessionResults(withPosts, loaded, 6, timings, { posts: true }));
    expect(csv.endsWith(`\r\n\r\niwill_post\r\n"'@once, ""always"""\r\n`)).toBe(true);
  });

  it('leaves the counts empty where the spread was withheld', () => {
    const withheld = decided('JOIN_IN', 'facilitator', { shown: false, total: 3, needed: 5 });
    const rows = resultsCsv(sessionResults(stored(withheld), loaded, 3, timings))
      .trimEnd()
      .split('\r\n');
    expect(rows[2]).toBe(
      "On the platform,1,Someone is crowded.,What do you do?,'=Laugh along,no,,2,,,yes,facilitator,3,0,2026-11-25T10:01:00.000Z,30,,Missed",
    );
  });
});
