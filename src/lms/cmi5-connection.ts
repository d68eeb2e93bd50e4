import { type Cmi5Statement, cmi5Statements, type LaunchData } from './cmi5-statements.ts';
import { languageTags } from './language-tags.ts';
import type { ChoiceReport, LaunchMode, LmsConnection, ModuleStatus } from './lms-connection.types.ts';

const XAPI_VERSION = '1.0.3';
/** Our own State API documents, per registration: the module's progress, and what the registration was told. */
const PROGRESS_STATE = 'upstander.progress';
const SENT_STATE = 'upstander.cmi5';
/** Network failures and 5xx answers are retried after these waits (ms); a refusal (4xx) is not. */
const RETRY_MS = [500, 1500, 4000];

/** What the LMS put in the launch URL (cmi5 §8.1). */
export interface Cmi5Launch {
  readonly endpoint: string;
  readonly fetch: string;
  readonly actor: Record<string, unknown>;
  readonly registration: string;
  readonly activityId: string;
}

export function readCmi5Launch(search: string): Cmi5Launch | undefined {
  const q = new URLSearchParams(search);
  const [endpoint, fetchUrl, actor, registration, activityId] = [
    'endpoint',
    'fetch',
    'actor',
    'registration',
    'activityId',
  ].map((k) => q.get(k));
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return undefined;
  try {
    return {
      endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`,
      fetch: fetchUrl,
      actor: JSON.parse(actor),
      registration,
      activityId,
    };
  } catch {
    return undefined;
  }
}

/** The cmi5 verbs that count, as sent in this registration (over every session), and the score: kept in our State document. */
interface Sent {
  completed: boolean;
  passed: boolean;
  failed: boolean;
  score?: number;
}

class RefusedError extends Error {
  override name = 'RefusedError';
}

/**
 * The module's link to a cmi5 LMS, by the AU rules of cmi5 (Quartz):
 * - POSTs to the `fetch` URL once for the auth token (§8.2), then reads `LMS.LaunchData` (§10) and the
 *   learner-preferences Agent Profile document `cmi5LearnerPreferences` (§11.0) before any statement;
 * - `initialized` first, `answered` per choice ("cmi5 allowed": the context template, no cmi5
 *   category, §7.1.3), then at the end `completed` and `passed` or `failed`, and `terminated` last
 *   (§9.3): no verb twice in a session, at most one of passed/failed in it, and over the registration
 *   one `completed`, one `passed`, never `failed` after `passed` — a learner who failed may come back
 *   in a later session, start again, and pass;
 * - pass or fail by the LMS's `masteryScore` (0–1, §10), exposed as `passMark` so the learner reads
 *   the same verdict; launchMode `Browse` or `Review` sends no completed/passed/failed (§10);
 * - statements are sent in order, with `keepalive`, and when the page goes away the ones not yet sent
 *   go at once with `terminated` in one request the browser finishes after the page is gone;
 * - on exit, the window goes to LaunchData's `returnURL`, if any (§10).
 * Returns undefined when the launch fails (no token, no launch data): the module then plays unrecorded.
 */
export async function connectCmi5(
  launch: Cmi5Launch | undefined,
  passMark: number,
  log: (m: string) => void = console.warn,
  win: Pick<Window, 'location' | 'setTimeout'> = window,
): Promise<LmsConnection | undefined> {
  if (!launch) return undefined;
  const lms: Cmi5Launch = launch;
  let token = '';

  async function xapi(method: string, url: string, body?: unknown, keepalive = true): Promise<unknown> {
    const response = await fetch(url, {
      method,
      keepalive,
      headers: {
        Authorization: `Basic ${token}`,
        'X-Experience-API-Version': XAPI_VERSION,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 404 && method === 'GET') return undefined;
    if (!response.ok) {
      const error = `${method} ${url.split('?')[0]}: ${response.status} ${await response.text().catch(() => '')}`;
      throw response.status < 500 ? new RefusedError(error) : new Error(error);
    }
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const agent = JSON.stringify(lms.actor);
  const stateUrl = (stateId: string) =>
    `${lms.endpoint}activities/state?${query({ stateId, activityId: lms.activityId, agent, registration: lms.registration })}`;

  let launchData: LaunchData;
  let languages: readonly string[] = [];
  try {
    // The fetch URL is one-time: this is the only POST to it (connectLms makes one connection per page).
    const response = await fetch(lms.fetch, { method: 'POST' });
    const body = (await response.json()) as Record<string, string>;
    if (!body['auth-token']) throw new Error(`no auth-token: ${body['error-text'] ?? JSON.stringify(body)}`);
    token = body['auth-token'];
    const data = await xapi('GET', stateUrl('LMS.LaunchData'));
    if (!data || typeof data !== 'object') throw new Error('no LMS.LaunchData');
    launchData = data as LaunchData;
    // §11.0: read on startup, before any statement. The interface keeps the learner's own language choice.
    const preferences = await xapi(
      'GET',
      `${lms.endpoint}agents/profile?${query({ agent, profileId: 'cmi5LearnerPreferences' })}`,
    ).catch(() => undefined);
    const wanted = (preferences as { languagePreference?: unknown } | undefined)?.languagePreference;
    languages = languageTags(typeof wanted === 'string' ? wanted : '');
  } catch (error) {
    log(`The cmi5 launch failed: ${String(error)}`);
    return undefined;
  }

  const judging = launchData.launchMode === undefined || launchData.launchMode === 'Normal';
  const mastery = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : undefined;
  // In percent, to 2 places (masteryScore has up to 4 decimals): the same comparison the module view makes.
  const pass = mastery === undefined ? passMark : Math.round(mastery * 10000) / 100;
  const make = cmi5Statements(lms, launchData, mastery);
  const sent: Sent = {
    completed: false,
    passed: false,
    failed: false,
    ...((await xapi('GET', stateUrl(SENT_STATE)).catch(() => undefined)) as Partial<Sent> | undefined),
  };
  const saved = (await xapi('GET', stateUrl(PROGRESS_STATE)).catch(() => undefined)) as
    | { progress?: unknown }
    | undefined;
  // A registration that ended failed starts again in its next session: a retry, which may pass.
  const retry = sent.failed && !sent.passed;
  const resume = !retry && typeof saved?.progress === 'string' ? saved.progress : undefined;

  const troubleListeners = new Set<(failing: boolean) => void>();
  let failing = false;
  const trouble = (now: boolean) => {
    if (now === failing) return;
    failing = now;
    for (const listener of troubleListeners) listener(now);
  };

  // Statements go out one request at a time, in the order they were made.
  const pending: Cmi5Statement[] = [];
  let sending: Promise<void> | undefined;
  let open = true;
  const post = async (batch: Cmi5Statement[]) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await xapi('POST', `${lms.endpoint}statements`, batch.length === 1 ? batch[0] : batch);
        trouble(false);
        return;
      } catch (error) {
        if (error instanceof RefusedError || attempt >= RETRY_MS.length) {
          log(`Statements were not recorded (${batch.map((s) => s.verb.display['en-US']).join(', ')}): ${error}`);
          trouble(true);
          return;
        }
        await new Promise((resolve) => win.setTimeout(resolve, RETRY_MS[attempt]));
      }
    }
  };
  const drain = async () => {
    while (pending.length) await post(pending.splice(0, pending.length));
    sending = undefined;
  };
  const send = (...statements: Cmi5Statement[]): Promise<void> => {
    pending.push(...statements);
    sending ??= drain();
    return sending;
  };

  const verdict = (status: ModuleStatus) => {
    if (!judging || !status.completed) return [];
    const out: Cmi5Statement[] = [];
    if (!sent.completed) {
      sent.completed = true;
      out.push(make.completed());
    }
    if (status.score !== undefined && !sent.passed) {
      const passed = status.score >= pass;
      sent[passed ? 'passed' : 'failed'] = true;
      sent.score = status.score;
      out.push(make.judged(passed, status.score));
    }
    return out;
  };
  let judged = false;
  const judge = (status: ModuleStatus) => {
    if (judged || !status.completed) return Promise.resolve();
    judged = true;
    const statements = verdict(status);
    if (!statements.length) return Promise.resolve();
    return Promise.all([
      send(...statements),
      xapi('PUT', stateUrl(SENT_STATE), sent).catch((e) => log(`cmi5 state was not saved: ${e}`)),
    ]).then(() => undefined);
  };

  const held: ModuleStatus | undefined = sent.passed
    ? { completed: sent.completed, score: sent.score, passed: true }
    : sent.completed && !sent.failed
      ? { completed: true, score: undefined, passed: undefined }
      : undefined;
  const mode: LaunchMode =
    (['review', 'browse'] as const).find((m) => m === launchData.launchMode?.toLowerCase()) ?? 'normal';

  await send(make.initialized());

  const connection: LmsConnection = {
    standard: 'cmi5',
    resume,
    passMark: pass,
    held,
    mode,
    counts: mode === 'normal',
    languages,
    recordChoice(choice: ChoiceReport) {
      // Once the LMS holds a completed attempt, playing again is practice: no answers are sent for it.
      if (!open || held?.completed) return Promise.resolve();
      return send(make.answered(choice));
    },
    async save(progress, _location, _measure) {
      if (!open) return;
      await xapi('PUT', stateUrl(PROGRESS_STATE), { progress }).catch((e) =>
        log(`Progress was not saved: ${String(e)}`),
      );
    },
    async complete(status) {
      if (open) await judge(status);
    },
    /** The learner exits: terminated, then returnURL. */
    async finish() {
      if (!open) return;
      open = false;
      await send(make.terminated());
      if (launchData.returnURL) win.location.assign(launchData.returnURL);
    },
    leave() {
      if (!open) return;
      open = false;
      // The page is going: what is still waiting goes now, with terminated, in one keepalive request.
      const rest = pending.splice(0, pending.length);
      void post([...rest, make.terminated()]);
    },
    onTrouble(listener) {
      troubleListeners.add(listener);
      return () => troubleListeners.delete(listener);
    },
  };
  return connection;
}
