import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { ROOT } from './scenario-files.ts';

const running = new Set<ChildProcess>();

/** Stops every server this file started (after each test, or mid-test to start again). */
export function stopServers() {
  for (const child of running) child.kill('SIGTERM');
  running.clear();
}

afterEach(stopServers);

/** `npm start`'s server (without the build), on a free port, with these settings; its address once it listens. */
export function startServer(
  env: Record<string, string>,
): Promise<{ url?: string; status?: number | null; output: string }> {
  const tsx = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
  const child = spawn(process.execPath, ['--import', tsx, join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATABASE_URL: '', ...env },
  });
  running.add(child);
  let output = '';
  return new Promise((done) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const url = /running at (http:\/\/\S+?)\/ /.exec(output)?.[1];
      if (url) done({ url, output });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (status) => {
      running.delete(child);
      done({ status, output });
    });
  });
}
