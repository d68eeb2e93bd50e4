import { describe, expect, it } from 'vitest';
import {
  scorm12Time,
  scorm12Timespan,
  scorm2004Duration,
  scorm2004Timestamp,
  scormIdentifier,
} from './scorm-values.ts';

describe('SCORM value formats', () => {
  it('writes SCORM 1.2 timespans and times of day', () => {
    expect(scorm12Timespan(3_723_450)).toBe('0001:02:03.45');
    expect(scorm12Timespan(0)).toBe('0000:00:00.00');
    expect(scorm12Time(new Date(2026, 10, 25, 9, 5, 7))).toBe('09:05:07');
  });

  it('writes SCORM 2004 durations and timestamps', () => {
    expect(scorm2004Duration(3_723_450)).toBe('PT1H2M3.45S');
    expect(scorm2004Duration(0)).toBe('PT0H0M0S');
    expect(scorm2004Timestamp(new Date('2026-11-25T10:00:01.999Z'))).toBe('2026-11-25T10:00:01.99Z');
  });

  it('makes identifiers without white space or characters an LMS might choke on', () => {
    expect(scormIdentifier('hand-on-the-back.1 STAND BESIDE/ok')).toBe('hand-on-the-back.1_STAND_BESIDE_ok');
    expect(scormIdentifier('x'.repeat(300), 255)).toHaveLength(255);
  });
});
