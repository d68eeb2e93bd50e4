// @vitest-environment jsdom
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, type Scenario, walkStates } from '../src/engine/index.ts';
import { stateChoices } from '../src/engine/scenario-walk.ts';
import { runCli } from './support/run-cli.ts';

const FIXTURE = 'test/fixtures/valid/facilitator-guide.json';
const HOSTILE = '<img src=x onerror="alert(1)">';
const dir = mkdtempSync(join(tmpdir(), 'guide-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const loaded = loadScenario(readFileSync(FIXTURE, 'utf8'));
if (!loaded.ok) throw new Error('the fixture must load');
const scenario: Scenario = loaded.scenario;

/** Every text the fixture has for its scenes, choices and endings, read from the file itself. */
function partsOf(s: Scenario) {
  const scenes: string[] = [];
  const choices: string[] = [];
  const endings: string[] = [];
  for (const { state, at } of walkStates(s)) {
    const narrative = state.meta?.narrative;
    if (narrative !== undefined) scenes.push(...[narrative].flat().map(String));
    for (const { choice } of stateChoices(state, at)) choices.push(String(choice.meta.label));
    if (state.meta?.ending) endings.push(String(state.meta.ending.title));
  }
  return { scenes, choices, endings };
}

function writeGuide(args: string[]) {
  const out = join(dir, `${args.join('-').replace(/\W+/g, '_')}.html`);
  const run = runCli('src/cli/guide.ts', [...args, '--out', out]);
  return {
    ...run,
    out,
    document: existsSync(out) ? new DOMParser().parseFromString(readFileSync(out, 'utf8'), 'text/html') : undefined,
  };
}

let english: ReturnType<typeof writeGuide> | undefined;
/** The fixture's guide in English, written once for the tests that read it. */
const englishGuide = () => {
  english ??= writeGuide([FIXTURE]);
  return english;
};

describe('npm run guide', () => {
  it('writes one self-contained HTML file that names every scene, choice and ending', () => {
    const { status, stdout, stderr, document } = englishGuide();
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Wrote .*\.html: 2 scenes, 2 endings, about \d+ minutes with a group\.$/m);
    const text = document?.body.textContent ?? '';
    const { scenes, choices, endings } = partsOf(scenario);
    for (const part of [...scenes, ...choices, ...endings]) expect(text).toContain(part);
    const headings = [...(document?.querySelectorAll('h2') ?? [])].map((h) => h.textContent);
    expect(headings).toEqual(expect.arrayContaining(['Scene 1 · Noticing what is happening', 'Scene 2 · Acting']));
    expect(text).toContain('Some people in the room may have been in her place');
    expect(text).toContain('What told you she wanted him to step back?');
    // Self-contained: styles inline, nothing to fetch or run.
    expect(document?.querySelectorAll('script, link, img, iframe').length).toBe(0);
    expect(document?.querySelector('style')?.textContent).toMatch(/@media print/);
  });

  it('renders scenario text as text, never as HTML', () => {
    const { document } = englishGuide();
    expect(document?.querySelectorAll('img, [onerror]').length).toBe(0);
    expect(document?.title).toBe(`Facilitator guide: Late train ${HOSTILE}`);
    expect(document?.body.textContent).toContain(`Film them and post it ${HOSTILE}`);
  });

  it('writes the guide in Spanish with --lang es, keeping text the scenario has only in English', () => {
    const { status, document } = writeGuide([FIXTURE, '--lang', 'es']);
    expect(status).toBe(0);
    expect(document?.documentElement.lang).toBe('es');
    expect(document?.querySelector('h2#guide-timing')?.textContent).toBe('Tiempos sugeridos');
    expect(document?.querySelector('[lang="en"]')?.textContent).toBe(scenario.meta.summary);
  });

  it('finds a shipped scenario by its id', () => {
    const { status, document } = writeGuide(['hand-on-the-back']);
    expect(status).toBe(0);
    expect(document?.querySelector('h1')?.textContent).toBe('Facilitator guide: The hand on the back');
  });

  it('refuses a scenario that does not load, or a bad command line, and writes nothing', () => {
    const missing = writeGuide(['no-such-scenario']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('scenarios/no-such-scenario.json: /: Cannot read the file: no such file.\n');
    expect(missing.document).toBeUndefined();
    const broken = writeGuide(['test/fixtures/invalid/broken-references.json']);
    expect(broken.status).toBe(1);
    expect(broken.document).toBeUndefined();
    const language = writeGuide([FIXTURE, '--lang', 'fr']);
    expect(language.status).toBe(2);
    expect(language.stderr).toMatch(/Unknown language "fr"; the languages are en, es\.\nUsage: npm run guide -- /);
    expect(language.document).toBeUndefined();
  });
});
