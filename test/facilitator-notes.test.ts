import { describe, expect, it } from 'vitest';
import { loadScenarioValue } from '../src/engine/load-scenario.ts';
import { editable, fakeScenario } from '../src/test-util/fakes.ts';
import { runCli } from './support/run-cli.ts';

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('facilitator notes in the checker', () => {
  it('accepts notes as one text or a list, in every declared language, and reports the wrong type or a missing language', () => {
    const { status, stdout, stderr } = runCli('src/cli/check-scenarios.ts', [
      'test/fixtures/valid/facilitator-notes.json',
      'test/fixtures/invalid/facilitator-notes-type.json',
      'test/fixtures/invalid/facilitator-notes-language.json',
    ]);
    expect(status).toBe(1);
    expect(lines(stdout)).toEqual([
      'test/fixtures/valid/facilitator-notes.json: ok: 2 states, 1 choice, 1 ending, 1 distinct path, longest 1 decision, score 0..0',
      '1 of 3 scenario files valid.',
    ]);
    expect(lines(stderr)).toEqual([
      'test/fixtures/invalid/facilitator-notes-type.json: /states/start/meta/facilitatorNotes: Expected a string or an object or an array, got an integer.',
      'test/fixtures/invalid/facilitator-notes-language.json: /states/start/meta/facilitatorNotes/1: No "es" text; the scenario declares en, es.',
    ]);
  });

  it('reports a wrongly typed text-or-paragraphs field once, not once per form it could take', () => {
    for (const key of ['narrative', 'facilitatorNotes']) {
      const s = editable(fakeScenario());
      s.states.start.meta[key] = true;
      const result = loadScenarioValue(s);
      expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([`/states/start/meta/${key}`]);
    }
  });
});
