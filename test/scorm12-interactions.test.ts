import { describe, expect, it } from 'vitest';
import { scorm12InteractionProblem } from './support/scorm12-interactions.ts';

// The stand-in LMS (test/support/lms-harness.ts) runs this same check on every SCORM 1.2 interaction
// value, refusing with the error a strict LMS gives: these cases show it refuses what 1.2 forbids.
const types: Record<number, string> = { 0: 'choice', 1: 'performance', 2: 'true-false', 3: 'matching' };
const check = (element: string, value: string) => scorm12InteractionProblem(element, value, (n) => types[n]);
const code = (element: string, value: string) => check(element, value)?.[0];

describe('SCORM 1.2 interactions, as a strict LMS checks them', () => {
  it("refuses a choice response that is not single characters 0-9/a-z (error 405): a choice's name is refused", () => {
    expect(code('cmi.interactions.0.student_response', 'WATCH_PRIYA')).toBe(405);
    expect(code('cmi.interactions.0.student_response', 'A')).toBe(405);
    expect(code('cmi.interactions.0.student_response', 'ab')).toBe(405);
    expect(check('cmi.interactions.0.student_response', 'b')).toBeUndefined();
    expect(check('cmi.interactions.0.student_response', 'a,c')).toBeUndefined();
    expect(check('cmi.interactions.0.student_response', '{a,c}')).toBeUndefined();
  });

  it('takes a performance response up to 255 characters (CMIString255), and no more', () => {
    expect(check('cmi.interactions.1.student_response', 'WATCH_PRIYA')).toBeUndefined();
    expect(code('cmi.interactions.1.student_response', 'x'.repeat(256))).toBe(405);
  });

  it('applies each type its format, correct_responses patterns included', () => {
    expect(check('cmi.interactions.2.student_response', 't')).toBeUndefined();
    expect(code('cmi.interactions.2.student_response', 'true')).toBe(405);
    expect(check('cmi.interactions.3.correct_responses.0.pattern', 'a.1,b.2')).toBeUndefined();
    expect(code('cmi.interactions.0.correct_responses.0.pattern', 'STAND_BESIDE')).toBe(405);
  });

  it('refuses a bad id, type, result, time, weighting or latency, and an element 1.2 does not have', () => {
    expect(code('cmi.interactions.0.id', 'hand on the back.1')).toBe(405);
    expect(code('cmi.interactions.0.id', 'x'.repeat(256))).toBe(405);
    expect(code('cmi.interactions.0.type', 'other')).toBe(405);
    expect(code('cmi.interactions.0.result', 'incorrect')).toBe(405);
    expect(code('cmi.interactions.0.time', '2026-12-01T10:00:00')).toBe(405);
    expect(code('cmi.interactions.0.weighting', 'high')).toBe(405);
    expect(code('cmi.interactions.0.latency', 'PT5S')).toBe(405);
    expect(code('cmi.interactions.0.objectives.0.id', 'two words')).toBe(405);
    expect(code('cmi.interactions.0.description', 'Stand beside her')).toBe(401);
    expect(code('cmi.interactions.0.learner_response', 'a')).toBe(401);
    expect(check('cmi.interactions.0.result', 'wrong')).toBeUndefined();
    expect(check('cmi.interactions.0.time', '09:05:00')).toBeUndefined();
    expect(check('cmi.interactions.0.latency', '0000:00:05.5')).toBeUndefined();
  });
});
