import { describe, expect, it } from 'vitest';
import { choicePoints, scoreChoices } from './score.ts';

const meta = (tactics: Record<string, number>, harm?: number) => ({ label: 'x', feedback: 'y', tactics, harm });

describe('scoring', () => {
  it('adds tactic points and takes away harm, per tactic and per stage', () => {
    const score = scoreChoices([
      { meta: meta({ stepForward: 2 }), stage: 'act' },
      { meta: meta({ speakUp: 1, bringOthers: 2 }), stage: 'act' },
      { meta: meta({}, 2), stage: 'interpret' },
      { meta: meta({ stepForward: 1 }), stage: undefined },
    ]);
    expect(score).toEqual({
      total: 4,
      tactics: { stepForward: 3, speakUp: 1, bringOthers: 2 },
      harm: 2,
      stages: { act: 5, interpret: -2 },
    });
  });

  it('scores nothing for no choices', () => {
    expect(scoreChoices([])).toEqual({ total: 0, tactics: {}, harm: 0, stages: {} });
  });

  it('nets one choice’s points against its harm', () => {
    expect(choicePoints(meta({ speakUp: 1 }, 3))).toBe(-2);
  });
});
