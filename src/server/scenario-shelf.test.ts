import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateText } from '../studio/template.ts';
import { KEPT_VERSIONS, PREVIOUS_DIR, ScenarioShelf } from './scenario-shelf.ts';

describe('the scenarios folder as the server holds it', () => {
  it('reports a broken file once, with its problem, and again only when the problem changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstander-shelf-'));
    writeFileSync(join(dir, 'broken.json'), '{ "id": "broken", ');
    const said: string[] = [];
    const shelf = new ScenarioShelf(dir, (line) => said.push(line));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^broken\.json is not offered: .*broken\.json: \/: /);
    shelf.reload();
    shelf.reload();
    expect(said).toHaveLength(1);
    writeFileSync(join(dir, 'broken.json'), '[]');
    shelf.reload();
    expect(said).toHaveLength(2);
    expect(shelf.catalogue.size).toBe(0);
  });

  it("keeps the newest versions a save replaced, twenty of each scenario, and no other scenario's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstander-shelf-'));
    const shelf = new ScenarioShelf(dir);
    const text = (title: string, id = 'my-scenario') =>
      templateText()
        .replace('"title": "My scenario"', `"title": "${title}"`)
        .replace('"id": "my-scenario"', `"id": "${id}"`);
    expect(shelf.save(text('A', 'my-scenario-two')).ok).toBe(true);
    expect(shelf.save(text('B', 'my-scenario-two')).ok).toBe(true);
    for (let i = 0; i <= KEPT_VERSIONS + 3; i++)
      expect(shelf.save(text(`Version ${i}`), new Date(Date.UTC(2026, 0, 1, 0, 0, i))).ok).toBe(true);
    const kept = readdirSync(join(dir, PREVIOUS_DIR)).sort();
    const mine = kept.filter((name) => /^my-scenario-\d{4}-/.test(name));
    expect(mine).toHaveLength(KEPT_VERSIONS);
    // The newest are kept: the last replaced was the one before the last save.
    expect(readFileSync(join(dir, PREVIOUS_DIR, mine.at(-1) as string), 'utf8')).toContain(
      `Version ${KEPT_VERSIONS + 2}`,
    );
    expect(kept.filter((name) => name.startsWith('my-scenario-two-'))).toHaveLength(1);
  });
});
