import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './scenario-files.ts';

/**
 * Runs one of the project's CLI entry points as `npm run` would, from the project root, or from
 * another folder (`cwd`) as if the project's commands were run there.
 */
export function runCli(script: string, args: readonly string[] = [], cwd = ROOT) {
  const tsx = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
  const result = spawnSync(process.execPath, ['--import', tsx, join(ROOT, script), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
