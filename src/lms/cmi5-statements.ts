import type { ChoiceReport } from './lms-connection.types.ts';
import { scorm2004Duration } from './scorm-values.ts';

const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

/**
 * Upstander's result extensions on an `answered` statement (xAPI 1.0.3 §2.4.4: extension keys are
 * IRIs; these are URNs, owned by no web domain): what the choice earned per tactic (an object of
 * tactic id → points), the harm it did (a number), the bystander step of its scene and the barrier it
 * reflects (ids from the scenario format; absent when the scenario names none).
 */
export const CHOICE_EXTENSIONS = {
  tactics: 'urn:upstander:xapi:extension:tactic-points',
  harm: 'urn:upstander:xapi:extension:harm',
  step: 'urn:upstander:xapi:extension:bystander-step',
  barrier: 'urn:upstander:xapi:extension:barrier',
} as const;

/** The `LMS.LaunchData` State document (cmi5 §10); the AU reads it and never writes it. */
export interface LaunchData {
  readonly contextTemplate?: {
    readonly extensions?: Record<string, unknown>;
    readonly contextActivities?: Record<string, readonly unknown[]>;
  };
  readonly launchMode?: 'Normal' | 'Browse' | 'Review';
  /** 0–1, up to 4 decimals: decides passed or failed when present. */
  readonly masteryScore?: number;
  readonly moveOn?: string;
  readonly returnURL?: string;
}

/** An xAPI statement as the AU sends it. */
export interface Cmi5Statement {
  readonly id: string;
  readonly actor: Record<string, unknown>;
  readonly verb: { readonly id: string; readonly display: { readonly 'en-US': string } };
  readonly object: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly context: Record<string, unknown>;
  readonly timestamp: string;
}

/**
 * Makes the AU's statements (cmi5 §9): a UUID id, the launch's actor, the context template with the
 * registration (nothing of the template overwritten), a UTC timestamp. "cmi5 defined" statements
 * (initialized, completed, passed, failed, terminated) have the AU as object and the cmi5 category;
 * those whose result has `completion` or `success` also the moveOn category; passed/failed carry the
 * score (scaled 0–1, raw 0–100) and the mastery score they were judged by. Durations are ISO 8601,
 * counted from the moment this was made (the session's start).
 */
export function cmi5Statements(
  launch: { actor: Record<string, unknown>; registration: string; activityId: string },
  launchData: LaunchData,
  mastery: number | undefined,
  now: () => number = Date.now,
) {
  const started = now();
  const template = launchData.contextTemplate ?? {};
  const duration = () => scorm2004Duration(now() - started);

  function statement(
    verb: keyof typeof VERBS,
    extra: {
      result?: Record<string, unknown>;
      object?: Record<string, unknown>;
      categories?: string[];
      extensions?: Record<string, unknown>;
    } = {},
  ): Cmi5Statement {
    const contextActivities: Record<string, readonly unknown[]> = { ...(template.contextActivities ?? {}) };
    if (extra.categories)
      contextActivities.category = [...(contextActivities.category ?? []), ...extra.categories.map((id) => ({ id }))];
    return {
      id: crypto.randomUUID(),
      actor: launch.actor,
      verb: { id: VERBS[verb], display: { 'en-US': verb } },
      object: extra.object ?? { id: launch.activityId, objectType: 'Activity' },
      ...(extra.result ? { result: extra.result } : {}),
      context: {
        ...template,
        registration: launch.registration,
        contextActivities,
        extensions: { ...(extra.extensions ?? {}), ...(template.extensions ?? {}) },
      },
      timestamp: new Date(now()).toISOString(),
    };
  }

  return {
    initialized: () => statement('initialized', { categories: [CMI5_CATEGORY] }),
    /** A choice: "cmi5 allowed" (§7.1.3), so the context template but not the cmi5 category. */
    answered: (choice: ChoiceReport) =>
      statement('answered', {
        object: {
          id: `${launch.activityId}/choices/${encodeURIComponent(choice.id)}`,
          objectType: 'Activity',
          definition: {
            type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
            interactionType: 'choice',
            description: { und: choice.description },
          },
        },
        result: {
          response: choice.response,
          ...(choice.result === 'neutral' ? {} : { success: choice.result === 'correct' }),
          extensions: {
            [CHOICE_EXTENSIONS.tactics]: choice.tactics,
            [CHOICE_EXTENSIONS.harm]: choice.harm,
            ...(choice.step ? { [CHOICE_EXTENSIONS.step]: choice.step } : {}),
            ...(choice.barrier ? { [CHOICE_EXTENSIONS.barrier]: choice.barrier } : {}),
          },
        },
      }),
    completed: () =>
      statement('completed', {
        result: { completion: true, duration: duration() },
        categories: [CMI5_CATEGORY, MOVEON_CATEGORY],
      }),
    /** Passed or failed with the module's score, 0–100. */
    judged: (passed: boolean, score: number) =>
      statement(passed ? 'passed' : 'failed', {
        result: { success: passed, score: { scaled: score / 100, raw: score, min: 0, max: 100 }, duration: duration() },
        categories: [CMI5_CATEGORY, MOVEON_CATEGORY],
        extensions: mastery === undefined ? {} : { [MASTERY_EXTENSION]: mastery },
      }),
    terminated: () => statement('terminated', { result: { duration: duration() }, categories: [CMI5_CATEGORY] }),
  };
}
