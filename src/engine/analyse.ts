import { getInitialMicrosteps, getMicrosteps } from 'xstate';
import { getAdjacencyMap, getStateNodes } from 'xstate/graph';
import type { ScenarioMachine, ScenarioSnapshot } from './build-machine.ts';
import { activeNodes, choicesFor, currentScene, type OfferedChoice, sceneStage } from './choices.ts';
import { type UnmetAssumption, unmetAssumptions } from './ending-assumptions.ts';
import type { RunStep } from './run-state.ts';
import type { ChoiceMeta, ScenarioState } from './scenario.types.ts';
import { choicePoints, type Score, scoreChoices } from './score.ts';
import { strongComponents } from './strong-components.ts';

/** Traversal steps before giving up: far past any real scenario, short of hanging the checker. */
export const TRAVERSAL_LIMIT = 50_000;

/** A path to an ending, scored. */
export interface ScoredPath {
  readonly steps: readonly RunStep[];
  readonly score: Score;
  /** The keys of the ending it reaches. */
  readonly ending: readonly string[];
}

/** A situation met in the analysis: a scene, with the story's variables as they were. */
export interface Situation {
  readonly scene: readonly string[];
  readonly context: Readonly<Record<string, unknown>>;
}

/** What the graph of a scenario allows, over every situation (state + variables) a learner can reach. */
export interface ScenarioAnalysis {
  /** Distinct situations reachable. */
  readonly situations: number;
  /** Every state reached, as dotted keys. */
  readonly reachedStates: readonly string[];
  /** Endings reachable, as dotted keys. */
  readonly endings: readonly string[];
  /** Distinct paths from the start to an ending; Infinity when the story can loop. */
  readonly distinctPaths: number;
  /** Decisions on the longest path from the start to an ending; Infinity when the story can loop. */
  readonly longestPath: number;
  /** The best and worst score a path to an ending allows, with one such path each. */
  readonly best: ScoredPath | undefined;
  readonly worst: ScoredPath | undefined;
  /** Situations in which no choice is on offer, though the story has not ended. */
  readonly stuck: readonly Situation[];
  /** Situations from which no ending can be reached: cycles with no exit. */
  readonly noExit: readonly Situation[];
  /** Choices inside a loop that earn or lose points each time round. */
  readonly scoringLoops: readonly { source: readonly string[]; event: string }[];
  /** Paths that reach an ending without a choice its `meta.assumes` says every path has taken. */
  readonly unmetAssumptions: readonly UnmetAssumption[];
  /**
   * Choices that let the moment pass: in some situation a choice earns no tactic point and does no
   * harm, yet a learner who takes it can no longer reach the best score that situation allowed.
   * Each is the `meta` object of the choice in the scenario file, once. Empty when a scoring loop
   * leaves the best score undefined.
   */
  readonly passingChoices: readonly ChoiceMeta[];
}

interface Edge {
  readonly to: number;
  readonly step: RunStep;
  readonly points: number;
  readonly source: readonly string[];
}

/**
 * Explores every situation with XState's graph traversal (getAdjacencyMap, states serialised by value
 * and variables), then reads the facts off that graph. Returns undefined when the traversal exceeds
 * its limit: a story whose variables grow without bound.
 */
