import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { facilitatorGuide } from '../engine/facilitator-guide.ts';
import { scenarioMap } from './scenario-map.ts';
import { mapPaths } from './scenario-map-paths.ts';

describe('the map of a scenario', () => {
  it('has every scene and ending once, a line wherever a choice leads, and the best and worst paths along its lines', () => {
    const { scenario, analysis } = loadRealScenario('hand-on-the-back');
    const guide = facilitatorGuide(scenario, { language: 'en', support: [] });
    const paths = mapPaths(analysis);
    const map = scenarioMap(guide, paths);
    expect(map.nodes.map((n) => n.key).sort()).toEqual([...guide.scenes, ...guide.endings].map((s) => s.key).sort());
    // Each choice's destinations, joined into one line per pair of states.
    const keyOf = (to: (typeof guide.scenes)[number]['choices'][number]['leadsTo'][number]) =>
      to.kind === 'scene'
        ? guide.scenes[to.number - 1].key
        : to.kind === 'ending'
          ? guide.endings[to.number - 1].key
          : '';
    const expected = new Set(
      guide.scenes.flatMap((s) =>
        s.choices.flatMap((c) =>
          c.leadsTo
            .map(keyOf)
            .filter((k) => k && k !== s.key)
            .map((k) => `${s.key}→${k}`),
        ),
      ),
    );
    expect(new Set(map.edges.map((e) => `${e.from}→${e.to}`))).toEqual(expected);
    // The best path runs from the start to its ending along marked lines, one per step.
    expect(map.edges.filter((e) => e.best)).toHaveLength(paths.best.length - 1);
    expect(
      map.nodes
        .filter((n) => n.best)
        .map((n) => n.key)
        .sort(),
    ).toEqual([...new Set(paths.best)].sort());
    expect(map.nodes.find((n) => n.key === paths.worst.at(-1))?.kind).toBe('ending');
    // Laid out inside the map's box, no two boxes overlapping.
    for (const n of map.nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(map.height);
    }
    for (const a of map.nodes)
      for (const b of map.nodes)
        if (a !== b)
          expect(
            Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2,
            `${a.key} and ${b.key} overlap`,
          ).toBe(true);
  });
});
