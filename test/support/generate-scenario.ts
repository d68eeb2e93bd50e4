import type { Choice, Scenario, ScenarioState, Stage } from '../../src/engine/index.ts';

/**
 * A large scenario made by rule, for benchmarks and scale tests: `scenes` scenes and `endings` endings,
 * `choices` choices in all (each scene has at least one way forward), with variables set along the
 * way, guarded choices and timed ones, so the analysis explores situations, not only states.
 */
export function generateScenario({ scenes = 190, endings = 10, choices = 600, seed = 7 } = {}): Scenario {
  let s = seed;
  const random = (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s % n;
  };
  const stages: Stage[] = ['notice', 'interpret', 'responsibility', 'choose', 'act'];
  const scene = (i: number) => (i < scenes ? `scene${i}` : `ending${i % endings}`);
  const extra = choices - scenes * 3;
  const states: Record<string, ScenarioState> = {};

  for (let i = 0; i < scenes; i++) {
    const choice = (target: string, partial: Partial<Choice> = {}, tactic = 'stepForward', harm = 0): Choice => ({
      target,
      ...partial,
      meta: {
        label: `Choice to ${target}`,
        feedback: 'Why.',
        tactics: { [tactic]: random(4) },
        ...(harm ? { harm } : {}),
      },
    });
    const on: Record<string, Choice> = {
      NEXT: choice(scene(i + 1)),
      JUMP: choice(
        scene(i + 2 + random(6)),
        { actions: [{ type: 'set', params: { var: 'trust', value: random(3) } }] },
        'speakUp',
      ),
    };
    const after: Record<string, Choice> = {};
    if (i % 5 === 0) after['10000'] = choice(scene(i + 1), {}, 'bringOthers');
    else
      on.ASK = choice(
        scene(i + 1 + random(4)),
        { guard: { type: 'atLeast', params: { var: 'trust', value: 1 } } },
        'bringOthers',
      );
    if (i < extra) on.WALK_AWAY = choice(`ending${i % endings}`, {}, 'distract', 1 + random(3));
    states[`scene${i}`] = {
      meta: { narrative: `Scene ${i}.`, prompt: 'What do you do?', stage: stages[i % stages.length] },
      on,
      ...(i % 5 === 0 ? { after } : {}),
    };
  }
  for (let e = 0; e < endings; e++) {
    const kind = (['good', 'mixed', 'poor'] as const)[e % 3];
    states[`ending${e}`] = { type: 'final', meta: { ending: { title: `Ending ${e}`, debrief: 'What next.', kind } } };
  }
  return {
    id: 'generated',
    initial: 'scene0',
    context: { trust: 0 },
    meta: {
      format: 1,
      title: 'Generated',
      setting: 'workplace',
      summary: 'A generated scenario for benchmarks.',
      contentNote: 'None.',
      minutes: 60,
      language: 'en',
    },
    states,
  };
}
