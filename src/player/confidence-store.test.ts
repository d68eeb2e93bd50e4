import { describe, expect, it } from 'vitest';
import { CONFIDENCE_ITEMS, withAnswers } from '../engine/confidence.ts';
import { isConfidenceRecord } from './confidence-store.ts';

const all = (rating: number) => Object.fromEntries(CONFIDENCE_ITEMS.map((i) => [i.id, rating]));

describe('stored confidence records', () => {
  it('reads what is written and refuses ratings outside 0–100 or not whole', () => {
    const record = withAnswers(withAnswers({}, 'before', all(0), new Date()), 'after', all(100), new Date());
    expect(isConfidenceRecord(JSON.parse(JSON.stringify(record)))).toBe(true);
    expect(isConfidenceRecord({ before: { at: 'x', ratings: { notice: 101 } } })).toBe(false);
    expect(isConfidenceRecord({ before: { at: 'x', ratings: { notice: 12.5 } } })).toBe(false);
    expect(isConfidenceRecord({ latest: { at: 'x', ratings: { notice: '50' } } })).toBe(false);
    expect(isConfidenceRecord({ beforeSkipped: 'yes' })).toBe(false);
    expect(isConfidenceRecord([])).toBe(false);
  });
});
