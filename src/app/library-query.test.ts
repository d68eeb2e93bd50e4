import { describe, expect, it } from 'vitest';
import type { ScenarioMeta } from '../engine/scenario.types.ts';
import type { ScenarioSummary } from '../ui/library-entry.ts';
import {
  formatQuery,
  type LearnerStatus,
  learnerStatus,
  matchesQuery,
  minutesBand,
  parseQuery,
  suggest,
} from './library-query.ts';

const summary = (id: string, meta: Partial<ScenarioMeta>, tactics: string[] = ['speakUp']): ScenarioSummary => ({
  id,
  tactics,
  meta: {
    format: 1,
    title: id,
    setting: 'workplace',
    summary: 'For tests.',
    contentNote: 'Nothing upsetting.',
    minutes: 6,
    language: 'en',
    ...meta,
  },
});

const train = summary('train', {
  title: { en: 'The crowded train', es: 'El tren lleno' },
  summary: { en: 'A man presses against a student.', es: 'Un hombre se arrima a una estudiante en el andén.' },
  setting: 'transit',
  minutes: 5,
  languages: ['en', 'es'],
});
const office = summary('office', { title: 'The hand on the back', minutes: 7 }, ['stepForward', 'speakUp']);
const chat = summary('chat', { title: 'Group chat', setting: 'online', minutes: 9 }, ['document', 'delay']);
const all = [train, office, chat];
const names = (query: Parameters<typeof matchesQuery>[1], words = (s: ScenarioSummary): string => s.meta.setting) =>
  all.filter((s) => matchesQuery(s, query, words(s))).map((s) => s.id);

describe('a learner status', () => {
  it('tells skipped apart from finished, and a run in progress from one not begun', () => {
    expect(learnerStatus(undefined)).toBe('new');
    expect(learnerStatus('note')).toBe('started');
    expect(learnerStatus('scene')).toBe('started');
    expect(learnerStatus('feedback')).toBe('started');
    expect(learnerStatus('debrief')).toBe('finished');
    expect(learnerStatus('skipped')).toBe('skipped');
  });
});

describe('search and filters', () => {
  it('finds words in the title or summary in any language, ignoring case and accents', () => {
    expect(names({ q: 'TREN' })).toEqual(['train']);
    expect(names({ q: 'andén' })).toEqual(['train']);
    expect(names({ q: 'anden' })).toEqual(['train']);
    expect(names({ q: 'hand back' })).toEqual(['office']);
    expect(names({ q: 'hand train' })).toEqual([]);
  });

  it('finds the setting by the words the interface uses for it', () => {
    expect(names({ q: 'transporte' }, (s) => (s.meta.setting === 'transit' ? 'Transporte público' : ''))).toEqual([
      'train',
    ]);
  });

  it('filters by setting, tactic, language and length band, all of them together', () => {
    expect(names({ setting: 'online' })).toEqual(['chat']);
    expect(names({ tactic: 'speakUp' })).toEqual(['train', 'office']);
    expect(names({ language: 'es' })).toEqual(['train']);
    expect(names({ minutes: 'short' })).toEqual(['train']);
    expect(names({ minutes: 'medium' })).toEqual(['office']);
    expect(names({ minutes: 'long' })).toEqual(['chat']);
    expect(names({ tactic: 'speakUp', minutes: 'medium' })).toEqual(['office']);
    expect(names({ setting: 'online', tactic: 'speakUp' })).toEqual([]);
    expect(names({})).toEqual(['train', 'office', 'chat']);
  });

  it('puts minutes in bands: up to 5, 6 to 8, 9 or more', () => {
    expect([1, 5, 6, 8, 9, 30].map(minutesBand)).toEqual(['short', 'short', 'medium', 'medium', 'long', 'long']);
  });

  it('keeps the query in a URL query string and reads it back, dropping what it does not know', () => {
    const query = { q: 'tren lleno', setting: 'transit', minutes: 'short' } as const;
    expect(parseQuery(formatQuery(query))).toEqual(query);
    expect(formatQuery({ q: ' ', tactic: 'speakUp' })).toBe('tactic=speakUp');
    expect(parseQuery('minutes=forever&colour=red&language=es')).toEqual({ language: 'es' });
    expect(parseQuery('')).toEqual({});
  });
});

describe('the suggested scenario', () => {
  const statuses =
    (map: Record<string, LearnerStatus>) =>
    (id: string): LearnerStatus =>
      map[id] ?? 'new';
  const core = ['stepForward', 'speakUp', 'bringOthers'];

  it('for someone new practises the most core tactics in their language, the shortest of those', () => {
    expect(suggest(all, statuses({}), 'en', core)).toEqual({
      id: 'office',
      reason: 'first',
      newTactics: ['stepForward', 'speakUp'],
    });
    const shorterTwin = summary('twin', { minutes: 5 }, ['speakUp', 'stepForward']);
    expect(suggest([...all, shorterTwin], statuses({}), 'en', core)?.id).toBe('twin');
    // A Spanish speaker is offered one written in Spanish before one with more basics that is not.
    expect(suggest(all, statuses({}), 'es', core)?.id).toBe('train');
    expect(suggest(all, statuses({}), 'fr', core)?.id).toBe('office');
  });

  it('skipping or starting one is not finishing it: the learner is still new', () => {
    expect(suggest(all, statuses({ train: 'skipped', office: 'started' }), 'en', core)?.reason).toBe('first');
  });

  it('after a finish, is the unplayed one adding the most tactics not yet practised', () => {
    expect(suggest(all, statuses({ train: 'finished' }), 'en', core)).toEqual({
      id: 'chat',
      reason: 'next',
      newTactics: ['document', 'delay'],
    });
    // A skipped scenario is not pressed on the learner again.
    expect(suggest(all, statuses({ train: 'finished', chat: 'skipped' }), 'en', core)).toEqual({
      id: 'office',
      reason: 'next',
      newTactics: ['stepForward'],
    });
    expect(suggest(all, statuses({ office: 'finished', chat: 'finished' }), 'en', core)).toBeUndefined();
  });
});
