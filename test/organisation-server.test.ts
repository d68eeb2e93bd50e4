import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/scenario-files.ts';
import { startServer, stopServers } from './support/server-process.ts';

const FIXTURE = join(ROOT, 'test/fixtures/organisation');
/** A folder with a copy of the fixture organisation (file and logo), and a SQLite file that does not exist yet. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'upstander-org-'));
  copyFileSync(join(FIXTURE, 'acme.json'), join(dir, 'organisation.json'));
  copyFileSync(join(FIXTURE, 'logo.svg'), join(dir, 'logo.svg'));
  return { dir, file: join(dir, 'organisation.json'), sqlite: join(dir, 'sessions.sqlite') };
}

describe('the organisation file on the server', () => {
  it('is read at start and served, logo included; a changed file takes effect at the next start, without a build', async () => {
    const { file, sqlite } = setUp();
    const env = { ORGANISATION_FILE: file, SQLITE_FILE: sqlite };
    const first = await startServer(env);
    expect(first.url, first.output).toBeDefined();
    const served = await (await fetch(`${first.url}/api/organisation`)).json();
    expect(served.name).toEqual({ en: 'Acme Ltd', es: 'Acme S.L.' });
    expect(served.support[0].link).toBe('tel:+442079460000');
    expect(served.quickExit).toBe('https://www.bbc.co.uk/weather');
    expect(served.logo).toBe('api/organisation/logo');
    const logo = await fetch(`${first.url}/${served.logo}`);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    expect(logo.headers.get('content-security-policy')).toContain('sandbox');
    expect(await logo.text()).toBe(readFileSync(join(FIXTURE, 'logo.svg'), 'utf8'));

    // HR edits the file while the server runs: nothing changes until it restarts.
    const edited = JSON.parse(readFileSync(file, 'utf8'));
    edited.name = 'Acme Group';
    edited.reporting[0].link = 'tel:+442079460001';
    writeFileSync(file, JSON.stringify(edited));
    expect((await (await fetch(`${first.url}/api/organisation`)).json()).name).toEqual({
      en: 'Acme Ltd',
      es: 'Acme S.L.',
    });
    stopServers();

    const second = await startServer(env);
    const after = await (await fetch(`${second.url}/api/organisation`)).json();
    expect(after.name).toBe('Acme Group');
    expect(after.reporting[0].link).toBe('tel:+442079460001');
  }, 120_000);

  it('refuses to start on a bad file, saying where and what to do, and creates nothing', async () => {
    const { file, sqlite } = setUp();
    const bad = JSON.parse(readFileSync(file, 'utf8'));
    bad.support[0].link = '020 7946 0000';
    bad.colours = { accent: '#ffcc00' };
    writeFileSync(file, JSON.stringify(bad));
    const result = await startServer({ ORGANISATION_FILE: file, SQLITE_FILE: sqlite });
    expect(result.url).toBeUndefined();
    expect(result.status).toBe(1);
    expect(result.output).toContain(`Cannot start: The organisation file ${file} has 2 problems:`);
    expect(result.output).toContain('at support[0].link: Make it a link a phone can tap');
    expect(result.output).toContain(
      'at colours.accent: #ffcc00 is the colour of links on the page background (#fdfcfa): a contrast of 1.47:1; WCAG AA needs at least 4.5:1',
    );
    expect(existsSync(sqlite)).toBe(false);
  }, 60_000);

  it('refuses a missing logo file and a file that is not JSON, with the line', async () => {
    const { dir, file, sqlite } = setUp();
    writeFileSync(join(dir, 'other.json'), readFileSync(file, 'utf8').replace('logo.svg', 'brand.svg'));
    const noLogo = await startServer({ ORGANISATION_FILE: join(dir, 'other.json'), SQLITE_FILE: sqlite });
    expect(noLogo.output).toContain(`at logo: There is no image file ${join(dir, 'brand.svg')}`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Acme Ltd",', '"Acme Ltd"'));
    const notJson = await startServer({ ORGANISATION_FILE: file, SQLITE_FILE: sqlite });
    expect(notJson.status).toBe(1);
    expect(notJson.output).toMatch(/has a problem:\n {2}.*[Ll]ine 2/);
  }, 120_000);
});
