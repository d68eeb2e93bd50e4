import type { Stage } from '../engine/scenario.types.ts';
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
  /** Points per tactic id the choice earned (only those above 0). */
  readonly tactics: Readonly<Record<string, number>>;
  /** Harm it did, 0 or more. */
  readonly harm: number;
  /** The bystander step of the scene it was made in, if the scene names one. */
  readonly step: Stage | undefined;
  /** The barrier the choice reflects (`meta.barrier`), if it names one. */
  readonly barrier: string | undefined;
  readonly at: Date;
}

/** A module's result: final once every scenario has been played or skipped. */
export interface ModuleStatus {
  /** Complete, by the module's skip rule. */
  readonly completed: boolean;
  /** 0–100, the module's score; undefined if no scenario counts for one (all skipped). */
  readonly score: number | undefined;
  /** Against the pass mark; undefined without a score. */
  readonly passed: boolean | undefined;
}

/** How the LMS launched the module: `normal`, or `review` / `browse`, in which nothing that counts is written. */
export type LaunchMode = 'normal' | 'review' | 'browse';

/**
 * The module's link to the LMS, one implementation per standard. Calls never throw: an LMS that
 * refuses a value is logged, and the learner plays on. Nothing the LMS could turn into a pass or a fail
 * (a score, a success status) is written before `complete`, and nothing written lowers what the LMS
 * already holds from an earlier session.
 */
export interface LmsConnection {
  readonly standard: LmsStandard | 'none';
  /** The progress saved in an earlier session (whatever the LMS says `entry` is), if any. */
  readonly resume: string | undefined;
  /** The result the LMS already holds from an earlier session, if that session completed the module. */
  readonly held: ModuleStatus | undefined;
  /** `review` or `browse` (SCORM lesson_mode / mode, cmi5 launchMode), or `normal`. */
  readonly mode: LaunchMode;
  /** False when nothing this session does counts: review or browse mode, or launched without credit. */
  readonly counts: boolean;
  /**
   * The learner's preferred languages as the LMS holds them, most wanted first (RFC 5646 tags, e.g.
   * `es-MX`): SCORM 1.2 `cmi.student_preference.language`, SCORM 2004 `cmi.learner_preference.language`,
   * cmi5's `languagePreference` (§11.0). Empty when the LMS has none.
   */
  readonly languages: readonly string[];
  /** The pass mark (0–100) the LMS set at launch, when it has its own (cmi5's masteryScore): it decides, and the learner reads it. */
  readonly passMark?: number;
  /** A choice, as an interaction (SCORM) or a statement (cmi5). */
  recordChoice(choice: ChoiceReport): Promise<void>;
  /**
   * Saves the resume state, the location and the share of the module done (0–1), and commits: called at
   * every decision. Writes no score and no success.
   */
  save(progress: string, location: string, measure: number): Promise<void>;
  /** The module's result, as soon as it is final (the last scenario's ending): recorded and committed. */
  complete(status: ModuleStatus): Promise<void>;
  /** The learner is done with the module: normal exit, the session ends. */
  finish(): Promise<void>;
  /** The page is going away: suspend (normal exit once complete), so the next launch resumes. */
  leave(): void;
  /**
   * Called with true when saving starts failing (the LMS refused a commit; retries go on) and with false
   * once a save goes through again. Returns a function that stops the calls.
   */
  onTrouble(listener: (failing: boolean) => void): () => void;
}
