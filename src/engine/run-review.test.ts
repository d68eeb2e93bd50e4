import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { play } from '../test-util/play.ts';
import { compileScenario } from './compile-scenario.ts';
import { opportunityScores, reviewRun, stuckPoint } from './run-review.ts';

/**
 * Three scenes whose chances are known: noticing (look properly earns 1; carry on earns 0), then
 * a step with nothing to gain (both choices 0: no chance to act), then acting (step in earns 3;
 * laughing along does harm 2; walking away earns 0).
 */
const { machine } = compileScenario(
  fakeScenario({
    initial: 'notice',
    states: {
      notice: fakeScene({
        meta: { narrative: ['Something is off.'], prompt: 'What do you do?', stage: 'notice' },
        on: {
          LOOK: fakeChoice({ target: 'wait', meta: { tactics: { speakUp: 1 } } }),
          CARRY_ON: fakeChoice({ target: 'wait', meta: { barrier: 'notSure' } }),
        },
      }),
      wait: fakeScene({
        meta: { narrative: ['A pause.'], prompt: 'What now?', stage: 'interpret' },
        on: { A: fakeChoice({ target: 'act' }), B: fakeChoice({ target: 'act' }) },
      }),
      act: fakeScene({
        meta: { narrative: ['It happens again.'], prompt: 'What do you do?', stage: 'act' },
        on: {
          STEP_IN: fakeChoice({ target: 'end', meta: { tactics: { stepForward: 3 } } }),
          LAUGH: fakeChoice({ target: 'end', meta: { harm: 2, barrier: 'fearOfJudgement' } }),
          LEAVE: fakeChoice({ target: 'end', meta: { barrier: 'othersWillAct' } }),
        },
      }),
      end: fakeEnding(),
    },
  }),
);

describe('reviewing a run against the chances its scenes gave', () => {
  it('counts a chance to act only where a choice on offer earned tactic points, and whether it was taken', () => {
    const reviews = reviewRun(machine, play(machine, ['LOOK', 'A', 'LAUGH']));
    expect(reviews.map(({ best, got, lost, opportunity, acted }) => ({ best, got, lost, opportunity, acted }))).toEqual(
      [
        { best: 1, got: 1, lost: 0, opportunity: true, acted: true },
        { best: 0, got: 0, lost: 0, opportunity: false, acted: false },
        { best: 3, got: -2, lost: 5, opportunity: true, acted: false },
      ],
    );
    // The step with no chance is left out: nobody is marked down for a moment the story did not offer.
    expect(opportunityScores(reviews)).toEqual([
      { stage: 'notice', opportunities: 1, acted: 1 },
      { stage: 'act', opportunities: 1, acted: 0 },
    ]);
  });

  it('names the step that lost most and the barrier behind the choice that lost it', () => {
    const stuck = stuckPoint(reviewRun(machine, play(machine, ['CARRY_ON', 'B', 'LAUGH'])));
    expect(stuck).toMatchObject({ stage: 'act', lost: 5, barrier: 'fearOfJudgement' });
    expect(stuck?.step.event).toBe('LAUGH');
  });

  it('prefers the earlier step on a tie, and names nothing for a run that lost nothing', () => {
    // Noticing lost 1 (carry on); acting lost 3 (walk away): acting is where it got stuck.
    expect(stuckPoint(reviewRun(machine, play(machine, ['CARRY_ON', 'A', 'LEAVE'])))).toMatchObject({
      stage: 'act',
      lost: 3,
      barrier: 'othersWillAct',
    });
    expect(stuckPoint(reviewRun(machine, play(machine, ['LOOK', 'A', 'STEP_IN'])))).toBeUndefined();
  });
});
