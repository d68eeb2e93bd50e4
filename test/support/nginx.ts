import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './scenario-files.ts';

const NGINX = '/usr/sbin/nginx';
/** The example configuration the README shows. */
export const NGINX_EXAMPLE = join(ROOT, 'deploy', 'nginx.conf');

/**
 * Debian's nginx as a child process (not a daemon), with its own prefix and configuration in a temp
 * folder: the shipped example with its `listen` and `proxy_pass` pointed at free loopback ports, and
 * `edit` applied (to break it on purpose). Resolves once nginx answers.
 */
export async function startNginx(upstream: string, edit: (conf: string) => string = (c) => c) {
  if (!existsSync(NGINX))
    throw new Error(
      `The proxy tests need Debian's nginx at ${NGINX}: apt-get install nginx-light (.ci/run does this).`,
    );
  const prefix = mkdtempSync(join(tmpdir(), 'upstander-nginx-'));
  for (const dir of ['logs', 'temp']) mkdirSync(join(prefix, dir));
  const port = await freePort();
  const site = edit(readFileSync(NGINX_EXAMPLE, 'utf8'))
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace('http://127.0.0.1:4173/', new URL(upstream).href);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${prefix}/temp/${t};`);
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/logs/error.log warn;`,
      'events { worker_connections 512; }',
      'http {',
      '  access_log off;',
      ...temp.map((t) => `  ${t}`),
      site,
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', `${prefix}/logs/error.log`],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`nginx exited with ${child.exitCode}: ${readFileSync(`${prefix}/logs/error.log`, 'utf8')}`);
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      break;
    if (Date.now() - started > 10_000) throw new Error('nginx did not start within 10 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM'); // fast shutdown: a graceful one waits for every open WebSocket
      await exited;
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
