import { spawnSync } from 'node:child_process';
import { ROOT } from './scenario-files.ts';

/** Runs one of the project's CLI entry points as `npm run` would, from the project root. */
export function runCli(script: string, args: readonly string[] = []) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
