import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONFIDENCE_ITEMS,
  type ConfidenceRecord,
  confidenceChange,
  isDue,
  type Moment,
  withAnswers,
  withSkip,
} from './confidence.ts';
import { STAGES } from './stages.ts';
import { findTactic } from './tactics.ts';

const HOUR = 3600 * 1000;
const all = (rating: number) => Object.fromEntries(CONFIDENCE_ITEMS.map((i) => [i.id, rating]));

/** A learner on one device, on the test's fake clock: what they are asked, and what they answer. */
function learner() {
  let record: ConfidenceRecord = {};
  let played = false;
  const due = (moment: Moment) => isDue(record, moment, new Date(), played);
  return {
    due,
    play: () => {
      played = true;
    },
    answer: (moment: Moment, rating: number) => {
      record = withAnswers(record, moment, all(rating), new Date());
    },
    skip: (moment: Moment) => {
      record = withSkip(record, moment, new Date());
    },
    record: () => record,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  // Mid-morning local time, so a few hours on stay the same day and a day on is the next.
  vi.setSystemTime(new Date(2026, 2, 2, 9, 0));
});
afterEach(() => vi.useRealTimers());

describe('when confidence is asked', () => {
  it('asks before the first scenario, then after its debrief the same day, then not again that day', () => {
    const l = learner();
    expect(l.due('before')).toBe(true);
    l.answer('before', 40);
    expect(l.due('before')).toBe(false);
    l.play();
    vi.advanceTimersByTime(HOUR);
    expect(l.due('after')).toBe(true);
    l.answer('after', 70);
    vi.advanceTimersByTime(HOUR);
    expect(l.due('after')).toBe(false);
    vi.setSystemTime(new Date(2026, 2, 2, 23, 59));
    expect(l.due('after')).toBe(false);
    // A new local day: asked after the next debrief, and the latest answers replace the last ones.
    vi.setSystemTime(new Date(2026, 2, 3, 0, 1));
    expect(l.due('after')).toBe(true);
    l.answer('after', 80);
    expect(l.record().latest?.ratings.speakUp).toBe(80);
    expect(l.record().before?.ratings.speakUp).toBe(40);
    expect(l.due('before')).toBe(false);
  });

  it('does not ask before once a scenario has been played on this device: it would no longer be before', () => {
    const l = learner();
    l.play();
    expect(l.due('before')).toBe(false);
    // And with nothing from before, a debrief has nothing to compare with.
    expect(l.due('after')).toBe(false);
  });

  it('after a skip before practice, asks neither before nor after again', () => {
    const l = learner();
    l.skip('before');
    expect(l.due('before')).toBe(false);
    l.play();
    vi.advanceTimersByTime(48 * HOUR);
    expect(l.due('after')).toBe(false);
    expect(l.record()).toEqual({ beforeSkipped: true });
  });

  it('after a skip at a debrief, asks again at a debrief on another day, not that day', () => {
    const l = learner();
    l.answer('before', 30);
    l.play();
    l.skip('after');
    expect(l.due('after')).toBe(false);
    vi.advanceTimersByTime(2 * HOUR);
    expect(l.due('after')).toBe(false);
    vi.advanceTimersByTime(24 * HOUR);
    expect(l.due('after')).toBe(true);
    expect(l.record().latest).toBeUndefined();
  });
});

describe('the change a learner sees', () => {
  it('is, per item, the latest answer minus the one before, in the data file order', () => {
    const record = withAnswers(
      withAnswers({}, 'before', { notice: 60, speakUp: 20, document: 50 }, new Date()),
      'after',
      { notice: 55, speakUp: 75, document: 50 },
      new Date(),
    );
    expect(confidenceChange(record).map((c) => [c.item.id, c.before, c.latest, c.change])).toEqual([
      ['notice', 60, 55, -5],
      ['speakUp', 20, 75, 55],
      ['document', 50, 50, 0],
    ]);
  });

  it('is empty until there are answers both before and after', () => {
    expect(confidenceChange(withAnswers({}, 'before', all(10), new Date()))).toEqual([]);
    expect(confidenceChange({})).toEqual([]);
  });
});

describe('the confidence items', () => {
  it('ask about each step and tactic once, in English and Spanish, naming what they measure', () => {
    expect(CONFIDENCE_ITEMS.map((i) => i.step ?? i.tactic)).toEqual([
      'notice',
      'responsibility',
      'stepForward',
      'speakUp',
      'distract',
      'bringOthers',
      'delay',
      'document',
    ]);
    expect(new Set(CONFIDENCE_ITEMS.map((i) => i.id)).size).toBe(CONFIDENCE_ITEMS.length);
    for (const item of CONFIDENCE_ITEMS) {
      expect(item.id).toMatch(/^[a-z][a-zA-Z]*$/);
      expect(item.step === undefined || STAGES.includes(item.step), item.id).toBe(true);
      expect(item.tactic === undefined || findTactic(item.tactic) !== undefined, item.id).toBe(true);
      expect(item.construct, item.id).toMatch(/^Bystander efficacy: /);
      for (const text of [item.name, item.text]) {
        expect(typeof text === 'object' && text.en && text.es, item.id).toBeTruthy();
      }
    }
  });
});
