import { type ReactNode, use } from 'react';
import type { Scenario } from '../engine/scenario.types.ts';

/** One loader a playable scenario, by id: each scenario is its own chunk, fetched when it is played. */
export type ScenarioLoaders = Readonly<Record<string, () => Promise<{ scenario: Scenario }>>>;

// One promise per scenario, kept, so React's use() sees the same promise on every render.
const loading = new Map<string, Promise<Scenario>>();

/** Drops the loaded copies of these scenarios (changed on the server): the next render loads them again. */
export function forgetLoaded(ids: Iterable<string>) {
  for (const id of ids) loading.delete(id);
}

/** Renders a scenario once its chunk has loaded; the nearest Suspense boundary shows progress meanwhile. */
export function ScenarioById({
  id,
  loaders,
  children,
}: {
  id: string;
  loaders: ScenarioLoaders;
  children: (scenario: Scenario) => ReactNode;
}) {
  let promise = loading.get(id);
  if (!promise) {
    promise = loaders[id]().then((module) => module.scenario);
    loading.set(id, promise);
  }
  return children(use(promise));
}
