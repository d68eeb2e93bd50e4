import type { Choice, Route, Scenario, ScenarioState, Stage } from './scenario.types.ts';

/** A state met on the walk, with where it sits. */
export interface WalkedState {
  /** The state's keys from the root, e.g. ['party', 'kitchen']. */
  readonly keys: readonly string[];
  /** JSON Pointer segments to it in the file. */
  readonly at: readonly string[];
  readonly state: ScenarioState;
  /** The enclosing state, or undefined at the top level. */
  readonly parent: WalkedState | undefined;
}

/** Every state, parents before children: the one walk the checks share. */
export function* walkStates(scenario: Scenario): Generator<WalkedState> {
  yield* walkChildren(scenario.states, [], [], undefined);
}

function* walkChildren(
  states: Readonly<Record<string, ScenarioState>>,
  keys: readonly string[],
  at: readonly string[],
  parent: WalkedState | undefined,
): Generator<WalkedState> {
  for (const [key, state] of Object.entries(states)) {
    const walked: WalkedState = { keys: [...keys, key], at: [...at, 'states', key], state, parent };
    yield walked;
    if (state.states) yield* walkChildren(state.states, walked.keys, walked.at, walked);
  }
}

/** A choice of a state (an `on` or `after` transition, or one guarded alternative), with its place in the file. */
export interface WalkedChoice {
  readonly group: 'on' | 'after';
  /** The event name, or the delay for `after`. */
  readonly key: string;
  readonly choice: Choice;
  readonly at: readonly string[];
}

export function* stateChoices(state: ScenarioState, at: readonly string[]): Generator<WalkedChoice> {
  for (const group of ['on', 'after'] as const) {
    for (const [key, choices] of Object.entries(state[group] ?? {})) {
      if (Array.isArray(choices)) {
        for (const [i, choice] of choices.entries()) yield { group, key, choice, at: [...at, group, key, String(i)] };
      } else yield { group, key, choice: choices as Choice, at: [...at, group, key] };
    }
  }
}

/** A state's eventless routes, with their place in the file. */
export function* stateRoutes(
  state: ScenarioState,
  at: readonly string[],
): Generator<{ route: Route; at: readonly string[] }> {
  const { always } = state;
  if (always === undefined) return;
  if (Array.isArray(always))
    for (const [i, route] of always.entries()) yield { route, at: [...at, 'always', String(i)] };
  else yield { route: always as Route, at: [...at, 'always'] };
}

/** True for a state that has transitions of any kind. */
export function hasWayOut(state: ScenarioState): boolean {
  return [state.on, state.after].some((group) => group && Object.keys(group).length > 0) || state.always !== undefined;
}

/** How big a scenario is: its states, choices (each guarded alternative counts) and endings. */
export function scenarioParts(scenario: Scenario): { states: number; choices: number; endings: number } {
  let states = 0;
  let choices = 0;
  let endings = 0;
  for (const { state, at } of walkStates(scenario)) {
    states++;
    if (state.type === 'final') endings++;
    for (const _ of stateChoices(state, at)) choices++;
  }
  return { states, choices, endings };
}

/** The tactics a scenario lets a learner practise: every tactic some choice earns points for, in first-met order. */
export function practisedTactics(scenario: Scenario): string[] {
  const found = new Set<string>();
  for (const { state, at } of walkStates(scenario)) {
    for (const { choice } of stateChoices(state, at)) {
      for (const [tactic, points] of Object.entries(choice.meta.tactics ?? {})) if (points > 0) found.add(tactic);
    }
  }
  return [...found];
}

/**
 * For each bystander step, how many of the scenario's scenes at that step offer a choice that earns
 * tactic points: the chances it gives to practise that step.
 */
export function practisedStages(scenario: Scenario): Partial<Record<Stage, number>> {
  const found: Partial<Record<Stage, number>> = {};
  for (const { state, at } of walkStates(scenario)) {
    const stage = state.meta?.stage;
    if (!stage) continue;
    const chance = [...stateChoices(state, at)].some(({ choice }) =>
      Object.values(choice.meta.tactics ?? {}).some((points) => points > 0),
    );
    if (chance) found[stage] = (found[stage] ?? 0) + 1;
  }
  return found;
}
