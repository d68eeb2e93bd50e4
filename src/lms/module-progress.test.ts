import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { scenarioFiles } from '../cli/scenario-files.ts';
import type { ScenarioState } from '../engine/scenario.types.ts';
import {
  decodeProgress,
  encodeProgress,
  freshProgress,
  type ModuleProgress,
  moduleProgressMeasure,
  moduleResult,
  packageKey,
} from './module-progress.ts';
import { LIMITS } from './scorm-values.ts';

const ids = scenarioFiles([]).map((f) => f.replace(/^scenarios\//, '').replace(/\.json$/, ''));

/** Every stable choice name a scenario can store: its events, and `wait`, `wait2`… per scene with timed choices. */
function storedNames(states: Record<string, ScenarioState>): string[] {
  return Object.values(states).flatMap((state) => [
    ...Object.keys(state.on ?? {}),
    ...Object.keys(state.after ?? {}).map((_, i) => (i === 0 ? 'wait' : `wait${i + 1}`)),
    ...storedNames((state.states ?? {}) as Record<string, ScenarioState>),
  ]);
}

describe('module progress in the LMS', () => {
  it('reads back what it wrote, choices by name', () => {
    const progress: ModuleProgress = {
      key: packageKey(['a', 'b']),
      at: 2,
      scores: [87, null],
      phase: 'feedback',
      picks: ['STAND_BESIDE', 'wait', 'ASK_HER_2'],
    };
    expect(encodeProgress(progress)).toBe(`2|${progress.key}|2|87,n|f|STAND_BESIDE.wait.ASK_HER_2`);
    expect(decodeProgress(encodeProgress(progress))).toEqual(progress);
    expect(decodeProgress(encodeProgress(freshProgress('k1')))).toEqual(freshProgress('k1'));
  });

  it('refuses anything else, so a module starts afresh rather than misreading', () => {
    for (const text of [
      undefined,
      '',
      'garbage',
      '1|0||n|0.1', // the old format, which kept choices as positions
      '2|k|x||n|',
      '2|k|0||z|',
      '2|k|0||n|go.GO',
      '2|k|0|101|n|',
      '2|K!|0||n|',
      '2|k|0||n||',
      '{"at":0}',
    ]) {
      expect(decodeProgress(text)).toBeUndefined();
    }
  });

  it('tells packages apart by their scenarios, in order', () => {
    expect(packageKey(['a', 'b'])).toBe(packageKey(['a', 'b']));
    expect(packageKey(['a', 'b'])).not.toBe(packageKey(['b', 'a']));
  });

  it('fits SCORM 1.2’s 4,096 characters for a module of every scenario, at the longest path with the longest names', () => {
    let longest = 0;
    let name = '';
    for (const id of ids) {
      const { scenario, analysis } = loadRealScenario(id);
      expect(Number.isFinite(analysis.longestPath)).toBe(true);
      longest = Math.max(longest, analysis.longestPath);
      for (const n of storedNames(scenario.states)) if (n.length > name.length) name = n;
    }
    // The worst case: every scenario but the last finished, the last at the end of its longest path,
    // each choice the longest name any scenario has.
    const worst: ModuleProgress = {
      key: packageKey(ids),
      at: ids.length - 1,
      scores: ids.slice(1).map(() => 100),
      phase: 'feedback',
      picks: Array(longest).fill(name),
    };
    const encoded = encodeProgress(worst);
    expect(decodeProgress(encoded)).toEqual(worst);
    expect(encoded.length).toBeLessThanOrEqual(LIMITS.scorm12.suspendData);
  });
});

describe('the module’s result', () => {
  it('says nothing that counts before every scenario is finished', () => {
    expect(moduleResult([100], 2, 70)).toEqual({ done: false, completed: false, score: undefined, passed: undefined });
    expect(moduleResult([0], 2, 70)).toEqual({ done: false, completed: false, score: undefined, passed: undefined });
  });

  it('averages the played scenarios once all are finished; a skip counts as the skip rule says', () => {
    expect(moduleResult([80, null, 60], 3, 70)).toEqual({ done: true, completed: true, score: 70, passed: true });
    expect(moduleResult([50, 60], 2, 70)).toMatchObject({ passed: false, score: 55 });
    // completion (the default): a skip completes, and counts for no score.
    expect(moduleResult([null, null], 2, 70)).toEqual({
      done: true,
      completed: true,
      score: undefined,
      passed: undefined,
    });
    // failed: a skipped scenario counts as failed, 0 of 100.
    expect(moduleResult([80, null], 2, 70, 'failed')).toEqual({
      done: true,
      completed: true,
      score: 40,
      passed: false,
    });
    expect(moduleResult([null, null], 2, 70, 'failed')).toMatchObject({ completed: true, score: 0, passed: false });
    // incomplete: not complete, and no score, until every scenario is played.
    expect(moduleResult([80, null], 2, 70, 'incomplete')).toEqual({
      done: true,
      completed: false,
      score: undefined,
      passed: undefined,
    });
    expect(moduleResult([80, 90], 2, 70, 'incomplete')).toMatchObject({ completed: true, score: 85, passed: true });
  });

  it('moves the share done with each decision, reaching 1 only when the module is complete', () => {
    const picks = (n: number) => Array(n).fill('GO');
    const measures = [0, 1, 2, 3].map((n) => moduleProgressMeasure({ at: 0, scores: [], picks: picks(n) }, 2, 4));
    expect(measures).toEqual([...measures].sort());
    expect(new Set(measures).size).toBe(4);
    expect(Math.max(...measures)).toBeLessThan(0.5);
    // The first scenario's ending: its whole share, and no more, with its choices still on the screen.
    expect(moduleProgressMeasure({ at: 0, scores: [90], picks: picks(4) }, 2, 4)).toBe(0.5);
    expect(moduleProgressMeasure({ at: 1, scores: [90], picks: [] }, 2, 4)).toBe(0.5);
    expect(moduleProgressMeasure({ at: 1, scores: [90], picks: picks(9) }, 2, 4)).toBeLessThan(1);
    expect(moduleProgressMeasure({ at: 1, scores: [90, 10], picks: picks(4) }, 2, 4)).toBe(1);
    expect(moduleProgressMeasure({ at: 1, scores: [90, null], picks: [] }, 2, 4, 'incomplete')).toBe(0.5);
  });
});
