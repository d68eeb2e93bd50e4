import { describe, expect, it } from 'vitest';
import { loadScenarioValue } from '../engine/load-scenario.ts';
import { fakeScenario } from '../test-util/fakes.ts';
import { boosterIds, type LibraryEntry, libraryShelf, practiceFor, toLibraryEntry } from './library-entry.ts';

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

describe('the scenario suggested to practise a bystander step', () => {
  const withStages = (id: string, stages: Record<string, number>): LibraryEntry => {
    const e = entry(id);
    return e.ok ? { ...e, summary: { ...e.summary, stages } } : e;
  };

  it('is the one with the most chances at that step, never the scenario just played', () => {
    const shelf = [
      withStages('played', { interpret: 9 }),
      withStages('some', { interpret: 1, act: 4 }),
      broken,
      withStages('most', { interpret: 3 }),
      withStages('as-many', { interpret: 3 }),
    ];
    expect(practiceFor(shelf, 'interpret', 'played')?.id).toBe('most');
    expect(practiceFor(shelf, 'notice', 'played')).toBeUndefined();
  });

  it('counts the scenes at each step that offer a choice that scores', () => {
    // The fake scenario's one scene is an "act" scene whose choice earns no points: no chance to practise.
    const e = entry('plain');
    expect(e.ok && e.summary.stages).toEqual({});
  });
});