export function analyse(machine: ScenarioMachine): ScenarioAnalysis | undefined {
  const offered = new Map<string, OfferedChoice[]>();
  const serialize = (s: ScenarioSnapshot) => JSON.stringify([s.value, s.context]);
  const offeredIn = (s: ScenarioSnapshot) => {
    const key = serialize(s);
    const known = offered.get(key);
    if (known) return known;
    const choices = choicesFor(machine, s);
    offered.set(key, choices);
    return choices;
  };
  let adjacency: ReturnType<typeof getAdjacencyMap<ScenarioSnapshot, { type: string }, unknown>>;
  try {
    adjacency = getAdjacencyMap(machine as never, {
      serializeState: serialize,
      events: (s: ScenarioSnapshot) => offeredIn(s).map((c) => ({ type: c.event })),
      limit: TRAVERSAL_LIMIT,
    }) as typeof adjacency;
  } catch (error) {
    if (error instanceof Error && /limit/i.test(error.message)) return undefined;
    throw error;
  }

  const keys = Object.keys(adjacency);
  const indexOf = new Map(keys.map((k, i) => [k, i]));
  const snapshots = keys.map((k) => adjacency[k as keyof typeof adjacency].state);
  const isFinal = snapshots.map((s) => s.status === 'done');
  // Each situation's scene and stage, worked out once, not once per choice out of it.
  const scenes = snapshots.map((s) => currentScene(machine, s).keys);
  const assumes = snapshots.map((s, i) =>
    isFinal[i] ? ((currentScene(machine, s).config as ScenarioState).meta?.assumes ?? []) : [],
  );
  const stages = snapshots.map((s) => sceneStage(machine, s));
  const edges: Edge[][] = keys.map((key, from) =>
    Object.values(adjacency[key as keyof typeof adjacency].transitions).map(({ event, state }) => {
      const choice = offeredIn(snapshots[from]).find((c) => c.event === event.type) as OfferedChoice;
      const step: RunStep = { scene: scenes[from], stage: stages[from], event: event.type, meta: choice.meta };
      return {
        to: indexOf.get(serialize(state)) as number,
        step,
        points: choicePoints(choice.meta),
        source: choice.source,
      };
    }),
  );
  const situation = (i: number): Situation => ({ scene: scenes[i], context: snapshots[i].context });

  const canFinish = reachesAnEnding(edges, isFinal);
  const components = strongComponents(edges.map((out) => out.map((e) => e.to)));
  const componentOf = new Array<number>(keys.length);
  components.forEach((members, c) => {
    for (const m of members) componentOf[m] = c;
  });
  const loops = edges.flatMap((out, from) =>
    out.filter((e) => componentOf[e.to] === componentOf[from]).map((e) => ({ from, e })),
  );
  const scoringLoops = loops
    .filter(({ e }) => e.points !== 0)
    .map(({ e }) => ({ source: e.source, event: e.step.event }));
  const loopsToEnding = loops.some(({ from }) => canFinish[from]);
  const points = (e: Edge) => e.points;
  const bestValue = scoringLoops.length ? undefined : bestValues(edges, isFinal, components, (a, b) => a > b, points);
  const best = bestValue && followBest(bestValue, isFinal);
  const worst = scoringLoops.length ? undefined : bestPath(edges, isFinal, components, (a, b) => a < b, points);
  const longest = loopsToEnding
    ? undefined
    : bestPath(
        edges,
        isFinal,
        components,
        (a, b) => a > b,
        () => 1,
      );
  const toScored = (steps: RunStep[] | undefined, ending: number | undefined): ScoredPath | undefined =>
    steps && ending !== undefined ? { steps, score: scoreChoices(steps), ending: scenes[ending] } : undefined;

  return {
    situations: keys.length,
    reachedStates: reachedStates(machine, snapshots, edges),
    endings: [...new Set(scenes.filter((_, i) => isFinal[i]).map((scene) => scene.join('.')))],
    distinctPaths: loopsToEnding ? Number.POSITIVE_INFINITY : countPaths(edges, isFinal, components),
    longestPath: longest?.steps.length ?? Number.POSITIVE_INFINITY,
    best: best && toScored(best.steps, best.ending),
    worst: worst && toScored(worst.steps, worst.ending),
    stuck: keys.flatMap((_, i) => (!isFinal[i] && edges[i].length === 0 ? [situation(i)] : [])),
    noExit: keys.flatMap((_, i) => (!canFinish[i] && edges[i].length > 0 ? [situation(i)] : [])),
    scoringLoops,
    unmetAssumptions: unmetAssumptions({ edges, scenes, assumes }),
    passingChoices: bestValue ? passingChoices(edges, bestValue.value) : [],
  };
}

/** Choices worth 0 (no tactic point, no harm) whose best continuation falls short of their situation's best. */
function passingChoices(edges: readonly Edge[][], best: readonly (number | undefined)[]): ChoiceMeta[] {
  const found = new Set<ChoiceMeta>();
  edges.forEach((out, from) => {
    const here = best[from];
    for (const e of out) {
      const after = best[e.to];
      const nothing = e.points === 0 && !((e.step.meta.harm ?? 0) > 0);
      if (nothing && here !== undefined && after !== undefined && after < here) found.add(e.step.meta);
    }
  });
  return [...found];
}

