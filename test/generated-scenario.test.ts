import { describe, expect, it } from 'vitest';
import { loadScenarioValue, scenarioParts } from '../src/engine/index.ts';
import { generateScenario } from './support/generate-scenario.ts';

describe('the benchmark’s generated scenario', () => {
  it('has 200 states and 600 choices, passes every check, and is analysed over its situations', () => {
    const result = loadScenarioValue(generateScenario(), 'generated.json');
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    expect(scenarioParts(result.scenario)).toEqual({ states: 200, choices: 600, endings: 10 });
    expect(result.analysis.situations).toBeGreaterThan(200); // variables multiply the states
    expect(result.analysis.endings).toHaveLength(10);
    expect(result.analysis.best?.score.total).toBeGreaterThan(result.analysis.worst?.score.total ?? 0);
  });
});
