import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { compileScenario } from './compile-scenario.ts';

describe('compileScenario', () => {
  it('builds a scenario’s machine and analysis once, however many views ask', () => {
    const { scenario, analysis } = loadRealScenario('hand-on-the-back');
    const first = compileScenario(scenario);
    expect(compileScenario(scenario)).toBe(first);
    expect(first.analysis?.best?.score.total).toBe(analysis.best?.score.total);
    expect(first.analysis?.worst?.score.total).toBe(analysis.worst?.score.total);
    // Another scenario object is compiled on its own.
    expect(compileScenario(structuredClone(scenario))).not.toBe(first);
  });
});
