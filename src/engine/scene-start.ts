import type { RunContext, ScenarioMachine } from './build-machine.ts';
import type { Run } from './run-state.ts';

export type StartResult = { ok: true; run: Run } | { ok: false; error: string };

/**
 * A run that starts in the scene `keys` (its keys from the root, e.g. ['party', 'kitchen']) with the
 * story's variables as `variables` sets them and the rest at their start values: how an author tries a
 * scene without playing up to it. The scene is entered as it stands (its entry actions do not run: the
 * variables are what is set here). A scene that does not exist, a variable the scenario does not declare,
 * or a value of another type than its start value is refused.
 */
export function startRunAt(machine: ScenarioMachine, keys: readonly string[], variables: RunContext = {}): StartResult {
  let node = machine.root;
  for (const key of keys) {
    const child = node.states[key];
    if (!child) return { ok: false, error: `There is no scene "${keys.join('.')}" in this scenario.` };
    node = child;
  }
  if (keys.length === 0 || node.type === 'final')
    return { ok: false, error: `"${keys.join('.')}" is not a scene a learner chooses in.` };
  const start = machine.config.context as RunContext;
  for (const [name, value] of Object.entries(variables)) {
    if (!(name in start)) return { ok: false, error: `The scenario has no variable "${name}".` };
    if (typeof value !== typeof start[name])
      return { ok: false, error: `"${name}" holds a ${typeof start[name]}, not a ${typeof value}.` };
  }
  const value = keys
    .slice(0, -1)
    .reduceRight<string | Record<string, unknown>>((v, k) => ({ [k]: v }), keys.at(-1) ?? '');
  const snapshot = machine.resolveState({ value: value as never, context: { ...start, ...variables } });
  return { ok: true, run: { snapshot, steps: [] } };
}
