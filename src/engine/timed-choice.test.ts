import { describe, expect, it } from 'vitest';
import {
  countWords,
  delayProblem,
  MAX_DELAY_MS,
  READING_WORDS_PER_MINUTE,
  readingAllowanceMs,
} from './timed-choice.ts';

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

describe('the reading allowance', () => {
  it('counts words by Unicode word boundaries, not punctuation or spaces', () => {
    expect(countWords("Priya freezes. Mark's hand stays — and nobody speaks.")).toBe(8);
    expect(countWords('  ¿Qué   haces?  ')).toBe(2);
    expect(countWords('— … !')).toBe(0);
    expect(countWords('See https://example.org/report?id=42 now')).toBeGreaterThanOrEqual(3);
  });

  it('gives every word on screen 60/150 s at 150 words a minute, rounded up to a whole second', () => {
    expect(READING_WORDS_PER_MINUTE).toBe(150);
    const narrative = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    // 100 + 4 + 3 + 3 = 110 words: 44 s at 150 words a minute.
    expect(readingAllowanceMs([narrative, 'What do you do?', 'Say something now.', 'Wait and see.'])).toBe(44_000);
    // One word is 0.4 s, which a learner sees as 1 s.
    expect(readingAllowanceMs(['Hello'])).toBe(1_000);
    expect(readingAllowanceMs([])).toBe(0);
  });

  it('never gives a reader at the set speed less time than their words take', () => {
    for (const words of [1, 7, 74, 110, 333]) {
      const text = Array.from({ length: words }, () => 'word').join(' ');
      for (const wpm of [100, 150, 250]) {
        expect(readingAllowanceMs([text], wpm)).toBeGreaterThanOrEqual((words / wpm) * 60_000);
        expect(readingAllowanceMs([text], wpm)).toBeLessThan((words / wpm) * 60_000 + 1000);
      }
    }
  });

  it('refuses a reading speed that is not a positive number', () => {
    for (const bad of [0, -150, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => readingAllowanceMs(['a'], bad)).toThrow(RangeError);
    }
  });
});
