import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import validateStatement from 'xapi-validation';
import { CONTENT_TYPES, requestBody, staticFile } from './static-files.ts';

/**
 * A cmi5 LMS with its LRS, on loopback, as strict as ADL's CATAPULT test LMS and the cmi5 (Quartz)
 * LMS rules: it launches the package's AU from /pkg/ the way an LMS does (launch URL, a one-time fetch
 * URL, LMS.LaunchData written from the course structure's values, a session id per launch) and refuses,
 * with the status a real LRS/LMS answers, whatever the AU rules forbid. Accepted statements are kept
 * per registration; `satisfied` says when the AU's moveOn is met, as the LMS evaluates it.
 */

const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const VERB = 'http://adlnet.gov/expapi/verbs/';
const DEFINED = ['initialized', 'completed', 'passed', 'failed', 'terminated'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** How long after `terminated` statements timestamped before it may still arrive (the LMS's "specified period"). */
const GRACE_MS = 10_000;

export type Statement = Record<string, any>;
export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

export interface Cmi5LaunchOptions {
  readonly launchMode?: 'Normal' | 'Browse' | 'Review';
  readonly masteryScore?: number;
  readonly moveOn?: MoveOn;
  readonly returnURL?: string;
  /** The learner's languages in the cmi5LearnerPreferences profile (§11.0); `en-US,es-ES` unless set. */
  readonly languagePreference?: string;
  /** Each statement request is answered this much later (a slow LRS). */
  readonly statementDelayMs?: number;
}

interface Session {
  readonly id: string;
  readonly token: string;
  fetched: boolean;
  launchDataRead: boolean;
  preferencesRead: boolean;
  readonly statements: Statement[];
  terminatedAt?: { timestamp: number; arrived: number };
}

export const LEARNER = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-7' } };

/** Starts the LMS; `launch()` opens a new session of the same registration and returns its launch URL. */
export async function startCmi5Lms(
  packageDir: string,
  course: { auId: string; moveOn: MoveOn; masteryScore?: number },
) {
  const registration = crypto.randomUUID();
  const activityId = `https://lms.example/activities/${crypto.randomUUID()}`;
  /** Every request the AU made, in order: `METHOD path`, and what the LMS answered. */
  const requests: { call: string; status: number; body: string }[] = [];
  /** Statements accepted in this registration, over every session. */
  const accepted: Statement[] = [];
  const state = new Map<string, string>();
  const sessions: Session[] = [];
  let options: Cmi5LaunchOptions = {};
  let launchData: Record<string, unknown> = {};

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await requestBody(req);
    // The LRS is on another origin than the content (localhost, the content on 127.0.0.1), as LMSs
    // often have it: every request with a token goes through a CORS preflight first.
    const cors = {
      'access-control-allow-origin': String(req.headers.origin ?? '*'),
      'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version',
      'access-control-allow-methods': 'GET, PUT, POST, DELETE',
    };
    const answer = (status: number, content: string | Buffer = '', type = 'application/json') => {
      if (!url.pathname.startsWith('/pkg/'))
        requests.push({ call: `${req.method} ${url.pathname}`, status, body: String(content) });
      res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', ...cors });
      res.end(content);
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      return res.end();
    }
    const refuse = (status: number, message: string) => answer(status, JSON.stringify({ error: message }));
    const session = sessions.at(-1);

    if (url.pathname.startsWith('/pkg/')) {
      const file = staticFile(packageDir, url.pathname.slice(5));
      return file ? answer(200, file.content, file.type) : answer(404, '');
    }
    if (url.pathname === '/return') return answer(200, '<h1>Back in the LMS</h1>', CONTENT_TYPES['.html']);
    if (url.pathname === '/fetch') {
      // §8.2: POST only; one-time: a second request gets error 1, with status 200 as the spec says.
      if (req.method !== 'POST') return refuse(405, 'The fetch URL takes POST only.');
      if (!session || session.fetched)
        return answer(
          200,
          JSON.stringify({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' }),
        );
      session.fetched = true;
      return answer(200, JSON.stringify({ 'auth-token': session.token }));
    }
    if (!url.pathname.startsWith('/xapi/')) return answer(404, '');

    // The LRS: every request with the session's token and an xAPI version.
    if (!session || req.headers.authorization !== `Basic ${session.token}`)
      return refuse(401, 'Missing or wrong credentials for this session.');
    if (!/^1\.0\.\d+$/.test(String(req.headers['x-experience-api-version'])))
      return refuse(400, 'X-Experience-API-Version header missing.');
    const resource = url.pathname.slice('/xapi/'.length);

    if (resource === 'activities/state') {
      const q = url.searchParams;
      if (q.get('activityId') !== activityId || q.get('registration') !== registration)
        return refuse(400, 'State request for another activity or registration.');
      if (JSON.stringify(JSON.parse(q.get('agent') ?? 'null')) !== JSON.stringify(LEARNER))
        return refuse(400, 'State request for another agent.');
      const stateId = q.get('stateId') ?? '';
      if (stateId === 'LMS.LaunchData') {
        // §10: the AU MUST NOT modify or delete it.
        if (req.method !== 'GET') return refuse(403, 'LMS.LaunchData is read-only for the AU.');
        session.launchDataRead = true;
        return answer(200, JSON.stringify(launchData));
      }
      if (req.method === 'PUT' || req.method === 'POST') {
        try {
          JSON.parse(body);
        } catch {
          return refuse(400, 'State documents here are JSON.');
        }
        state.set(stateId, body);
        return answer(204);
      }
      if (req.method === 'GET') return state.has(stateId) ? answer(200, state.get(stateId)) : answer(404);
      return refuse(405, 'Not allowed.');
    }

    if (resource === 'agents/profile') {
      if (req.method !== 'GET') return refuse(403, 'The LMS keeps the learner preferences.');
      if (url.searchParams.get('profileId') !== 'cmi5LearnerPreferences') return answer(404);
      session.preferencesRead = true;
      return answer(
        200,
        JSON.stringify({ languagePreference: options.languagePreference ?? 'en-US,es-ES', audioPreference: 'off' }),
      );
    }

    if (resource === 'statements' && req.method === 'POST') {
      if (options.statementDelayMs) await new Promise((r) => setTimeout(r, options.statementDelayMs));
      let batch: Statement[];
      try {
        const parsed = JSON.parse(body);
        batch = Array.isArray(parsed) ? parsed : [parsed];
      } catch {
        return refuse(400, 'The body is not JSON.');
      }
      // A batch is all or nothing, as an LRS stores it.
      const trial = { statements: [...session.statements], accepted: [...accepted] };
      for (const s of batch) {
        const problem = violation(s, session, trial);
        if (problem) return refuse(400, problem);
        trial.statements.push(s);
        trial.accepted.push(s);
      }
      session.statements.push(...batch);
      accepted.push(...batch);
      const terminated = batch.find((s) => verb(s) === 'terminated');
      if (terminated) session.terminatedAt = { timestamp: Date.parse(terminated.timestamp), arrived: Date.now() };
      return answer(200, JSON.stringify(batch.map((s) => s.id)));
    }
    return refuse(405, 'Not allowed.');
  });

  /** The first cmi5 rule a statement breaks, in the LMS's words; undefined if it is fine. */
  function violation(s: Statement, session: Session, trial: { statements: Statement[]; accepted: Statement[] }) {
    // What xAPI itself forbids, as Learning Locker's conformance-tested validator finds it (xAPI 1.0.3 §2.2).
    const invalid = validateStatement(s);
    if (invalid.length)
      return `Not a valid xAPI statement: ${invalid.map((w) => `${w.path.join('.')} (${w.name})`).join(', ')}.`;
    const v = verb(s);
    const defined = categories(s).includes(CMI5);
    if (!session.launchDataRead) return 'The AU sent a statement before reading LMS.LaunchData (cmi5 §10).';
    if (!session.preferencesRead)
      return 'The AU sent a statement before reading the cmi5LearnerPreferences Agent Profile (cmi5 §11.0).';
    if (typeof s.id !== 'string' || !UUID.test(s.id)) return 'Statement id must be a UUID (cmi5 §9.1).';
    if (JSON.stringify(s.actor) !== JSON.stringify(LEARNER)) return 'Actor is not the launched learner (cmi5 §9.2).';
    if (typeof s.timestamp !== 'string' || Number.isNaN(Date.parse(s.timestamp)))
      return 'Every statement needs a timestamp (cmi5 §9.7).';
    if (s.context?.registration !== registration) return 'Wrong registration (cmi5 §9.6.1).';
    if (s.context?.extensions?.[SESSION] !== session.id) return 'Missing or wrong session id (cmi5 §9.6.3.1).';
    if (JSON.stringify(s.context?.contextActivities?.grouping) !== JSON.stringify([{ id: course.auId }]))
      return 'The context template was not used (cmi5 §10 contextTemplate).';
    const before = trial.statements;
    if (!before.length && !(v === 'initialized' && defined))
      return 'The first statement of a session must be Initialized (cmi5 §9.3.2).';
    if (session.terminatedAt) {
      const late = Date.now() - session.terminatedAt.arrived > GRACE_MS;
      if (late || Date.parse(s.timestamp) > session.terminatedAt.timestamp)
        return 'The session is terminated: Terminated must be the last statement (cmi5 §9.3.8).';
    }
    if (!defined) return undefined; // "cmi5 allowed" (§7.1.3): between initialized and terminated, done above.
    if (!DEFINED.includes(v)) return `The AU may not send "${v}" as a cmi5 defined statement (cmi5 §9.3).`;
    if (s.object?.id !== activityId) return 'Object of a cmi5 defined statement must be the AU (cmi5 §9.4).';
    const inSession = before.filter((p) => categories(p).includes(CMI5)).map(verb);
    if (inSession.includes(v)) return `"${v}" twice in a session (cmi5 §9.3).`;
    if ((v === 'passed' || v === 'failed') && (inSession.includes('passed') || inSession.includes('failed')))
      return 'More than one of Passed and Failed in a session (cmi5 §9.3).';
    const inRegistration = trial.accepted.filter((p) => categories(p).includes(CMI5)).map(verb);
    if (v === 'completed' && inRegistration.includes('completed'))
      return 'Only one Completed per registration (cmi5 §9.3).';
    if (v === 'passed' && inRegistration.includes('passed')) return 'Only one Passed per registration (cmi5 §9.3).';
    if (v === 'failed' && inRegistration.includes('passed'))
      return 'Failed must not follow Passed in a registration (cmi5 §9.3).';
    const mode = launchData.launchMode;
    if (['completed', 'passed', 'failed'].includes(v) && mode !== 'Normal')
      return `launchMode ${mode}: the AU must not send ${v} (cmi5 §10).`;
    const result = s.result ?? {};
    if ('score' in result && v !== 'passed' && v !== 'failed')
      return 'Only Passed and Failed carry a score (cmi5 §9.5.1).';
    if ('success' in result !== (v === 'passed' || v === 'failed'))
      return 'success belongs to Passed and Failed only (cmi5 §9.5.2).';
    if ((v === 'passed' && result.success !== true) || (v === 'failed' && result.success !== false))
      return 'Passed has success true, Failed false (cmi5 §9.5.2).';
    if ('completion' in result !== (v === 'completed') || (v === 'completed' && result.completion !== true))
      return 'completion: true belongs to Completed only (cmi5 §9.5.3).';
    if (['completed', 'passed', 'failed', 'terminated'].includes(v) && !/^P/.test(String(result.duration)))
      return `${v} needs a duration (cmi5 §9.5.4).`;
    const judged = 'success' in result || 'completion' in result;
    if (categories(s).includes(MOVEON) !== judged)
      return 'The moveOn category goes on statements with success or completion, and only those (cmi5 §9.6.2.2).';
    const mastery = launchData.masteryScore as number | undefined;
    if ((v === 'passed' || v === 'failed') && mastery !== undefined) {
      if (s.context?.extensions?.[MASTERY] !== mastery)
        return 'Passed/Failed must carry the masteryScore (cmi5 §9.6.3.2).';
      const scaled = result.score?.scaled;
      if (typeof scaled === 'number' && (v === 'passed' ? scaled < mastery : scaled >= mastery))
        return `A scaled score of ${scaled} cannot be ${v} at a masteryScore of ${mastery} (cmi5 §9.3.4, §9.3.5).`;
    }
    return undefined;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;

  /** Which verbs this registration's accepted cmi5 defined statements hold. */
  const verbsHeld = () => new Set(accepted.filter((s) => categories(s).includes(CMI5)).map(verb));

  return {
    base,
    registration,
    activityId,
    requests,
    accepted,
    state,
    sessions,
    /** Statements accepted in the latest session, in order. */
    statements: () => sessions.at(-1)?.statements ?? [],
    verbs: () => (sessions.at(-1)?.statements ?? []).map(verb),
    /** The LMS's moveOn verdict for the registration (cmi5 §13.1.4), with the moveOn it launched with. */
    satisfied() {
      const held = verbsHeld();
      const moveOn = (launchData.moveOn as MoveOn) ?? 'NotApplicable';
      return {
        Passed: held.has('passed'),
        Completed: held.has('completed'),
        CompletedAndPassed: held.has('completed') && held.has('passed'),
        CompletedOrPassed: held.has('completed') || held.has('passed'),
        NotApplicable: true,
      }[moveOn];
    },
    /** Opens a new session: new session id and token, LMS.LaunchData written; returns the launch URL (§8.1). */
    launch(opts: Cmi5LaunchOptions = {}) {
      options = opts;
      const id = crypto.randomUUID();
      sessions.push({
        id,
        token: Buffer.from(`au:${id}`).toString('base64'),
        fetched: false,
        launchDataRead: false,
        preferencesRead: false,
        statements: [],
      });
      launchData = {
        contextTemplate: { contextActivities: { grouping: [{ id: course.auId }] }, extensions: { [SESSION]: id } },
        launchMode: opts.launchMode ?? 'Normal',
        moveOn: opts.moveOn ?? course.moveOn,
        ...((opts.masteryScore ?? course.masteryScore) === undefined
          ? {}
          : { masteryScore: opts.masteryScore ?? course.masteryScore }),
        ...(opts.returnURL ? { returnURL: opts.returnURL } : {}),
      };
      const lrs = base.replace('127.0.0.1', 'localhost');
      return `${base}/pkg/index.html?${new URLSearchParams({
        endpoint: `${lrs}/xapi/`,
        fetch: `${lrs}/fetch`,
        actor: JSON.stringify(LEARNER),
        registration,
        activityId,
      })}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const verb = (s: Statement): string => String(s.verb?.id ?? '').replace(VERB, '');
const categories = (s: Statement): string[] =>
  (s.context?.contextActivities?.category ?? []).map((c: { id: string }) => c.id);
