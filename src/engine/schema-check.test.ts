import { describe, expect, it } from 'vitest';
import { fakeScenario } from '../test-util/fakes.ts';
import { checkSchema, scenarioSchema } from './schema-check.ts';
import { TACTICS } from './tactics.ts';
import { ACTION_NAMES, GUARD_NAMES } from './vocabulary.ts';

describe('the format 1 schema', () => {
  it('names exactly the engine’s vocabulary, so editors and the checker agree', () => {
    expect(scenarioSchema.definitions.action.properties.type.enum).toEqual(ACTION_NAMES);
    expect(scenarioSchema.definitions.guard.properties.type.enum).toEqual(GUARD_NAMES);
  });

  it('accepts a valid scenario', () => {
    expect(checkSchema(fakeScenario())).toEqual([]);
  });

  it('reads like an author would want: where, what was expected, what was found', () => {
    const s = JSON.parse(JSON.stringify(fakeScenario()));
    s.meta.title = 42;
    s.states.start.on.go = s.states.start.on.GO;
    s.states.start.type = 'parallel';
    expect(checkSchema(s).map((i) => `${i.code} ${i.path}: ${i.message}`)).toEqual([
      'schema /meta/title: Expected a string or an object, got an integer.',
      'unsupported /states/start/type: "parallel": parallel states are not supported: a learner is in one scene at a time.',
      `schema /states/start/on/go: Expected a choice's event name in UPPER_SNAKE_CASE, e.g. STAND_BESIDE; got "go".`,
    ]);
  });
});

describe('a scenario id', () => {
  it('is at most 64 characters: it names the file, and the copies a server keeps of it', () => {
    const s = JSON.parse(JSON.stringify(fakeScenario()));
    s.id = 'a'.repeat(64);
    expect(checkSchema(s)).toEqual([]);
    s.id = 'a'.repeat(65);
    expect(checkSchema(s).map((i) => `${i.path}: ${i.message}`)).toEqual([
      '/id: Too long: at most 64 characters, and this has 65. Shorten it.',
    ]);
  });
});

describe('the tactic taxonomy', () => {
  it('has the three core tactics, each mapped to the 5Ds', () => {
    expect(TACTICS.filter((t) => t.core).map((t) => t.id)).toEqual(['stepForward', 'speakUp', 'bringOthers']);
    for (const tactic of TACTICS) {
      expect(tactic.id).toMatch(new RegExp(scenarioSchema.definitions.tacticId.pattern));
      expect(tactic.fiveDs.length).toBeGreaterThan(0);
      expect(tactic.name && tactic.description && tactic.pledge).toBeTruthy();
    }
  });
});
