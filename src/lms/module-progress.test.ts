import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { scenarioFiles } from '../cli/scenario-files.ts';
import { choicesFor } from '../engine/choices.ts';
import { picksToRun, runToPicks } from './module-picks.ts';
import {
  decodeProgress,
  encodeProgress,
  FRESH_PROGRESS,
  type ModuleProgress,
  moduleResult,
  scenarioPercent,
} from './module-progress.ts';
import { LIMITS } from './scorm-values.ts';

const ids = scenarioFiles([]).map((f) => f.replace(/^scenarios\//, '').replace(/\.json$/, ''));

describe('module progress in the LMS', () => {
  it('reads back what it wrote', () => {
    const progress: ModuleProgress = { at: 2, scores: [87, null], phase: 'feedback', picks: [0, 3, 1] };
    expect(encodeProgress(progress)).toBe('1|2|87,n|f|0.3.1');
    expect(decodeProgress(encodeProgress(progress))).toEqual(progress);
    expect(decodeProgress(encodeProgress(FRESH_PROGRESS))).toEqual(FRESH_PROGRESS);
  });

  it('refuses anything else, so a module starts afresh rather than misreading', () => {
    for (const text of [
      undefined,
      '',
      'garbage',
      '2|0||n|',
      '1|x||n|',
      '1|0||z|',
      '1|0||n|a.b',
      '1|0||n||',
      '{"at":0}',
    ]) {
      expect(decodeProgress(text)).toBeUndefined();
    }
  });

  it('fits SCORM 1.2’s 4,096 characters for a module of every scenario, at each one’s longest path', () => {
    let longest = 0;
    const picks: number[] = [];
    for (const id of ids) {
      const { analysis } = loadRealScenario(id);
      expect(Number.isFinite(analysis.longestPath)).toBe(true);
      longest = Math.max(longest, analysis.longestPath);
    }
    // The worst case: every scenario finished, the last at its longest path with two-digit picks.
    for (let i = 0; i < longest; i++) picks.push(99);
    const worst: ModuleProgress = { at: ids.length - 1, scores: ids.map(() => 100), phase: 'feedback', picks };
    const encoded = encodeProgress(worst);
    expect(encoded.length).toBeLessThanOrEqual(LIMITS.scorm12.suspendData);
    expect(encoded.length).toBeLessThan(200);
  });

  it('keeps a run as positions among the choices on offer, and replays them to the same run', () => {
    const { machine, analysis } = loadRealScenario('hand-on-the-back');
    const events = analysis.best?.steps.map((s) => s.event) ?? [];
    const picks = runToPicks(machine, events);
    expect(picks).toBeDefined();
    const run = picksToRun(machine, picks as number[]);
    expect(run?.steps.map((s) => s.event)).toEqual(events);
    expect(run?.snapshot.status).toBe('done');
    // A position that is not on offer is refused, not guessed.
    expect(picksToRun(machine, [choicesFor(machine, run?.snapshot as never).length + 50])).toBeUndefined();
  });
});

describe('scores', () => {
  it('puts a scenario’s score on the range its graph allows', () => {
    expect(scenarioPercent(8, 8, -4)).toBe(100);
    expect(scenarioPercent(-4, 8, -4)).toBe(0);
    expect(scenarioPercent(2, 8, -4)).toBe(50);
  });

  it('averages the played scenarios; skipped ones count for completion only', () => {
    expect(moduleResult([80, null, 60], 3, 70)).toEqual({ completed: true, score: 70, passed: true });
    expect(moduleResult([80], 3, 70)).toEqual({ completed: false, score: 80, passed: true });
    expect(moduleResult([null, null], 2, 70)).toEqual({ completed: true, score: undefined, passed: undefined });
    expect(moduleResult([50, 60], 2, 70)).toMatchObject({ passed: false, score: 55 });
  });
});
