import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../src/cli/scenario-files.ts';
import { declaredLanguages, type Scenario, walkStates } from '../src/engine/index.ts';
import { loadRealScenario } from './support/scenario-files.ts';

/** What a facilitator needs from every shipped scenario, asserted from the files themselves. */
const ids = scenarioFiles([]).map((file) => file.replace(/^scenarios\//, '').replace(/\.json$/, ''));

/** The scenes a group votes on: states with choices of their own that are not endings. */
function decisionScenes(scenario: Scenario) {
  return [...walkStates(scenario)]
    .filter(({ state }) => !state.states && state.type !== 'final' && (state.on || state.after))
    .map(({ keys, state }) => ({ key: keys.join('.'), meta: state.meta }));
}

describe.each(ids)('scenario %s', (id) => {
  const { scenario } = loadRealScenario(id);
  const languages = declaredLanguages(scenario);

  it('gives every decision scene at least one discussion prompt, in every language it declares', () => {
    const lacking = decisionScenes(scenario)
      .filter(({ meta }) => (meta?.discussion ?? []).length === 0)
      .map(({ key }) => key);
    expect(lacking).toEqual([]);
    for (const { key, meta } of decisionScenes(scenario)) {
      for (const prompt of meta?.discussion ?? []) {
        for (const language of languages) {
          // An open question for the room: each prompt asks something, in each language.
          const text = typeof prompt === 'string' ? prompt : prompt[language];
          expect([key, language, text]).toEqual([key, language, expect.stringMatching(/\?$/)]);
        }
      }
    }
  });
});
