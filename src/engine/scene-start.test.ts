import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { choose, rewindRun } from './run-state.ts';
import { startRunAt } from './scene-start.ts';

const { machine } = loadRealScenario('hand-on-the-back');

describe('a run started at a scene, as an author tries one', () => {
  it('goes where the variables set there lead, and on from there', () => {
    const without = startRunAt(machine, ['moment']);
    const withAlly = startRunAt(machine, ['moment'], { allies: 1 });
    if (!without.ok || !withAlly.ok) throw new Error('not started');
    expect(withAlly.run.snapshot.context).toEqual({ trust: 0, allies: 1 });
    const alone = choose(machine, without.run, 'ASK_SAM');
    const together = choose(machine, withAlly.run, 'ASK_SAM');
    expect(alone.ok && alone.run.snapshot.value).toBe('lookingForHelp');
    expect(together.ok && together.run.snapshot.value).toBe('together');
    expect(together.ok && together.run.snapshot.context).toEqual({ trust: 2, allies: 1 });
    expect(together.ok && together.run.steps.map((s) => [s.scene, s.event])).toEqual([[['moment'], 'ASK_SAM']]);
  });

  it("rewinds to where it began, not to the scenario's start", () => {
    const from = startRunAt(machine, ['spokeUp'], { trust: 2 });
    if (!from.ok) throw new Error(from.error);
    const next = choose(machine, from.run, 'ASK_THE_TABLE');
    if (!next.ok) throw new Error(next.error);
    const rewound = rewindRun(machine, next.run, 0, from.run);
    expect(rewound.snapshot.value).toBe('spokeUp');
    expect(rewound.snapshot.context).toEqual({ trust: 2, allies: 0 });
  });

  it.each([
    [['nowhere'], {}, 'There is no scene "nowhere" in this scenario.'],
    [['backed'], {}, '"backed" is not a scene a learner chooses in.'],
    [['moment'], { courage: 1 }, 'The scenario has no variable "courage".'],
    [['moment'], { trust: 'high' }, '"trust" holds a number, not a string.'],
  ])('refuses %j with %j, saying why', (keys, variables, error) => {
    expect(startRunAt(machine, keys, variables)).toEqual({ ok: false, error });
  });
});
