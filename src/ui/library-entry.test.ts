import { describe, expect, it } from 'vitest';
import { loadScenarioValue } from '../engine/load-scenario.ts';
import { fakeScenario } from '../test-util/fakes.ts';
import { boosterIds, libraryShelf, toLibraryEntry } from './library-entry.ts';

const entry = (id: string, kind?: 'full' | 'booster') =>
  toLibraryEntry(`scenarios/${id}.json`, loadScenarioValue(fakeScenario({ id, meta: { kind } as never })));
const broken = toLibraryEntry('scenarios/broken.json', loadScenarioValue({}));

describe('the library entries', () => {
  const entries = [entry('full-one'), entry('booster-one', 'booster'), broken, entry('full-two', 'full')];

  it('keep boosters off the library shelf, and broken files on it', () => {
    expect(libraryShelf(entries).map((e) => e.file)).toEqual([
      'scenarios/full-one.json',
      'scenarios/broken.json',
      'scenarios/full-two.json',
    ]);
  });

  it('name the boosters the reminders can link to', () => {
    expect(boosterIds(entries)).toEqual(['booster-one']);
  });
});
