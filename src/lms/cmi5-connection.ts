import type { ChoiceReport, LmsConnection, ModuleStatus } from './lms-connection.types.ts';
import { scorm2004Duration } from './scorm-values.ts';

const XAPI_VERSION = '1.0.3';
const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
const CATEGORY_CMI5 = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const CATEGORY_MOVEON = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const STATE_ID = 'upstander.progress';

/** What the LMS put in the launch URL. */
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

interface LaunchData {
  contextTemplate?: { extensions?: Record<string, unknown>; contextActivities?: Record<string, unknown[]> };
  masteryScore?: number;
  launchMode?: string;
}

/**
 * The module's link to a cmi5 LMS: the launch parameters, the auth token, `LMS.LaunchData`, then
 * `initialized`, one `answered` statement per choice, `completed`, `passed` or `failed` (with a scaled
 * score), and `terminated` with the duration — each with the context template's registration and
 * session id, sent in that order.
 */
export async function connectCmi5(
  launch: Cmi5Launch | undefined,
  passMark: number,
  log: (m: string) => void = console.warn,
): Promise<LmsConnection | undefined> {
  if (!launch) return undefined;
  const lms: Cmi5Launch = launch;
  const started = Date.now();
  let token: string;
  let launchData: LaunchData;
  try {
    const response = await fetch(launch.fetch, { method: 'POST' });
    token = ((await response.json()) as Record<string, string>)['auth-token'];
    if (!token) throw new Error('no auth-token');
    launchData = (await xapi('GET', stateUrl('LMS.LaunchData'))) as LaunchData;
  } catch (error) {
    log(`The cmi5 launch failed: ${String(error)}`);
    return undefined;
  }
  const mastery = launchData.masteryScore ?? passMark / 100;
  const resume = await xapi('GET', stateUrl(STATE_ID)).then(
    (doc) =>
      typeof doc === 'object' && doc && 'progress' in doc ? String((doc as { progress: unknown }).progress) : undefined,
    () => undefined,
  );

  function stateUrl(stateId: string) {
    const q = new URLSearchParams({
      stateId,
      activityId: lms.activityId,
      agent: JSON.stringify(lms.actor),
      registration: lms.registration,
    });
    return `${lms.endpoint}activities/state?${q}`;
  }

  async function xapi(method: string, url: string, body?: unknown, keepalive = false): Promise<unknown> {
    const response = await fetch(url, {
      method,
      keepalive,
      headers: {
        Authorization: `Basic ${token}`,
        'X-Experience-API-Version': XAPI_VERSION,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }

  const template = launchData.contextTemplate ?? {};
  function statement(
    verb: keyof typeof VERBS,
    extra: { result?: unknown; object?: unknown; categories?: unknown[]; extensions?: Record<string, unknown> } = {},
  ) {
    const contextActivities = { ...(template.contextActivities ?? {}) };
    if (extra.categories) contextActivities.category = [...(contextActivities.category ?? []), ...extra.categories];
    return {
      id: crypto.randomUUID(),
      actor: lms.actor,
      verb: { id: VERBS[verb], display: { 'en-US': verb } },
      object: extra.object ?? { id: lms.activityId, objectType: 'Activity' },
      ...(extra.result ? { result: extra.result } : {}),
      context: {
        ...template,
        registration: lms.registration,
        contextActivities,
        extensions: { ...(template.extensions ?? {}), ...(extra.extensions ?? {}) },
      },
      timestamp: new Date().toISOString(),
    };
  }

  // Statements go out one after another, in the order they were made.
  let queue: Promise<unknown> = Promise.resolve();
  const send = (s: ReturnType<typeof statement>, keepalive = false) => {
    queue = queue
      .then(() => xapi('POST', `${lms.endpoint}statements`, s, keepalive))
      .catch((e) => log(`A statement was not recorded: ${String(e)}`));
    return queue.then(() => undefined);
  };
  const duration = () => scorm2004Duration(Date.now() - started);
  let open = true;
  let judged = false;

  await send(statement('initialized', { categories: [CATEGORY_CMI5] }));

  return {
    standard: 'cmi5',
    resume,
    held: undefined,
    mode: 'normal',
    counts: true,
    onTrouble: () => () => {},
    recordChoice(choice: ChoiceReport) {
      if (!open) return Promise.resolve();
      return send(
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
          },
        }),
      );
    },
    async save(progress: string) {
      if (!open) return;
      await xapi('PUT', stateUrl(STATE_ID), { progress }).catch((e) => log(`Progress was not saved: ${String(e)}`));
    },
    async complete(status: ModuleStatus) {
      if (!open || judged) return;
      judged = true;
      if (status.completed)
        send(
          statement('completed', {
            result: { completion: true, duration: duration() },
            categories: [CATEGORY_CMI5, CATEGORY_MOVEON],
          }),
        );
      if (status.score !== undefined) {
        const scaled = status.score / 100;
        const passed = scaled >= mastery;
        send(
          statement(passed ? 'passed' : 'failed', {
            result: { success: passed, score: { scaled, raw: status.score, min: 0, max: 100 }, duration: duration() },
            categories: [CATEGORY_CMI5, CATEGORY_MOVEON],
            extensions: { [MASTERY_EXTENSION]: mastery },
          }),
        );
      }
      await queue;
    },
    async finish() {
      if (!open) return;
      open = false;
      await send(statement('terminated', { result: { duration: duration() }, categories: [CATEGORY_CMI5] }));
    },
    leave() {
      if (!open) return;
      open = false;
      send(statement('terminated', { result: { duration: duration() }, categories: [CATEGORY_CMI5] }), true);
    },
  };
}
