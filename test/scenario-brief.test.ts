import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../src/cli/scenario-files.ts';
import {
  BOOSTER_RULES,
  checkHouseRules,
  checkLibraryRules,
  HOUSE_RULES,
  type HouseRule,
  isBooster,
  LIBRARY_RULES,
  type LibraryRule,
  practisedTactics,
  runEnding,
  runScore,
} from '../src/engine/index.ts';
import { play } from '../src/test-util/play.ts';
import { loadRealScenario } from './support/scenario-files.ts';

/**
 * What every scenario must offer a learner, asserted from the files themselves. The rules live in
 * src/engine/house-rules.ts, which `npm run scenarios:check` applies too: its `ok` means these pass.
 * (The discussion rule is asserted with the facilitation content, in scenario-facilitation.test.ts.)
 */
const ids = scenarioFiles([]).map((file) => file.replace(/^scenarios\//, '').replace(/\.json$/, ''));
/** A booster keeps the booster rules instead (`meta.kind: "booster"`). */
const rulesFor = (booster: boolean): [string, HouseRule][] =>
  Object.entries(booster ? BOOSTER_RULES : HOUSE_RULES)
    .filter(([rule]) => rule !== 'discussion')
    .map(([rule, name]) => [name, rule as HouseRule]);

describe.each(ids)('scenario %s', (id) => {
  const loaded = loadRealScenario(id);
  const { analysis, machine } = loaded;
  const rules = rulesFor(isBooster(loaded.scenario));

  it('plays its best and worst paths to an ending, scoring what the analysis says', () => {
    for (const path of [analysis.best, analysis.worst]) {
      const run = play(machine, path?.steps.map((step) => step.event) ?? []);
      expect(runEnding(machine, run)).toBeDefined();
      expect(runScore(run)).toEqual(path?.score);
    }
  });

  it.each(rules)('%s', (_name, rule) => {
    expect(checkHouseRules(loaded).filter((issue) => issue.rule === rule)).toEqual([]);
  });
});

describe('the scenario library as a whole', () => {
  const scenarios = ids.map((id) => loadRealScenario(id).scenario);

  it.each((Object.keys(LIBRARY_RULES) as LibraryRule[]).map((rule) => [LIBRARY_RULES[rule], rule]))(
    '%s',
    (_name, rule) => {
      expect(checkLibraryRules(scenarios).filter((issue) => issue.rule === rule)).toEqual([]);
    },
  );
});

describe('the boosters', () => {
  const boosters = ids.map((id) => loadRealScenario(id).scenario).filter(isBooster);

  it('are three, one workplace, one transport and one online, each practising a different core tactic', () => {
    expect(boosters.map((s) => s.meta.setting).sort()).toEqual(['online', 'transit', 'workplace']);
    // The core tactic the best path earns most points for.
    const core = boosters.map((s) => {
      const points = loadRealScenario(s.id).analysis.best?.score.tactics ?? {};
      return ['stepForward', 'speakUp', 'bringOthers'].toSorted((a, b) => (points[b] ?? 0) - (points[a] ?? 0))[0];
    });
    expect(new Set(core).size).toBe(3);
  });
});

describe('the first scenario, hand-on-the-back', () => {
  it('makes all three core tactics available', () => {
    const { scenario } = loadRealScenario('hand-on-the-back');
    expect(practisedTactics(scenario)).toEqual(expect.arrayContaining(['stepForward', 'speakUp', 'bringOthers']));
  });
});
