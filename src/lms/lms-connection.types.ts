import type { LmsStandard } from './module-config.ts';

/** One choice as reported to an LMS. */
export interface ChoiceReport {
  /** A stable id: scenario, decision number and choice. */
  readonly id: string;
  /** The event of the choice taken. */
  readonly response: string;
  /** The choice's label, in the learner's language. */
  readonly description: string;
  /** Helped (tactic points), harmed, or neither. */
  readonly result: 'correct' | 'incorrect' | 'neutral';
  readonly at: Date;
}

/** Where the module stands, as reported. */
export interface ModuleStatus {
  /** 0–100, once a scenario has been scored. */
  readonly score: number | undefined;
  readonly completed: boolean;
  readonly passed: boolean | undefined;
  /** Share of the module done, 0–1. */
  readonly progress: number;
}

/**
 * The module's link to the LMS, one implementation per standard. Calls never throw: an LMS that
 * refuses a value is logged, and the learner plays on.
 */
export interface LmsConnection {
  readonly standard: LmsStandard | 'none';
  /** The progress saved at the end of the last attempt, if the learner is resuming. */
  readonly resume: string | undefined;
  /** The pass mark (0–100) the LMS set at launch, when it has its own (cmi5's masteryScore): it decides, and the learner reads it. */
  readonly passMark?: number;
  /** A choice, as an interaction (SCORM) or a statement (cmi5). */
  recordChoice(choice: ChoiceReport): Promise<void>;
  /** Saves progress and status, and commits: called at every decision. */
  save(progress: string, location: string, status: ModuleStatus): Promise<void>;
  /** The module is over: final status, normal exit, terminate. */
  finish(status: ModuleStatus): Promise<void>;
  /** The page is going away mid-module: suspend, so the next launch resumes. */
  leave(): void;
}
