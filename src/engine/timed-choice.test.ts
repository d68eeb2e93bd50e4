import { describe, expect, it } from 'vitest';
import { delayProblem, MAX_DELAY_MS } from './timed-choice.ts';

describe('delayProblem', () => {
  it('accepts a whole number of milliseconds from 1 to 10 minutes', () => {
    expect(MAX_DELAY_MS).toBe(10 * 60 * 1000);
    for (const ok of ['1', '20000', '600000']) expect(delayProblem(ok)).toBeUndefined();
  });

  it('refuses a wait past 10 minutes, saying how long it is and what to write instead', () => {
    expect(delayProblem('600001')).toMatch(/waits 600001 ms \(about 10 minutes\).*longest .* 600000 ms/);
    // Past 2^31 − 1 ms a timer fires at once: the file's typo must not reach a session.
    expect(delayProblem('2147483648')).toMatch(/about 24\.9 days/);
    expect(delayProblem('3000000000')).toBe(
      'This timed choice waits 3000000000 ms (about 34.7 days); the longest a timed choice may wait is 600000 ms (10 minutes). Use a shorter wait, e.g. "20000" for 20 seconds.',
    );
  });

  it('refuses anything but a positive whole number of milliseconds', () => {
    for (const bad of ['0', '-5', '1.5', '1e3', '020', '20s', ' 20000', 'Infinity']) {
      expect(delayProblem(bad), bad).toMatch(/^".*" is not a wait .* whole number from 1 to 600000, e\.g\. "20000"/);
    }
  });
});
