import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateText } from '../src/studio/template.ts';
import type { LibraryEntry } from '../src/ui/library-entry.ts';
import { ROOT } from './support/scenario-files.ts';
import { startServer } from './support/server-process.ts';

const KEY = 'a-long-author-key-0123456789';

/** A scenarios folder with two shipped scenarios, and a SQLite file, for one server. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'upstander-shelf-'));
  const scenarios = join(dir, 'scenarios');
  mkdirSync(scenarios);
  return { dir, scenarios, sqlite: join(dir, 'sessions.sqlite') };
}

async function withScenarios(env: Record<string, string> = {}) {
  const { dir, scenarios, sqlite } = setUp();
  for (const id of ['hand-on-the-back', 'crowded-train'])
    copyFileSync(join(ROOT, 'scenarios', `${id}.json`), join(scenarios, `${id}.json`));
  const server = await startServer({ SCENARIOS_DIR: scenarios, SQLITE_FILE: sqlite, ...env });
  if (!server.url) throw new Error(server.output);
  return { dir, scenarios, url: server.url };
}

const put = (url: string, text: string, key?: string) =>
  fetch(`${url}/api/scenarios`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ text }),
  });

const library = async (url: string) =>
  ((await (await fetch(`${url}/api/library`)).json()) as { entries: LibraryEntry[] }).entries.flatMap((e) =>
    e.ok ? [{ id: e.summary.id, revision: e.revision }] : [],
  );

describe('saving a scenario to the server from the studio', () => {
  it('with the author key: checked, written to the scenarios folder, in the library and startable at once; the version it replaces kept', async () => {
    const { scenarios, url } = await withScenarios({ AUTHOR_KEY: KEY });
    expect(await (await fetch(`${url}/api/author`)).json()).toEqual({ saving: true });
    expect((await library(url)).map((e) => e.id)).toEqual(['crowded-train', 'hand-on-the-back']);
    const text = templateText();
    const id = JSON.parse(text).id as string;

    const saved = await put(url, text, KEY);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ id, replaced: false });
    expect(readFileSync(join(scenarios, `${id}.json`), 'utf8')).toBe(text);
    const listed = await library(url);
    expect(listed.map((e) => e.id)).toContain(id);
    const served = await (await fetch(`${url}/api/scenarios/${id}`)).json();
    expect(served.scenario.id).toBe(id);
    // A session can be started with it straight away.
    const session = await fetch(`${url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: id }),
    });
    expect(session.status).toBe(201);

    // Saved again, changed: a new revision, and the first version kept beside it.
    const changed = text.replace(`"title": "My scenario"`, `"title": "My scenario (revised)"`);
    expect(changed).not.toBe(text);
    expect((await put(url, changed, KEY)).status).toBe(200);
    const before = listed.find((e) => e.id === id)?.revision;
    const after = (await library(url)).find((e) => e.id === id)?.revision;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const previous = readdirSync(join(scenarios, '.previous'));
    expect(previous).toHaveLength(1);
    expect(readFileSync(join(scenarios, '.previous', previous[0]), 'utf8')).toBe(text);
  });

  it('refuses, changing nothing: a wrong or missing key, a scenario with errors, and any save when the server has no key', async () => {
    const { scenarios, url } = await withScenarios({ AUTHOR_KEY: KEY });
    const files = () => readdirSync(scenarios).sort();
    const before = files();
    const wrong = await put(url, templateText(), 'not-the-key-at-all-000');
    expect(wrong.status).toBe(401);
    expect((await put(url, templateText())).status).toBe(401);
    const broken = await put(url, templateText().replace('"initial": "', '"initial": "nowhere-'), KEY);
    expect(broken.status).toBe(422);
    const body = (await broken.json()) as { problems: string[] };
    // The checker's own words: the file, the JSON path, the fix.
    expect(body.problems.join('\n')).toMatch(/^[a-z0-9-]+\.json: \/initial: /m);
    const notJson = await put(url, '{ "id": "x", ', KEY);
    expect(notJson.status).toBe(422);
    expect(files()).toEqual(before);

    const off = await withScenarios();
    // The studio asks first, so it says so before an author types a key.
    expect(await (await fetch(`${off.url}/api/author`)).json()).toEqual({ saving: false });
    const refused = await put(off.url, templateText(), KEY);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain('AUTHOR_KEY');
    expect(readdirSync(off.scenarios).sort()).toEqual(before);
  });

  it('stops answering a network that keeps guessing the key', async () => {
    const { url } = await withScenarios({ AUTHOR_KEY: KEY });
    for (let i = 0; i < 10; i++)
      expect((await put(url, templateText(), `wrong-key-number-${i}-000000`)).status).toBe(401);
    // Even the right key waits now: the guesser learns nothing more.
    expect((await put(url, templateText(), KEY)).status).toBe(429);
  });

  it('offers a file dropped into the folder, and stops offering a deleted one, without a restart', async () => {
    const { scenarios, url } = await withScenarios();
    copyFileSync(join(ROOT, 'scenarios', 'meeting-jokes.json'), join(scenarios, 'meeting-jokes.json'));
    await expect.poll(async () => (await library(url)).map((e) => e.id), { timeout: 5000 }).toContain('meeting-jokes');
    rmSync(join(scenarios, 'crowded-train.json'));
    await expect
      .poll(async () => (await library(url)).map((e) => e.id), { timeout: 5000 })
      .not.toContain('crowded-train');
    expect((await fetch(`${url}/api/scenarios/crowded-train`)).status).toBe(404);
  });

  it('will not start with an author key too short to be safe', async () => {
    const { sqlite } = setUp();
    const result = await startServer({ AUTHOR_KEY: 'short', SQLITE_FILE: sqlite });
    expect(result.status).toBe(1);
    expect(result.output).toContain('AUTHOR_KEY must be at least 16 characters');
  });
});
