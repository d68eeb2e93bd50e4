import type { AnyStateNode, StateValue } from 'xstate';
import type { ScenarioMachine, ScenarioSnapshot } from './build-machine.ts';
import type { ChoiceMeta, ScenarioState, Stage } from './scenario.types.ts';

/** A choice on offer in a situation, as the learner sees it. */
export interface OfferedChoice {
  /** The event to send to take it (XState's own `xstate.after.…` event for a timed choice). */
  readonly event: string;
  /** Label, feedback, tactics and harm of the alternative that applies now. */
  readonly meta: ChoiceMeta;
  /** For a timed choice, the delay in milliseconds; the player runs the visible countdown. */
  readonly delay: number | undefined;
  /** The keys of the state that defines the choice (the scene, or a state enclosing it). */
  readonly source: readonly string[];
}

/**
 * The choices on offer in a snapshot: every event the active states handle, in the order the learner
 * reads them (innermost state first), each resolved by XState itself, guards and priority included.
 */
export function choicesFor(machine: ScenarioMachine, snapshot: ScenarioSnapshot): OfferedChoice[] {
  if (snapshot.status !== 'active') return [];
  const offered: OfferedChoice[] = [];
  const seen = new Set<string>();
  for (const node of activeNodes(machine.root, snapshot.value).reverse()) {
    for (const event of node.transitions.keys()) {
      if (seen.has(event)) continue;
      seen.add(event);
      const [taken] = machine.getTransitionData(snapshot as never, { type: event });
      if (!taken?.meta) continue;
      const delay = node.after.find((t) => t.eventType === event)?.delay;
      offered.push({
        event,
        meta: taken.meta as ChoiceMeta,
        delay: delay === undefined ? undefined : Number(delay),
        source: taken.source.path,
      });
    }
  }
  return offered;
}

/** The active state nodes for a state value, outermost first. */
export function activeNodes(root: AnyStateNode, value: StateValue): AnyStateNode[] {
  if (typeof value === 'string') return [root, root.states[value]];
  return [root, ...Object.entries(value).flatMap(([key, child]) => activeNodes(root.states[key], child as StateValue))];
}

/** The scene the learner is in: the innermost active state. */
export function currentScene(
  machine: ScenarioMachine,
  snapshot: ScenarioSnapshot,
): { keys: readonly string[]; config: ScenarioState } {
  const nodes = activeNodes(machine.root, snapshot.value);
  const leaf = nodes[nodes.length - 1];
  return { keys: leaf.path, config: leaf.config as ScenarioState };
}

/** The bystander stage of the scene: its own, or the nearest enclosing state's. */
export function sceneStage(machine: ScenarioMachine, snapshot: ScenarioSnapshot): Stage | undefined {
  return activeNodes(machine.root, snapshot.value)
    .map((node) => (node.config as ScenarioState).meta?.stage)
    .findLast((stage) => stage !== undefined);
}
