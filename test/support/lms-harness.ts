import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { SCENARIOS_DIR } from '../../src/cli/scenario-files.ts';
import { DEFAULT_SKIP_RULE, MODULE_CONFIG_ID, readModuleConfig } from '../../src/lms/module-config.ts';
import { buildModulePlayer, packageModule } from '../../src/lms/package-module.ts';
import { ROOT } from './scenario-files.ts';
import { SCORM12_INTERACTION_CHECK } from './scorm12-interactions.ts';
import { CONTENT_TYPES, requestBody, staticFile } from './static-files.ts';

/** Unzips a package into a fresh folder, refusing entry names that would escape it. */
export function unzipTo(zipFile: string): { dir: string; names: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'upstander-package-'));
  const entries = unzipSync(readFileSync(zipFile));
  for (const [name, content] of Object.entries(entries)) {
    if (name.startsWith('/') || name.includes('\\') || normalize(name).startsWith('..'))
      throw new Error(`Unsafe entry name: ${name}`);
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { dir, names: Object.keys(entries).filter((n) => !n.endsWith('/')) };
}

/**
 * The package exported again after an author edited one scenario: the scenarios folder is copied, the
 * scenario's file edited, and the same module (standard, scenarios, pass mark, skip rule and title, read
 * from the package's index.html) is built and packaged from the copy. Returns the new package's folder
 * and the edited scenario.
 */
export async function updatedPackage(
  dir: string,
  scenarioId: string,
  edit: (scenario: Record<string, any>) => void,
): Promise<{ dir: string; scenario: Record<string, any> }> {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  // The config element's text has every `<` escaped, so it ends at the first </script>.
  const text = new RegExp(`<script[^>]*id="${MODULE_CONFIG_ID}"[^>]*>(.*?)</script>`, 's').exec(html)?.[1];
  const config = readModuleConfig({ getElementById: () => ({ textContent: text }) } as unknown as Document);
  if (!config) throw new Error(`No module config in ${dir}/index.html`);
  const scenarios = mkdtempSync(join(tmpdir(), 'upstander-scenarios-v2-'));
  cpSync(join(ROOT, SCENARIOS_DIR), scenarios, { recursive: true });
  const file = join(scenarios, `${scenarioId}.json`);
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  edit(scenario);
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  const out = join(mkdtempSync(join(tmpdir(), 'upstander-package-v2-')), 'module.zip');
  const playerDir = await buildModulePlayer(config.scenarios, scenarios);
  packageModule(playerDir, {
    format: config.standard,
    scenarios: config.scenarios,
    pass: config.pass,
    skip: config.skip ?? DEFAULT_SKIP_RULE,
    out,
    title: config.title,
    titleGiven: config.titleGiven,
    description: config.title,
    id: `upstander-${config.scenarios.join('-')}`,
  });
  return { dir: unzipTo(out).dir, scenario };
}

