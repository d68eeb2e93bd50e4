import type { Scenario } from './scenario.types.ts';
import { type WalkedState, walkStates } from './scenario-walk.ts';

/** Resolves transition targets the way XState does: `sibling`, `sibling.child`, `.child`, `#id`, `#machineId.path`. */
export interface StateIndex {
  /** Every state by its dotted key path, e.g. `party.kitchen`. */
  readonly states: ReadonlyMap<string, WalkedState>;
  /** The keys of the state a target names, from a state's point of view, or undefined if it names none. */
  resolve(from: WalkedState, target: string): readonly string[] | undefined;
  /** The atomic state actually entered when entering these keys (following `initial`). */
  enteredLeaf(keys: readonly string[]): readonly string[] | undefined;
}

export function indexStates(scenario: Scenario): StateIndex {
  const states = new Map<string, WalkedState>();
  const byId = new Map<string, readonly string[]>();
  for (const walked of walkStates(scenario)) {
    states.set(walked.keys.join('.'), walked);
    if (walked.state.id) byId.set(walked.state.id, walked.keys);
  }
  const existing = (keys: readonly string[]) => (states.has(keys.join('.')) ? keys : undefined);

  return {
    states,
    resolve(from, target) {
      if (target.startsWith('#')) {
        const ref = target.slice(1);
        const custom = byId.get(ref);
        if (custom) return custom;
        const prefix = `${scenario.id}.`;
        return ref.startsWith(prefix) ? existing(ref.slice(prefix.length).split('.')) : undefined;
      }
      if (target.startsWith('.')) return existing([...from.keys, ...target.slice(1).split('.')]);
      return existing([...(from.parent?.keys ?? []), ...target.split('.')]);
    },
    enteredLeaf(keys) {
      let current = keys;
      for (;;) {
        const walked = states.get(current.join('.'));
        if (!walked) return undefined;
        if (!walked.state.initial) return current;
        current = [...current, walked.state.initial];
      }
    },
  };
}
