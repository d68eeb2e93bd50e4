import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/scenario.types.ts';
import { fakeScenario } from '../test-util/fakes.ts';
import { type LibraryEntry, revisionOf } from './library-entry.ts';
import { changedIds, type Library, servedLibrary } from './served-library.ts';

const scenario = (id: string, title = id): Scenario => {
  const base = fakeScenario();
  return { ...base, id, meta: { ...base.meta, title } };
};
const entry = (s: Scenario): LibraryEntry => ({
  file: `${s.id}.json`,
  ok: true,
  summary: { id: s.id, meta: s.meta, tactics: [], stages: {} },
  revision: revisionOf(s),
});

const same = scenario('same');
const edited = { before: scenario('edited', 'Before'), after: scenario('edited', 'After') };
const gone = scenario('gone');
const added = scenario('added');
const built: Library = {
  entries: [entry(edited.before), entry(gone), entry(same)],
  loaders: {
    edited: async () => ({ scenario: edited.before }),
    gone: async () => ({ scenario: gone }),
    same: async () => ({ scenario: same }),
  },
};

/** A server holding `scenarios`, answering as `npm start` does; the URLs it was asked for. */
function server(scenarios: Scenario[]) {
  const asked: string[] = [];
  const fetchJson = async (url: string) => {
    asked.push(url);
    if (url === 'api/library') return Response.json({ entries: scenarios.map(entry) });
    const found = scenarios.find((s) => url === `api/scenarios/${s.id}`);
    return found ? Response.json({ scenario: found }) : new Response('', { status: 404 });
  };
  return { asked, fetchJson };
}

describe('the library the server holds now, over the one built in', () => {
  it('lists what the server holds; loads a scenario changed or added since the build from the server, an unchanged one from its chunk', async () => {
    const { asked, fetchJson } = server([edited.after, same, added]);
    const { loaders, served } = servedLibrary(built, fetchJson);
    // Opened straight from its address, before the list came: still the server's version, not the built one.
    expect((await loaders.edited()).scenario.meta.title).toBe('After');
    const now = await served;
    expect(now?.entries.map((e) => (e.ok ? e.summary.id : e.file))).toEqual(['edited', 'same', 'added']);
    expect((await now?.loaders.added())?.scenario.id).toBe('added');
    expect(now?.loaders.same).toBe(built.loaders.same);
    expect(asked).not.toContain('api/scenarios/same');
    // Deleted on the server: not offered, and said so if its old address is opened.
    await expect(loaders.gone()).rejects.toThrow('no longer on this server');
    expect(changedIds(built, now as Library).sort()).toEqual(['added', 'edited', 'gone']);
  });

  it('keeps the built library where no server answers (a static build, an LMS, the dev server)', async () => {
    for (const answer of [
      async () => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      async () => new Response('', { status: 404 }),
      async () => {
        throw new TypeError('Failed to fetch');
      },
    ]) {
      const { loaders, served } = servedLibrary(built, answer);
      expect(await served).toBeUndefined();
      expect((await loaders.edited()).scenario.meta.title).toBe('Before');
    }
  });
});
