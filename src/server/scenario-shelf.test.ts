import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioShelf } from './scenario-shelf.ts';

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
});