/** Runs `npm run export` exactly as an author does; returns its output or throws with it. */
export function runExport(args: string[]): string {
  return execFileSync('npm', ['run', '--silent', 'export', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

/**
 * Runs `npm run export` as an author does and returns all it printed, on both streams, and its exit
 * code; `from`: run in that folder (npm --prefix), as an author in another folder does.
 */
export function runExportPrinted(
  args: string[],
  from?: string,
): { status: number | null; stdout: string; stderr: string } {
  const npm = from ? ['--prefix', ROOT, 'run', '--silent', 'export'] : ['run', '--silent', 'export'];
  const run = spawnSync('npm', [...npm, '--', ...args], { cwd: from ?? ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** What the cmi5 test double recorded. */
export interface LrsRecord {
  readonly statements: Record<string, any>[];
  readonly authorised: boolean[];
  readonly state: Map<string, string>;
}

export const CMI5 = {
  token: 'dXBzdGFuZGVyOnRlc3Q=',
  registration: 'a7d7b0a2-1f3c-4c55-9a51-0d6b1e2c3f40',
  activityId: 'urn:upstander:test:au',
  sessionId: 'session-1',
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-1' } },
} as const;

/**
 * A stand-in LMS on loopback: the unzipped package under /pkg/, harness pages that host it in an iframe
 * with scorm-again as the SCORM API, and for cmi5 a small LRS (token fetch, launch data, state,
 * statements) that records what the package sends.
 */
export async function startLmsHarness(packageDir: string) {
  const lrs: LrsRecord = { statements: [], authorised: [], state: new Map() };
  const launchData = {
    contextTemplate: {
      contextActivities: { grouping: [{ id: 'urn:upstander:test:course' }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': CMI5.sessionId },
    },
    launchMode: 'Normal',
    moveOn: 'CompletedAndPassed',
    masteryScore: 0.7,
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await requestBody(req);
    const send = (status: number, content: string | Buffer, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(content);
    };
    const file = (root: string, rel: string) => {
      const found = staticFile(root, rel);
      return found ? send(200, found.content, found.type) : send(404, 'not found', 'text/plain');
    };
    if (url.pathname.startsWith('/pkg/')) return file(packageDir, url.pathname.slice(5));
    if (url.pathname.startsWith('/scorm-again/'))
      return file(join(ROOT, 'node_modules/scorm-again/dist'), url.pathname.slice(13));
    if (url.pathname === '/player.html') return send(200, PLAYER_PAGE, CONTENT_TYPES['.html']);
    if (url.pathname === '/harness.html')
      return send(200, harnessPage(url.searchParams.get('edition') ?? 'scorm12'), CONTENT_TYPES['.html']);
    if (url.pathname === '/cmi5/fetch' && req.method === 'POST')
      return send(200, JSON.stringify({ 'auth-token': CMI5.token }));
    if (url.pathname.startsWith('/cmi5/xapi/')) {
      lrs.authorised.push(
        req.headers.authorization === `Basic ${CMI5.token}` && req.headers['x-experience-api-version'] === '1.0.3',
      );
      if (url.pathname.endsWith('/activities/state')) {
        const stateId = url.searchParams.get('stateId') ?? '';
        if (stateId === 'LMS.LaunchData') return send(200, JSON.stringify(launchData));
        if (req.method === 'PUT') {
          lrs.state.set(stateId, body);
          return send(204, '');
        }
        const stored = lrs.state.get(stateId);
        return stored ? send(200, stored) : send(404, '');
      }
      if (url.pathname.endsWith('/statements') && req.method === 'POST') {
        const parsed = JSON.parse(body);
        lrs.statements.push(...(Array.isArray(parsed) ? parsed : [parsed]));
        return send(200, JSON.stringify([parsed.id]));
      }
    }
    send(404, 'not found', 'text/plain');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;
  const cmi5Launch = `${base}/pkg/index.html?${new URLSearchParams({
    endpoint: `${base}/cmi5/xapi/`,
    fetch: `${base}/cmi5/fetch`,
    actor: JSON.stringify(CMI5.actor),
    registration: CMI5.registration,
    activityId: CMI5.activityId,
  })}`;
  return {
    base,
    lrs,
    cmi5Launch,
    /** Stops the LMS; pages still open (a test that failed, a window left to the next test) lose their connections. */
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What an LMS loads into the runtime from a SCORM package's manifest before launching it, read from
 * the package's own `imsmanifest.xml` (never restated): SCORM 1.2's mastery score, launch data and time
 * limits into `cmi.student_data` / `cmi.launch_data`; SCORM 2004's primary objective's minimum normalised
 * measure (when it is satisfied by measure) as `cmi.scaled_passing_score`, its completion threshold,
 * launch data and time limit.
 */
export function manifestValues(edition: 'scorm12' | 'scorm2004', manifest: string): Record<string, string> {
  const text = (pattern: RegExp) => pattern.exec(manifest)?.[1]?.trim();
  const values: Record<string, string | undefined> =
    edition === 'scorm12'
      ? {
          'cmi.student_data.mastery_score': text(/<adlcp:masteryscore>([^<]*)</),
          'cmi.launch_data': text(/<adlcp:datafromlms>([^<]*)</),
          'cmi.student_data.max_time_allowed': text(/<adlcp:maxtimeallowed>([^<]*)</),
          'cmi.student_data.time_limit_action': text(/<adlcp:timelimitaction>([^<]*)</),
        }
      : {
          'cmi.scaled_passing_score': /<imsss:primaryObjective[^>]*satisfiedByMeasure="true"/.test(manifest)
            ? text(/<imsss:primaryObjective[^>]*>[\s\S]*?<imsss:minNormalizedMeasure>([^<]*)</)
            : undefined,
          'cmi.completion_threshold':
            text(/<adlcp:completionThreshold[^>]*completedByMeasure="true"[^>]*minProgressMeasure="([^"]*)"/) ??
            text(/<adlcp:completionThreshold[^>]*minProgressMeasure="([^"]*)"[^>]*completedByMeasure="true"/) ??
            text(/<adlcp:completionThreshold>([^<]*)</),
          'cmi.launch_data': text(/<adlcp:dataFromLMS>([^<]*)</),
          'cmi.time_limit_action': text(/<adlcp:timeLimitAction>([^<]*)</),
        };
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}

/** How the stand-in LMS behaves for one launch. */
export interface LmsOptions {
  /** The API appears this many ms after the course starts loading (some LMSs create it late). */
  readonly apiDelay?: number;
  /**
   * This many commits are refused, as an LMS whose server is not answering refuses them; the test may
   * change the count while the course runs (`window.lmsRefuse`), e.g. to 0 when the server is back.
   */
  readonly failCommits?: number;
  /** The LMS opens a popup player page that frames the course, and keeps the API on its own window (the popup's opener). */
  readonly popup?: boolean;
}

/** The harness page's address for an edition and options. */
export function lmsPage(base: string, edition: 'scorm12' | 'scorm2004', options: LmsOptions = {}): string {
  const q = new URLSearchParams({ edition });
  for (const [key, value] of Object.entries(options)) q.set(key, String(value));
  return `${base}/harness.html?${q}`;
}

/**
 * The LMS page: scorm-again's API for the edition, set up as Moodle or SCORM Cloud run it (no
 * autocommit, no commit URL of its own, SCORM 1.2's mastery score deciding pass or fail when a score is
 * written), loaded with what the LMS holds (window.__LMS_DATA__: the manifest's values, earlier
 * sessions' data, entry, credit, mode), every SetValue recorded, and the package in an iframe (or in a
 * popup player page). When the session ends, `window.lmsStored` holds what the LMS keeps.
 */
function harnessPage(edition: string): string {
  const scorm12 = edition === 'scorm12';
  const [script, global, apiName, setEvent, commitName, finishEvent] = scorm12
    ? ['scorm12.min.js', 'Scorm12API', 'API', 'LMSSetValue.cmi.*', 'LMSCommit', 'LMSFinish']
    : ['scorm2004.min.js', 'Scorm2004API', 'API_1484_11', 'SetValue.cmi.*', 'Commit', 'Terminate'];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title><script src="/scorm-again/${script}"></script></head>
<body>
<iframe id="sco" title="Course" style="width: 1000px; height: 900px"></iframe>
<script>
  const options = new URLSearchParams(location.search);
  window.lmsCalls = [];
  window.lmsCommits = 0;
  window.lmsRefusedCommits = 0;
  window.lmsFinished = false;
  window.lmsRefusedValues = [];
  const types = {};
  function createApi() {
    const api = new ${global}({ autocommit: false, lmsCommitUrl: false, mastery_override: ${scorm12}, logLevel: 5 });
    api.loadFromFlattenedJSON(window.__LMS_DATA__ || {});
    window.lmsRefuse = Number(options.get('failCommits') || 0);
    const commit = api.${commitName}.bind(api);
    api.${commitName} = (p) => {
      if (window.lmsRefuse > 0) {
        window.lmsRefuse -= 1;
        window.lmsRefusedCommits += 1;
        api.throwSCORMError(undefined, 101, 'The LMS server did not answer');
        return 'false';
      }
      return commit(p);
    };
    api.on('${setEvent}', (element, value) => window.lmsCalls.push([element, String(value)]));${
      scorm12
        ? `
    // SCORM 1.2's own formats for interactions, which scorm-again does not apply: refused as a strict LMS does.
    ${SCORM12_INTERACTION_CHECK}
    const setValue = api.LMSSetValue.bind(api);
    api.LMSSetValue = (element, value) => {
      const problem = scorm12InteractionProblem(element, String(value), (n) => types[n]);
      if (problem) {
        window.lmsRefusedValues.push([element, String(value)]);
        api.throwSCORMError(undefined, problem[0], problem[1]);
        return 'false';
      }
      const type = /^cmi\\.interactions\\.(\\d+)\\.type$/.exec(element);
      if (type) types[type[1]] = String(value);
      return setValue(element, value);
    };`
        : ''
    }
    api.on('${commitName}', () => { window.lmsCommits += 1; });
    api.on('${finishEvent}', () => {
      window.lmsStored = api.getFlattenedCMI();
      window.lmsFinished = true;
    });
    window.${apiName} = api;
  }
  const delay = Number(options.get('apiDelay') || 0);
  if (delay) setTimeout(createApi, delay);
  else createApi();
  if (options.get('popup') === 'true') {
    document.getElementById('sco').remove();
    window.open('/player.html', 'player');
  } else {
    document.getElementById('sco').src = '/pkg/index.html';
  }
</script>
</body></html>`;
}

/** The LMS's popup player page: it frames the course; the API stays on the window that opened it. */
const PLAYER_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Course player</title></head>
<body><iframe id="sco" title="Course" src="/pkg/index.html" style="width: 1000px; height: 900px"></iframe></body></html>`;

/**
 * The module's result as the learner reads it at the last debrief, before any Finish click: its score
 * (0–100) and verdict, from the line under the scenario's own score. Fails if the debrief does not say
 * that the score above is the scenario's.
 */
export async function shownModuleResult(view: Pick<Page, 'getByText' | 'locator'>) {
  await view
    .getByText(
      'This is your score for this scenario. The module’s score, the one your learning system records, is the mean of its scenarios’ scores.',
    )
    .waitFor();
  const line = await view.locator('.debrief .module-score').textContent();
  const match =
    /^The module’s score: (\d+) out of 100, the mean of its scenarios\. The pass mark is (\d+): (you passed|not passed this time)\.$/.exec(
      (line ?? '').trim(),
    );
  if (!match) throw new Error(`Not the module's result: "${line}"`);
  return { score: Number(match[1]), pass: Number(match[2]), passed: match[3] === 'you passed' };
}
