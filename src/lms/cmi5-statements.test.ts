import { describe, expect, it } from 'vitest';
import validateStatement from 'xapi-validation';
import { CHOICE_EXTENSIONS, cmi5Statements } from './cmi5-statements.ts';
import type { ChoiceReport } from './lms-connection.types.ts';

const launch = {
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-7' } },
  registration: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee',
  activityId: 'https://lms.example/activities/au-1',
};
const launchData = {
  contextTemplate: {
    contextActivities: { grouping: [{ id: 'urn:upstander:module:m/au' }] },
    extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
  },
};
const choice = (partial: Partial<ChoiceReport> = {}): ChoiceReport => ({
  id: 'hand-on-the-back.2',
  response: 'JOKE_ALONG',
  description: 'Laugh along so it doesn’t get awkward.',
  result: 'incorrect',
  tactics: {},
  harm: 2,
  step: 'interpret',
  barrier: 'fearOfJudgement',
  at: new Date('2026-12-01T10:00:00Z'),
  ...partial,
});

/** What Learning Locker's conformance-tested validator finds wrong with a statement: nothing, for each of ours. */
const problems = (statement: unknown) =>
  validateStatement(statement as never).map((w: { path: string[]; name: string }) => `${w.path.join('.')}: ${w.name}`);

describe('the statements the cmi5 AU sends', () => {
  const make = cmi5Statements(launch, launchData, 0.7);

  it('are valid xAPI statements, every verb', () => {
    for (const statement of [
      make.initialized(),
      make.answered(choice()),
      make.answered(choice({ result: 'neutral', harm: 0, step: undefined, barrier: undefined })),
      make.completed(),
      make.terminated(),
    ])
      expect(problems(statement)).toEqual([]);
  });

  it('carry each choice’s tactic points, harm, bystander step and barrier as result extensions', () => {
    const helped = make.answered(
      choice({
        response: 'CATCH_SAMS_EYE',
        result: 'correct',
        tactics: { bringOthers: 1 },
        harm: 0,
        step: 'notice',
        barrier: undefined,
      }),
    );
    expect(helped.result?.extensions).toEqual({
      [CHOICE_EXTENSIONS.tactics]: { bringOthers: 1 },
      [CHOICE_EXTENSIONS.harm]: 0,
      [CHOICE_EXTENSIONS.step]: 'notice',
    });
    expect(make.answered(choice()).result?.extensions).toEqual({
      [CHOICE_EXTENSIONS.tactics]: {},
      [CHOICE_EXTENSIONS.harm]: 2,
      [CHOICE_EXTENSIONS.step]: 'interpret',
      [CHOICE_EXTENSIONS.barrier]: 'fearOfJudgement',
    });
  });

  it('would be refused by the validator if an extension key were not an IRI', () => {
    const statement = make.answered(choice());
    const broken = { ...statement, result: { ...statement.result, extensions: { 'tactic points': 1 } } };
    expect(problems(broken).length).toBeGreaterThan(0);
  });
});