/**
 * Every state entered on some path. Routers (states with eventless routes) are passed through within
 * one step and never rest in a snapshot, so where a scenario has any, each step's microsteps are read too.
 */
function reachedStates(
  machine: ScenarioMachine,
  snapshots: readonly ScenarioSnapshot[],
  edges: readonly Edge[][],
): string[] {
  const passed = [...snapshots];
  if (getStateNodes(machine.root).some((node) => node.always?.length)) {
    passed.push(...getInitialMicrosteps(machine).map(([s]) => s));
    edges.forEach((out, from) => {
      for (const e of out)
        passed.push(...getMicrosteps(machine, snapshots[from], { type: e.step.event }).map(([s]) => s));
    });
  }
  return [
    ...new Set(
      passed.flatMap((s) =>
        activeNodes(machine.root, s.value)
          .slice(1)
          .map((n) => n.path.join('.')),
      ),
    ),
  ];
}

/** Which situations can still reach an ending (backwards from the endings). */
function reachesAnEnding(edges: readonly Edge[][], isFinal: readonly boolean[]): boolean[] {
  const into: number[][] = edges.map(() => []);
  edges.forEach((out, from) => {
    for (const e of out) into[e.to].push(from);
  });
  const can = isFinal.slice();
  const queue = isFinal.flatMap((f, i) => (f ? [i] : []));
  while (queue.length) {
    for (const from of into[queue.pop() as number]) {
      if (!can[from]) {
        can[from] = true;
        queue.push(from);
      }
    }
  }
  return can;
}

/**
 * The best path by `better`, edges weighed by `weight`, from the start (situation 0) to an ending. Components come sinks first,
 * so each is settled once its successors are; inside a loop (whose choices score nothing) values are
 * relaxed until they settle. Only strict improvements are kept, so the path followed never loops.
 */
function bestPath(
  edges: readonly Edge[][],
  isFinal: readonly boolean[],
  components: readonly number[][],
  better: (a: number, b: number) => boolean,
  weight: (e: Edge) => number,
): { steps: RunStep[]; ending: number } | undefined {
  return followBest(bestValues(edges, isFinal, components, better, weight), isFinal);
}

/** Each situation's best value to an ending by `better` (undefined where none is reached), and the edge that gives it. */
function bestValues(
  edges: readonly Edge[][],
  isFinal: readonly boolean[],
  components: readonly number[][],
  better: (a: number, b: number) => boolean,
  weight: (e: Edge) => number,
): { value: (number | undefined)[]; next: (Edge | undefined)[] } {
  const value: (number | undefined)[] = isFinal.map((f) => (f ? 0 : undefined));
  const next: (Edge | undefined)[] = [];
  for (const members of components) {
    for (let changed = true, rounds = 0; changed && rounds <= members.length; rounds++) {
      changed = false;
      for (const from of members) {
        for (const e of edges[from]) {
          const after = value[e.to];
          if (after === undefined) continue;
          const candidate = weight(e) + after;
          if (value[from] === undefined || better(candidate, value[from] as number)) {
            value[from] = candidate;
            next[from] = e;
            changed = true;
          }
        }
      }
    }
  }
  return { value, next };
}

/** The path from the start that follows each situation's best edge, to an ending. */
function followBest(
  { value, next }: { value: readonly (number | undefined)[]; next: readonly (Edge | undefined)[] },
  isFinal: readonly boolean[],
): { steps: RunStep[]; ending: number } | undefined {
  if (value[0] === undefined) return undefined;
  const steps: RunStep[] = [];
  let at = 0;
  for (let e = next[at]; e && !isFinal[at]; e = next[at]) {
    steps.push(e.step);
    at = e.to;
  }
  return { steps, ending: at };
}

/** Paths from the start to an ending in a graph without loops, sinks first. */
function countPaths(edges: readonly Edge[][], isFinal: readonly boolean[], components: readonly number[][]): number {
  const count = isFinal.map((f) => (f ? 1 : 0));
  for (const [node] of components) {
    for (const e of edges[node]) count[node] += count[e.to];
  }
  return count[0];
}
