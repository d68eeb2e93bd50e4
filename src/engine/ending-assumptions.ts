/** A path that reaches an ending without a choice the ending assumes (`meta.assumes`). */
export interface UnmetAssumption {
  /** The ending's keys. */
  readonly ending: readonly string[];
  /** The assumed choice's event name, never taken on `path`. */
  readonly event: string;
  /** The scenes the path passes through, from the start, ending with the ending itself. */
  readonly path: readonly (readonly string[])[];
}

/** The situation graph as the analysis holds it: situation 0 is the start. */
export interface SituationGraph {
  /** Out-edges per situation: the event taken and the situation it leads to. */
  readonly edges: readonly (readonly { readonly to: number; readonly step: { readonly event: string } }[])[];
  /** Each situation's scene (an ending's keys for a final situation). */
  readonly scenes: readonly (readonly string[])[];
  /** Per situation: the choices its ending assumes ([] for a situation that is not an ending). */
  readonly assumes: readonly (readonly string[])[];
}

/**
 * For each choice some ending assumes, a breadth-first walk of the situations (state and variables,
 * so guards are taken into account) that never takes that choice: every ending assuming it that the
 * walk still reaches is reached by a path without it. One path per ending and choice, the shortest.
 * Linear in the graph's size per assumed choice.
 */
export function unmetAssumptions({ edges, scenes, assumes }: SituationGraph): UnmetAssumption[] {
  const found: UnmetAssumption[] = [];
  const reported = new Set<string>();
  for (const event of new Set(assumes.flat())) {
    const cameFrom = new Map<number, number>([[0, -1]]);
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const from = queue[head];
      for (const edge of edges[from]) {
        if (edge.step.event === event || cameFrom.has(edge.to)) continue;
        cameFrom.set(edge.to, from);
        queue.push(edge.to);
      }
    }
    for (const situation of queue) {
      const key = `${scenes[situation].join('.')}|${event}`;
      if (!assumes[situation].includes(event) || reported.has(key)) continue;
      reported.add(key);
      const path: (readonly string[])[] = [];
      for (let at = situation; at >= 0; at = cameFrom.get(at) as number) path.unshift(scenes[at]);
      found.push({ ending: scenes[situation], event, path });
    }
  }
  return found;
}
