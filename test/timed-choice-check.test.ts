import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

const CHECK = 'src/cli/check-scenarios.ts';
const lines = (text: string) => text.split('\n').filter(Boolean);

/** Each rule on a timed choice's wait: a tiny file that breaks it, and its twin in valid/ that passes. */
describe('npm run scenarios:check on timed choices', () => {
  it.each([
    [
      'delay-too-long',
      '/states/start/after/3000000000: This timed choice waits 3000000000 ms (about 34.7 days); the longest a timed choice may wait is 600000 ms (10 minutes). Use a shorter wait, e.g. "20000" for 20 seconds.',
    ],
    [
      'delay-not-whole',
      '/states/start/after/20s: "20s" is not a wait the player can count down: write it in milliseconds, as a whole number from 1 to 600000, e.g. "20000" for 20 seconds.',
    ],
  ])('refuses %s with the file, the JSON path and what to write, and passes its fixed twin', (name, problem) => {
    const broken = runCli(CHECK, [`test/fixtures/invalid/${name}.json`]);
    expect(broken.status).toBe(1);
    expect(lines(broken.stderr)).toEqual([`test/fixtures/invalid/${name}.json: ${problem}`]);
    const fixed = runCli(CHECK, [`test/fixtures/valid/${name}.json`]);
    expect(fixed.stderr).toBe('');
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toMatch(new RegExp(`^test/fixtures/valid/${name}\\.json: ok: `));
  });
});
