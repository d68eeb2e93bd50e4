import { waitForScormApi } from './find-scorm-api.ts';
import { languageTags } from './language-tags.ts';
import type { ChoiceReport, LaunchMode, LmsConnection, ModuleStatus } from './lms-connection.types.ts';
import {
  LIMITS,
  scorm12Time,
  scorm12Timespan,
  scorm2004Duration,
  scorm2004Timestamp,
  scormIdentifier,
} from './scorm-values.ts';

/** The SCORM 1.2 API object (`window.API`). */
interface Scorm12Api {
  LMSInitialize(p: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(p: ''): string;
  LMSFinish(p: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The SCORM 2004 API object (`window.API_1484_11`). */
interface Scorm2004Api {
  Initialize(p: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(p: ''): string;
  Terminate(p: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

type Pairs = [string, string][];

/** The calls and data-model elements of one SCORM edition, so one connection serves both. */
interface Dialect {
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): void;
  /** Commits; false (with the LMS's error logged) if the LMS refused. */
  commit(): boolean;
  terminate(): void;
  /** What the LMS holds from earlier sessions, its launch mode and credit. */
  held(): ModuleStatus | undefined;
  mode(): LaunchMode;
  credit(): boolean;
  readonly location: string;
  readonly exit: string;
  readonly normalExit: string;
  readonly sessionTime: (ms: number) => [string, string];
  choice(c: ChoiceReport, index: number): Pairs;
  /** Mid-module: not complete yet, and how far along (2004 only). */
  progress(measure: number): Pairs;
  /** The final result. */
  result(s: ModuleStatus): Pairs;
}

/** The LMS's own account of a failed call: error code, its text and the diagnostic. */
function lmsError(code: string, text: string, diagnostic: string): string {
  return `error ${code} (${text})${diagnostic && diagnostic !== text ? `: ${diagnostic}` : ''}`;
}

function scorm12(api: Scorm12Api, log: (m: string) => void): Dialect {
  const lastError = () => {
    const code = api.LMSGetLastError();
    return lmsError(code, api.LMSGetErrorString(code), api.LMSGetDiagnostic(code));
  };
  return {
    initialize: () => api.LMSInitialize('') === 'true',
    get: (e) => api.LMSGetValue(e),
    set: (e, v) => {
      if (api.LMSSetValue(e, v) !== 'true') log(`LMSSetValue(${e}) refused: ${lastError()}`);
    },
    commit: () => {
      const ok = api.LMSCommit('') === 'true';
      if (!ok) log(`LMSCommit refused: ${lastError()}`);
      return ok;
    },
    terminate: () => void api.LMSFinish(''),
    held: () => {
      const status = api.LMSGetValue('cmi.core.lesson_status');
      if (!['passed', 'failed', 'completed'].includes(status)) return undefined;
      const raw = api.LMSGetValue('cmi.core.score.raw');
      return {
        completed: true,
        passed: status === 'completed' ? undefined : status === 'passed',
        score: raw === '' ? undefined : Number(raw),
      };
    },
    mode: () => launchMode(api.LMSGetValue('cmi.core.lesson_mode')),
    credit: () => api.LMSGetValue('cmi.core.credit') !== 'no-credit',
    location: 'cmi.core.lesson_location',
    exit: 'cmi.core.exit',
    normalExit: '',
    sessionTime: (ms) => ['cmi.core.session_time', scorm12Timespan(ms)],
    // SCORM 1.2's \`choice\` response is single characters (0-9, a-z) standing for positions, which say
    // nothing once the choices are reordered; \`performance\` takes a CMIString255 (RTE 3.4.2), so the
    // choice's own name goes in, as 2004's choice response and cmi5's answered statement carry it.
    choice: (c, index) => {
      const at = `cmi.interactions.${index}`;
      return [
        [`${at}.id`, scormIdentifier(c.id, LIMITS.scorm12.identifier)],
        [`${at}.type`, 'performance'],
        [`${at}.student_response`, scormIdentifier(c.response, LIMITS.scorm12.identifier)],
        [`${at}.result`, c.result === 'incorrect' ? 'wrong' : c.result],
        [`${at}.time`, scorm12Time(c.at)],
      ];
    },
    // 1.2 has no progress measure, and a raw score would let the LMS decide pass or fail against the
    // mastery score when the session ends: mid-module, only "incomplete".
    progress: () => [['cmi.core.lesson_status', 'incomplete']],
    result: (s) => [
      ...(s.score === undefined
        ? []
        : ([
            ['cmi.core.score.min', '0'],
            ['cmi.core.score.max', '100'],
            ['cmi.core.score.raw', String(s.score)],
          ] as Pairs)),
      [
        'cmi.core.lesson_status',
        !s.completed ? 'incomplete' : s.passed === undefined ? 'completed' : s.passed ? 'passed' : 'failed',
      ],
    ],
  };
}

function scorm2004(api: Scorm2004Api, log: (m: string) => void): Dialect {
  const lastError = () => {
    const code = api.GetLastError();
    return lmsError(code, api.GetErrorString(code), api.GetDiagnostic(code));
  };
  return {
    initialize: () => api.Initialize('') === 'true',
    get: (e) => api.GetValue(e),
    set: (e, v) => {
      if (api.SetValue(e, v) !== 'true') log(`SetValue(${e}) refused: ${lastError()}`);
    },
    commit: () => {
      const ok = api.Commit('') === 'true';
      if (!ok) log(`Commit refused: ${lastError()}`);
      return ok;
    },
    terminate: () => void api.Terminate(''),
    held: () => {
      if (api.GetValue('cmi.completion_status') !== 'completed') return undefined;
      const success = api.GetValue('cmi.success_status');
      const scaled = api.GetValue('cmi.score.scaled');
      return {
        completed: true,
        passed: success === 'passed' ? true : success === 'failed' ? false : undefined,
        score: scaled === '' ? undefined : Math.round(Number(scaled) * 100),
      };
    },
    mode: () => launchMode(api.GetValue('cmi.mode')),
    credit: () => api.GetValue('cmi.credit') !== 'no-credit',
    location: 'cmi.location',
    exit: 'cmi.exit',
    normalExit: 'normal',
    sessionTime: (ms) => ['cmi.session_time', scorm2004Duration(ms)],
    choice: (c, index) => {
      const at = `cmi.interactions.${index}`;
      return [
        [`${at}.id`, scormIdentifier(c.id, LIMITS.scorm2004.identifier)],
        [`${at}.type`, 'choice'],
        [`${at}.timestamp`, scorm2004Timestamp(c.at)],
        [`${at}.learner_response`, scormIdentifier(c.response)],
        [`${at}.result`, c.result],
        [`${at}.description`, c.description.slice(0, LIMITS.scorm2004.description)],
      ];
    },
    // A scaled score before the end would let the LMS decide success against the scaled passing score;
    // the progress measure stays below 1 (and below a completion threshold of 1) until the module is done.
    progress: (measure) => [
      ['cmi.completion_status', 'incomplete'],
      ['cmi.progress_measure', String(Math.min(0.99, Math.floor(measure * 100) / 100))],
    ],
    result: (s) => [
      ...(s.score === undefined
        ? []
        : ([
            ['cmi.score.min', '0'],
            ['cmi.score.max', '100'],
            ['cmi.score.raw', String(s.score)],
            ['cmi.score.scaled', String(s.score / 100)],
          ] as Pairs)),
      ...(s.completed ? ([['cmi.progress_measure', '1']] as Pairs) : []),
      ['cmi.completion_status', s.completed ? 'completed' : 'incomplete'],
      ['cmi.success_status', s.passed === undefined ? 'unknown' : s.passed ? 'passed' : 'failed'],
    ],
  };
}

function launchMode(value: string): LaunchMode {
  return value === 'review' || value === 'browse' ? value : 'normal';
}

/**
 * Whether a new result may replace the one the LMS holds: never a lower one. Passed ranks above
 * completed without a score, which ranks above failed; at the same rank, only a higher score.
 */
export function improves(held: ModuleStatus | undefined, next: ModuleStatus): boolean {
  if (!held?.completed) return true;
  if (!next.completed) return false;
  const rank = (s: ModuleStatus) => (s.passed === true ? 2 : s.passed === undefined ? 1 : 0);
  if (rank(next) !== rank(held)) return rank(next) > rank(held);
  return (next.score ?? -1) > (held.score ?? -1);
}

/** The LMS's API for the edition, once found (it may appear a few seconds late), with its element names. */
async function findDialect(
  edition: 'scorm12' | 'scorm2004',
  log: (m: string) => void,
  within: number,
): Promise<Dialect | undefined> {
  if (edition === 'scorm12') {
    const api = await waitForScormApi<Scorm12Api>('API', { within });
    return api && scorm12(api, log);
  }
  const api = await waitForScormApi<Scorm2004Api>('API_1484_11', { within });
  return api && scorm2004(api, log);
}

/** Back-off between retries of a refused commit, in ms: 0.5 s, doubling, at most 15 s. */
export function commitRetryDelay(attempt: number): number {
  return Math.min(15_000, 500 * 2 ** attempt);
}

/**
 * The module's link to a SCORM LMS, 1.2 or 2004: incomplete from the moment it opens, resume from
 * suspend data, each choice as an interaction, a commit at every decision (retried with back-off while the LMS refuses it), the result
 * as soon as it is final, exit `suspend` when left mid-way and normal when finished. In review or browse
 * mode, or without credit, nothing that counts is written; a result the LMS holds is never lowered, and
 * practice after a completed attempt writes no interactions.
 */
export async function connectScorm(
  edition: 'scorm12' | 'scorm2004',
  { log = console.warn, within = 5000 }: { log?: (m: string) => void; within?: number } = {},
): Promise<LmsConnection | undefined> {
  const dialect = await findDialect(edition, log, within);
  if (!dialect?.initialize()) return undefined;
  const started = Date.now();
  const resume = dialect.get('cmi.suspend_data') || undefined;
  const limits = edition === 'scorm12' ? LIMITS.scorm12 : LIMITS.scorm2004;
  const mode = dialect.mode();
  const counts = mode === 'normal' && dialect.credit();
  const languages = languageTags(
    dialect.get(edition === 'scorm12' ? 'cmi.student_preference.language' : 'cmi.learner_preference.language'),
  );
  let held = dialect.held();
  // Interactions from earlier attempts stay in the LMS (both editions call the count the same): new ones go after them.
  let interactions = Number.parseInt(dialect.get('cmi.interactions._count'), 10) || 0;
  let open = true;
  let completed = false;

  const listeners = new Set<(failing: boolean) => void>();
  let failing = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const report = (now: boolean) => {
    if (now === failing) return;
    failing = now;
    for (const listener of listeners) listener(now);
  };
  /** Commits; if the LMS refuses, tries again with back-off until it accepts or the session ends. */
  const commit = () => {
    clearTimeout(retry);
    retry = undefined;
    if (dialect.commit()) {
      attempt = 0;
      report(false);
      return;
    }
    report(true);
    if (!open) return;
    retry = setTimeout(commit, commitRetryDelay(attempt));
    attempt += 1;
  };
  const close = (exit: string) => {
    if (!open) return;
    open = false;
    clearTimeout(retry);
    dialect.set(dialect.exit, exit);
    dialect.set(...dialect.sessionTime(Date.now() - started));
    commit();
    dialect.terminate();
  };
  const writes = (pairs: Pairs) => {
    for (const [element, value] of pairs) dialect.set(element, value);
  };
  // Opened is begun: a learner who reads the content note and leaves shows as incomplete, not "not
  // attempted" (1.2) or "unknown" (2004), from the first moment.
  if (counts && !held?.completed) {
    writes(dialect.progress(0));
    commit();
  }
  return {
    standard: edition,
    resume,
    held,
    mode,
    counts,
    languages,
    async recordChoice(choice) {
      // Once the LMS holds a completed attempt, playing again is practice: its choices are not the attempt's.
      if (!open || !counts || held?.completed) return;
      writes(dialect.choice(choice, interactions));
      interactions += 1;
    },
    async save(progress, location, measure) {
      if (!open || mode !== 'normal') return;
      if (progress.length > limits.suspendData)
        log(`Progress is ${progress.length} characters; the LMS keeps ${limits.suspendData}.`);
      else dialect.set('cmi.suspend_data', progress);
      dialect.set(dialect.location, location.slice(0, limits.location));
      if (counts && !held?.completed && !completed) writes(dialect.progress(measure));
      dialect.set(dialect.exit, 'suspend');
      commit();
    },
    async complete(status) {
      if (!open || !counts) return;
      completed = status.completed;
      if (!improves(held, status)) return;
      writes(dialect.result(status));
      if (status.completed) held = status;
      commit();
    },
    async finish() {
      close(completed || held?.completed ? dialect.normalExit : 'suspend');
    },
    leave: () => close(completed || held?.completed ? dialect.normalExit : 'suspend'),
    onTrouble(listener) {
      listeners.add(listener);
      if (failing) listener(true);
      return () => listeners.delete(listener);
    },
  };
}
