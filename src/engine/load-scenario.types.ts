import type { ScenarioAnalysis } from './analyse.ts';
import type { ScenarioMachine } from './build-machine.ts';
import type { Scenario } from './scenario.types.ts';
import type { ScenarioIssue } from './scenario-issue.ts';

/** A problem in a named file. */
export interface FileIssue extends ScenarioIssue {
  /** The file, as the caller named it ("" when loaded from a value). */
  readonly file: string;
}

/** A scenario that passed every check, ready to play. */
export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly machine: ScenarioMachine;
  readonly analysis: ScenarioAnalysis;
}

export type LoadResult = ({ ok: true } & LoadedScenario) | { ok: false; issues: FileIssue[] };
