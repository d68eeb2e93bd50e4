import { Graph, layout } from '@dagrejs/dagre';
import type { FacilitatorGuide } from '../engine/facilitator-guide.types.ts';
import type { EndingKind, Stage } from '../engine/scenario.types.ts';
import type { MapPaths } from './scenario-map-paths.ts';

/** A scene or an ending on the map, with its box (centre and size, in CSS pixels). */
export interface MapNode {
  /** The state's dotted keys: where it is in the file. */
  readonly key: string;
  readonly kind: 'scene' | 'ending';
  /** A scene's or an ending's number, as the guide and the review script count them. */
  readonly number: number;
  /** An ending's title; a scene's first words. */
  readonly text: string;
  readonly stage?: Stage;
  readonly endingKind?: EndingKind;
  readonly best: boolean;
  readonly worst: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where a choice leads: one line per pair of states, however many choices share it. */
export interface MapEdge {
  readonly from: string;
  readonly to: string;
  /** How many choices lead this way. */
  readonly choices: number;
  readonly best: boolean;
  readonly worst: boolean;
  /** The line's points, in CSS pixels. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface ScenarioMap {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  readonly width: number;
  readonly height: number;
}

export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 72;

const firstWords = (text: string, words = 8) => {
  const all = text.split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
};

/**
 * The scenario as a graph to look at: its scenes and endings (as the facilitator guide numbers them)
 * and a line for each way a choice leads, laid out top to bottom by dagre (the Sugiyama layout of the
 * graphlib family). Marks the best and worst paths the analysis found: a line is on a path when the
 * path goes from its first state straight to its second. (A state no path reaches is an error the
 * checker names, so a scenario that loads has none.) Pure: the same scenario gives the same map.
 */
export function scenarioMap(guide: FacilitatorGuide, paths: MapPaths): ScenarioMap {
  const onPath = (path: readonly string[]) => {
    const steps = new Set(path.slice(1).map((to, i) => `${path[i]}→${to}`));
    return { node: new Set(path), edge: (from: string, to: string) => steps.has(`${from}→${to}`) };
  };
  const best = onPath(paths.best);
  const worst = onPath(paths.worst);

  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 48, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const base = [
    ...guide.scenes.map((s) => ({
      key: s.key,
      kind: 'scene' as const,
      number: s.number,
      text: firstWords(s.narrative[0] ?? s.key),
      stage: s.stage,
    })),
    ...guide.endings.map((e) => ({
      key: e.key,
      kind: 'ending' as const,
      number: e.number,
      text: e.title,
      endingKind: e.kind,
    })),
  ];
  for (const node of base) g.setNode(node.key, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const counts = new Map<string, { from: string; to: string; choices: number }>();
  for (const scene of guide.scenes)
    for (const choice of scene.choices)
      for (const to of choice.leadsTo) {
        if (to.kind === 'stay') continue;
        const target = to.kind === 'scene' ? guide.scenes[to.number - 1]?.key : guide.endings[to.number - 1]?.key;
        if (!target || target === scene.key) continue;
        const id = `${scene.key}→${target}`;
        const edge = counts.get(id) ?? { from: scene.key, to: target, choices: 0 };
        counts.set(id, { ...edge, choices: edge.choices + 1 });
      }
  for (const edge of counts.values()) g.setEdge(edge.from, edge.to);
  layout(g);

  const nodes = base.map((node) => {
    const box = g.node(node.key);
    return {
      ...node,
      best: best.node.has(node.key),
      worst: worst.node.has(node.key),
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
    };
  });
  const edges = [...counts.values()].map((edge) => ({
    ...edge,
    best: best.edge(edge.from, edge.to),
    worst: worst.edge(edge.from, edge.to),
    points: g.edge(edge.from, edge.to).points ?? [],
  }));
  const size = g.graph();
  return { nodes, edges, width: size.width ?? 0, height: size.height ?? 0 };
}
