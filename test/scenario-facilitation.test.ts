import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../src/cli/scenario-files.ts';
import { checkHouseRules, HOUSE_RULES } from '../src/engine/index.ts';
import { loadRealScenario } from './support/scenario-files.ts';

/** What a facilitator needs from every shipped scenario: the house rule `scenarios:check` applies too. */
const ids = scenarioFiles([]).map((file) => file.replace(/^scenarios\//, '').replace(/\.json$/, ''));

describe.each(ids)('scenario %s', (id) => {
  it(HOUSE_RULES.discussion, () => {
    const issues = checkHouseRules(loadRealScenario(id)).filter((issue) => issue.rule === 'discussion');
    expect(issues).toEqual([]);
  });
});
