import { closestNames } from './did-you-mean.ts';
import type { Scenario } from './scenario.types.ts';
import { type WalkedState, walkStates } from './scenario-walk.ts';

/** Resolves transition targets the way XState does: `sibling`, `sibling.child`, `.child`, `#id`, `#machineId.path`. */
export interface StateIndex {
  /** Every state by its dotted key path, e.g. `party.kitchen`. */
  readonly states: ReadonlyMap<string, WalkedState>;
  /** The keys of the state a target names, from a state's point of view, or undefined if it names none. */
  resolve(from: WalkedState, target: string): readonly string[] | undefined;
  /** The keys of the states beside this one (its parent's children, or the top-level states). */
  siblingsOf(from: WalkedState): string[];
  /** Targets that name a state from here, closest first, for a target that names none. */
  suggest(from: WalkedState, target: string): string[];
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
    siblingsOf(from) {
      const prefix = from.parent?.keys.join('.');
      return [...states.values()]
        .filter((w) => w.parent?.keys.join('.') === prefix)
        .map((w) => w.keys[w.keys.length - 1]);
    },
    suggest(from, target) {
      // What an author could have meant, in the form that works from here: a sibling (or a path
      // into one), ".child", "#id", and, for a state elsewhere, its full "#scenarioId.path".
      const base = from.parent?.keys ?? [];
      const forms = new Map<string, string>();
      for (const [dotted, w] of states) {
        const full = `#${scenario.id}.${dotted}`;
        const inside = (outer: readonly string[]) =>
          outer.every((k, i) => w.keys[i] === k) && w.keys.length > outer.length;
        if (inside(base)) forms.set(w.keys.slice(base.length).join('.'), w.keys.slice(base.length).join('.'));
        if (inside(from.keys))
          forms.set(`.${w.keys.slice(from.keys.length).join('.')}`, `.${w.keys.slice(from.keys.length).join('.')}`);
        if (w.state.id) forms.set(`#${w.state.id}`, `#${w.state.id}`);
        forms.set(full, full);
        if (!forms.has(w.keys[w.keys.length - 1])) forms.set(w.keys[w.keys.length - 1], full);
      }
      return closestNames(target, [...forms.keys()]).map((name) => forms.get(name) as string);
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
