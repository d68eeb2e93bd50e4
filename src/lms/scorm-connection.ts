import { findScormApi } from './find-scorm-api.ts';
import type { ChoiceReport, LmsConnection, ModuleStatus } from './lms-connection.types.ts';
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
}

/** The SCORM 2004 API object (`window.API_1484_11`). */
interface Scorm2004Api {
  Initialize(p: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(p: ''): string;
  Terminate(p: ''): string;
  GetLastError(): string;
}

/** The calls and data-model elements of one SCORM edition, so one connection serves both. */
interface Dialect {
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): void;
  commit(): void;
  terminate(): void;
  readonly entry: string;
  readonly location: string;
  readonly exit: string;
  readonly normalExit: string;
  readonly sessionTime: (ms: number) => [string, string];
  choice(c: ChoiceReport, index: number): [string, string][];
  status(s: ModuleStatus, finished: boolean): [string, string][];
}

function scorm12(api: Scorm12Api, log: (m: string) => void): Dialect {
  return {
    initialize: () => api.LMSInitialize('') === 'true',
    get: (e) => api.LMSGetValue(e),
    set: (e, v) => {
      if (api.LMSSetValue(e, v) !== 'true') log(`LMSSetValue(${e}) refused: error ${api.LMSGetLastError()}`);
    },
    commit: () => void api.LMSCommit(''),
    terminate: () => void api.LMSFinish(''),
    entry: 'cmi.core.entry',
    location: 'cmi.core.lesson_location',
    exit: 'cmi.core.exit',
    normalExit: '',
    sessionTime: (ms) => ['cmi.core.session_time', scorm12Timespan(ms)],
    choice: (c, index) => {
      const at = `cmi.interactions.${index}`;
      return [
        [`${at}.id`, scormIdentifier(c.id, LIMITS.scorm12.identifier)],
        [`${at}.type`, 'choice'],
        [`${at}.student_response`, scormIdentifier(c.response, LIMITS.scorm12.identifier)],
        [`${at}.result`, c.result === 'incorrect' ? 'wrong' : c.result],
        [`${at}.time`, scorm12Time(c.at)],
      ];
    },
    status: (s, finished) => [
      ...(s.score === undefined
        ? []
        : ([
            ['cmi.core.score.min', '0'],
            ['cmi.core.score.max', '100'],
            ['cmi.core.score.raw', String(s.score)],
          ] as [string, string][])),
      [
        'cmi.core.lesson_status',
        !finished || !s.completed
          ? 'incomplete'
          : s.passed === undefined
            ? 'completed'
            : s.passed
              ? 'passed'
              : 'failed',
      ],
    ],
  };
}

function scorm2004(api: Scorm2004Api, log: (m: string) => void): Dialect {
  return {
    initialize: () => api.Initialize('') === 'true',
    get: (e) => api.GetValue(e),
    set: (e, v) => {
      if (api.SetValue(e, v) !== 'true') log(`SetValue(${e}) refused: error ${api.GetLastError()}`);
    },
    commit: () => void api.Commit(''),
    terminate: () => void api.Terminate(''),
    entry: 'cmi.entry',
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
    status: (s, finished) => [
      ...(s.score === undefined
        ? []
        : ([
            ['cmi.score.min', '0'],
            ['cmi.score.max', '100'],
            ['cmi.score.raw', String(s.score)],
            ['cmi.score.scaled', String(s.score / 100)],
          ] as [string, string][])),
      ['cmi.progress_measure', String(Math.round(s.progress * 100) / 100)],
      ['cmi.completion_status', finished && s.completed ? 'completed' : 'incomplete'],
      ['cmi.success_status', !finished || s.passed === undefined ? 'unknown' : s.passed ? 'passed' : 'failed'],
    ],
  };
}

/** The LMS's API for the edition, if one is found, with that edition's element names. */
function findDialect(edition: 'scorm12' | 'scorm2004', log: (m: string) => void): Dialect | undefined {
  if (edition === 'scorm12') {
    const api = findScormApi<Scorm12Api>('API');
    return api && scorm12(api, log);
  }
  const api = findScormApi<Scorm2004Api>('API_1484_11');
  return api && scorm2004(api, log);
}

/**
 * The module's link to a SCORM LMS, 1.2 or 2004: resume from suspend data, each choice as an
 * interaction, a commit at every decision, exit `suspend` when left mid-way and normal when finished.
 */
export function connectScorm(
  edition: 'scorm12' | 'scorm2004',
  log: (m: string) => void = console.warn,
): LmsConnection | undefined {
  const dialect = findDialect(edition, log);
  if (!dialect?.initialize()) return undefined;
  const started = Date.now();
  const resume = dialect.get(dialect.entry) === 'resume' ? dialect.get('cmi.suspend_data') || undefined : undefined;
  const limits = edition === 'scorm12' ? LIMITS.scorm12 : LIMITS.scorm2004;
  // Interactions from earlier attempts stay in the LMS (both editions call the count the same): new ones go after them.
  let interactions = Number.parseInt(dialect.get('cmi.interactions._count'), 10) || 0;
  let open = true;
  const close = (exit: string) => {
    if (!open) return;
    open = false;
    dialect.set(dialect.exit, exit);
    dialect.set(...dialect.sessionTime(Date.now() - started));
    dialect.commit();
    dialect.terminate();
  };
  return {
    standard: edition,
    resume,
    async recordChoice(choice) {
      if (!open) return;
      for (const [element, value] of dialect.choice(choice, interactions)) dialect.set(element, value);
      interactions += 1;
    },
    async save(progress, location, status) {
      if (!open) return;
      if (progress.length > limits.suspendData)
        log(`Progress is ${progress.length} characters; the LMS keeps ${limits.suspendData}.`);
      else dialect.set('cmi.suspend_data', progress);
      dialect.set(dialect.location, location.slice(0, limits.location));
      for (const [element, value] of dialect.status(status, false)) dialect.set(element, value);
      dialect.set(dialect.exit, 'suspend');
      dialect.commit();
    },
    async finish(status) {
      if (!open) return;
      for (const [element, value] of dialect.status(status, true)) dialect.set(element, value);
      close(dialect.normalExit);
    },
    leave: () => close('suspend'),
  };
}
