import type { ScenarioAnalysis } from '../engine/analyse.ts';

/** The paths the map marks, as dotted state keys: the best and worst paths' scenes, then their ending. */
export interface MapPaths {
  readonly best: readonly string[];
  readonly worst: readonly string[];
}

/** The paths of an analysed scenario, as plain data (the checker's worker sends them to the page). */
export function mapPaths(analysis: ScenarioAnalysis): MapPaths {
  const along = (path: ScenarioAnalysis['best']) =>
    path ? [...path.steps.map((s) => s.scene.join('.')), path.ending.join('.')] : [];
  return { best: along(analysis.best), worst: along(analysis.worst) };
}
