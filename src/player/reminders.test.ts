import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type ReminderInput, remindersCalendar } from './reminders.ts';

const words = {
  summary: 'Upstander: tu #IWill',
  commitmentIntro: 'Dijiste que harías esto:',
  question: 'Did you get a chance to act? What happened?',
  boosterIntro: 'Un repaso de 3 minutos:',
};
const commitment = 'Diré «no, gracias; eso no está bien», y luego\nmiraré cómo está, pase lo que pase 💪';
const input: ReminderInput = {
  now: new Date(2026, 10, 30, 22, 47),
  commitment,
  appUrl: 'https://example.org/train/',
  boosterIds: ['booster-a', 'booster-b', 'booster-c'],
  words,
};

/** RFC 5545 §3.1, checked by hand: CRLF lines of at most 75 octets, continuation lines start with a space or tab. */
function contentLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  }
  return physical.reduce<string[]>((lines, line) => {
    if (/^[ \t]/.test(line)) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
    return lines;
  }, []);
}

describe('the reminders calendar', () => {
  const ics = remindersCalendar(input);

  it('folds at 75 octets without splitting a UTF-8 character, and escapes text as RFC 5545 requires', () => {
    const lines = contentLines(ics);
    // Folding never cut a character in two: the file decodes back to the same text.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(ics))).toBe(ics);
    const descriptions = lines.filter((line) => line.startsWith('DESCRIPTION:') && line.includes('Dijiste'));
    expect(descriptions).toHaveLength(3);
    for (const line of descriptions) {
      expect(line).toContain(
        'Diré «no\\, gracias\\; eso no está bien»\\, y luego\\nmiraré cómo está\\, pase lo que pase 💪',
      );
      expect(line.slice('DESCRIPTION:'.length)).not.toMatch(/(^|[^\\])[,;]/);
    }
  });

  it('holds three events at 2, 6 and 12 weeks after the given day, 10:00 local time, each with an alarm', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('dtstart')?.toString())).toEqual([
      '2026-12-14T10:00:00',
      '2027-01-11T10:00:00',
      '2027-02-22T10:00:00',
    ]);
    for (const event of events) {
      const alarm = event.getFirstSubcomponent('valarm');
      expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(alarm?.getFirstPropertyValue('trigger')?.toString()).toBe('PT0S');
    }
    expect(new Set(events.map((e) => e.getFirstPropertyValue('uid'))).size).toBe(3);
  });

  it('gives each event the commitment, the follow-up question and a link to a booster, read back intact', () => {
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    const links = ['booster-a', 'booster-b', 'booster-c'].map(
      (id) => `https://example.org/train/#/play/${id}/followup`,
    );
    expect(events.map((e) => e.getFirstPropertyValue('url'))).toEqual(links);
    events.forEach((event, i) => {
      const description = String(event.getFirstPropertyValue('description'));
      expect(description).toContain(commitment);
      expect(description).toContain('Did you get a chance to act? What happened?');
      expect(description).toContain(links[i]);
      expect(event.getFirstPropertyValue('summary')).toBe(words.summary);
    });
  });

  it('counts weeks in local days across a daylight-saving change', () => {
    const events = new ICAL.Component(ICAL.parse(remindersCalendar({ ...input, now: new Date(2027, 2, 20, 23, 30) })))
      .getAllSubcomponents('vevent')
      .map((e) => e.getFirstPropertyValue('dtstart')?.toString());
    expect(events).toEqual(['2027-04-03T10:00:00', '2027-05-01T10:00:00', '2027-06-12T10:00:00']);
  });

  it('refuses to build reminders with no booster to link to', () => {
    expect(() => remindersCalendar({ ...input, boosterIds: [] })).toThrow('at least one booster');
  });
});
