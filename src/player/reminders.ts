import ICAL from 'ical.js';

/** Weeks after the commitment at which the reminders fall: effects of one session fade over months. */
export const REMINDER_WEEKS = [2, 6, 12] as const;

/** The local time of day a reminder starts at (floating: 10:00 wherever the learner's calendar is). */
const REMINDER_HOUR = 10;

/** The words a reminder carries, in the learner's language. */
export interface ReminderWords {
  /** The event's title, e.g. "Upstander: your #IWill". */
  readonly summary: string;
  /** Introduces the learner's own commitment, e.g. "You said you would:". */
  readonly commitmentIntro: string;
  /** "Did you get a chance to act? What happened?" */
  readonly question: string;
  /** Introduces the booster link, e.g. "A 3-minute refresher:". */
  readonly boosterIntro: string;
}

/** What the reminders are built from; nothing here leaves the device. */
export interface ReminderInput {
  /** When the commitment is made: reminders fall 2, 6 and 12 weeks after this local date. */
  readonly now: Date;
  /** The learner's commitment, as they wrote or picked it. */
  readonly commitment: string;
  /** The app's address, origin and path without the hash, e.g. `https://example.org/train/`. */
  readonly appUrl: string;
  /** Booster ids; reminder n links to booster n (cycling when there are fewer). At least one. */
  readonly boosterIds: readonly string[];
  readonly words: ReminderWords;
}

/** One reminder: its local date (floating time), the booster it links to, and its text. */
export interface Reminder {
  readonly weeks: number;
  /** Local calendar date and time, not tied to a time zone. */
  readonly start: { year: number; month: number; day: number; hour: number; minute: number };
  readonly url: string;
  readonly description: string;
}

/** The link a reminder opens: the booster, with the follow-up question (`#/play/<id>/followup`). */
export function boosterLink(appUrl: string, boosterId: string): string {
  return `${appUrl}#/play/${encodeURIComponent(boosterId)}/followup`;
}

/** The three reminders for a commitment, at 2, 6 and 12 weeks after `now`'s local date, 10:00. */
export function reminders({ now, commitment, appUrl, boosterIds, words }: ReminderInput): Reminder[] {
  if (boosterIds.length === 0) throw new Error('Reminders need at least one booster to link to.');
  return REMINDER_WEEKS.map((weeks, i) => {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + weeks * 7);
    const url = boosterLink(appUrl, boosterIds[i % boosterIds.length] as string);
    return {
      weeks,
      start: {
        year: date.getFullYear(),
        month: date.getMonth() + 1,
        day: date.getDate(),
        hour: REMINDER_HOUR,
        minute: 0,
      },
      url,
      description: [words.commitmentIntro, commitment, '', words.question, '', words.boosterIntro, url].join('\n'),
    };
  });
}

/**
 * The reminders as an iCalendar file (RFC 5545): one VCALENDAR with a VEVENT per reminder, each with a
 * DISPLAY alarm at its start. Text is UTF-8, escaped (`\,` `\;` `\n` `\\`) and folded at 75 octets
 * by ical.js. UIDs derive from `now` and the week, so downloading again updates rather than doubles.
 */
export function remindersCalendar(input: ReminderInput): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//Upstander//Reminders//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  const stamp = ICAL.Time.fromJSDate(input.now, true);
  for (const reminder of reminders(input)) {
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', `upstander-${stamp.toICALString()}-${reminder.weeks}w@upstander.invalid`);
    event.addPropertyWithValue('dtstamp', stamp);
    event.addPropertyWithValue('dtstart', ICAL.Time.fromData({ ...reminder.start, second: 0 }));
    event.addPropertyWithValue('duration', ICAL.Duration.fromSeconds(15 * 60));
    event.addPropertyWithValue('summary', input.words.summary);
    event.addPropertyWithValue('description', reminder.description);
    event.addPropertyWithValue('url', reminder.url);
    const alarm = new ICAL.Component('valarm');
    alarm.addPropertyWithValue('action', 'DISPLAY');
    alarm.addPropertyWithValue('description', input.words.summary);
    alarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(0));
    event.addSubcomponent(alarm);
    calendar.addSubcomponent(event);
  }
  // ical.js counts the fold's leading space outside its limit: 74 keeps every physical line within 75 octets.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = foldLength;
  }
}
