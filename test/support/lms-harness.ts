import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from './scenario-files.ts';

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

/** Runs `npm run export` exactly as an author does; returns its output or throws with it. */
export function runExport(args: string[]): string {
  return execFileSync('npm', ['run', '--silent', 'export', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
};

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
    const body = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => resolve(text));
    });
    const send = (status: number, content: string | Buffer, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(content);
    };
    const file = (root: string, rel: string) => {
      const path = join(root, normalize(rel));
      if (!path.startsWith(root) || !existsSync(path) || statSync(path).isDirectory())
        return send(404, 'not found', 'text/plain');
      send(200, readFileSync(path), TYPES[extname(path)] ?? 'application/octet-stream');
    };
    if (url.pathname.startsWith('/pkg/')) return file(packageDir, url.pathname.slice(5));
    if (url.pathname.startsWith('/scorm-again/'))
      return file(join(ROOT, 'node_modules/scorm-again/dist'), url.pathname.slice(13));
    if (url.pathname === '/harness.html')
      return send(200, harnessPage(url.searchParams.get('edition') ?? 'scorm12'), TYPES['.html']);
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The LMS page: scorm-again's API for the edition, loaded with what the LMS stored from earlier
 * attempts (window.__LMS_DATA__), every SetValue recorded, and the package in an iframe.
 */
function harnessPage(edition: string): string {
  const scorm12 = edition === 'scorm12';
  const [script, global, apiName, setEvent, finishEvent] = scorm12
    ? ['scorm12.min.js', 'Scorm12API', 'API', 'LMSSetValue.cmi.*', 'LMSFinish']
    : ['scorm2004.min.js', 'Scorm2004API', 'API_1484_11', 'SetValue.cmi.*', 'Terminate'];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title><script src="/scorm-again/${script}"></script></head>
<body>
<iframe id="sco" title="Course" style="width: 1000px; height: 900px"></iframe>
<script>
  const api = new ${global}({ autocommit: false, logLevel: 5 });
  api.loadFromFlattenedJSON(window.__LMS_DATA__ || {});
  window.${apiName} = api;
  window.lmsCalls = [];
  window.lmsCommits = 0;
  window.lmsFinished = false;
  api.on('${setEvent}', (element, value) => window.lmsCalls.push([element, String(value)]));
  api.on('${scorm12 ? 'LMSCommit' : 'Commit'}', () => { window.lmsCommits += 1; });
  api.on('${finishEvent}', () => { window.lmsFinished = true; });
  document.getElementById('sco').src = '/pkg/index.html';
</script>
</body></html>`;
}
