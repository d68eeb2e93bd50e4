// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, readAttempts, recordAttempt, type StepAttempt } from './step-profile-store.ts';

const attempt = (path: string, date = '2026-12-01', scenarioId = 'hand-on-the-back'): StepAttempt => ({
  scenarioId,
  date,
  path,
  steps: [{ stage: 'notice', opportunities: 1, acted: path.startsWith('CATCH') ? 1 : 0 }],
});

beforeEach(() => localStorage.clear());

describe("the learner's step profile on this device", () => {
  it('keeps each finished run once, even when the same debrief is shown again', () => {
    recordAttempt(attempt('WATCH_PRIYA JOKE_ALONG'));
    recordAttempt(attempt('WATCH_PRIYA JOKE_ALONG')); // a reload of the same debrief
    recordAttempt(attempt('CATCH_SAMS_EYE ASK_SAM'));
    recordAttempt(attempt('WATCH_PRIYA JOKE_ALONG', '2026-12-02')); // the same path, another day: a new attempt
    expect(readAttempts().map((a) => [a.path, a.date])).toEqual([
      ['WATCH_PRIYA JOKE_ALONG', '2026-12-01'],
      ['CATCH_SAMS_EYE ASK_SAM', '2026-12-01'],
      ['WATCH_PRIYA JOKE_ALONG', '2026-12-02'],
    ]);
  });

  it(`keeps only the latest ${MAX_ATTEMPTS}`, () => {
    for (let i = 0; i < MAX_ATTEMPTS + 5; i++) recordAttempt(attempt(`PATH_${i}`));
    const kept = readAttempts();
    expect(kept).toHaveLength(MAX_ATTEMPTS);
    expect(kept[0].path).toBe('PATH_5');
  });

  it('starts afresh, without failing, when what is stored cannot be read', () => {
    localStorage.setItem('upstander:v1:step-profile', '[{"scenarioId": 3}]');
    expect(readAttempts()).toEqual([]);
    expect(recordAttempt(attempt('CATCH_SAMS_EYE'))).toHaveLength(1);
  });
});
