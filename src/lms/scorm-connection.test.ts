import { describe, expect, it } from 'vitest';
import { commitRetryDelay, improves } from './scorm-connection.ts';

describe('a result the LMS holds', () => {
  const passed = { completed: true, passed: true, score: 80 };
  const failed = { completed: true, passed: false, score: 40 };
  const completed = { completed: true, passed: undefined, score: undefined };

  it('is replaced only by a higher one', () => {
    expect(improves(undefined, failed)).toBe(true);
    expect(improves(failed, { ...failed, score: 50 })).toBe(true);
    expect(improves(failed, passed)).toBe(true);
    expect(improves(passed, { ...passed, score: 90 })).toBe(true);
    expect(improves(completed, passed)).toBe(true);
  });

  it('is never lowered: not by a fail, a lower score, or an incomplete module', () => {
    expect(improves(passed, failed)).toBe(false);
    expect(improves(passed, { ...passed, score: 75 })).toBe(false);
    expect(improves(passed, completed)).toBe(false);
    expect(improves(completed, failed)).toBe(false);
    expect(improves(failed, { ...failed, score: 30 })).toBe(false);
    expect(improves(completed, { completed: false, passed: undefined, score: undefined })).toBe(false);
  });
});

describe('a refused commit', () => {
  it('is retried with a growing back-off, capped', () => {
    const delays = [0, 1, 2, 3, 10].map(commitRetryDelay);
    expect(delays.slice(0, 4)).toEqual([500, 1000, 2000, 4000]);
    expect(delays[4]).toBe(15_000);
  });
});
