import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExportRequest, ExportError, packageModule } from '../src/lms/package-module.ts';
import { ORGANISATION_ELEMENT_ID } from '../src/protocol/organisation-page.ts';
import { unzipTo } from './support/lms-harness.ts';
import { runCli } from './support/run-cli.ts';
import { ROOT } from './support/scenario-files.ts';

const FIXTURE = join(ROOT, 'test/fixtures/organisation');
const out = mkdtempSync(join(tmpdir(), 'upstander-org-export-'));

/** A built player's files, empty: packaging is what is tested here, not the build. */
function fakePlayer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'upstander-player-'));
  for (const f of ['player.js', 'player.css', 'neutral.html', 'favicon.svg']) writeFileSync(join(dir, f), '');
  return dir;
}

const ask = (org: string | undefined, target: string) =>
  checkExportRequest({ format: 'scorm12', scenarios: 'hand-on-the-back', pass: '70', out: target, org });

/** The organisation element's JSON in a package's index.html. */
function packedOrganisation(html: string) {
  const text = new RegExp(`<script type="application/json" id="${ORGANISATION_ELEMENT_ID}">(.*?)</script>`, 's').exec(
    html,
  )?.[1];
  return text === undefined ? undefined : JSON.parse(text);
}

describe('npm run export -- --org', () => {
  it('packs the organisation file into the module, its logo beside index.html and in the manifest', () => {
    const target = join(out, 'acme.zip');
    packageModule(fakePlayer(), ask(join(FIXTURE, 'acme.json'), target));
    const { dir, names } = unzipTo(target);
    const organisation = packedOrganisation(readFileSync(join(dir, 'index.html'), 'utf8'));
    expect(organisation.name).toEqual({ en: 'Acme Ltd', es: 'Acme S.L.' });
    expect(organisation.quickExit).toBe('https://www.bbc.co.uk/weather');
    expect(organisation.support[0].link).toBe('tel:+442079460000');
    expect(organisation.logo).toBe('organisation-logo.svg');
    expect(names).toContain('organisation-logo.svg');
    expect(readFileSync(join(dir, 'organisation-logo.svg'))).toEqual(readFileSync(join(FIXTURE, 'logo.svg')));
    expect(readFileSync(join(dir, 'imsmanifest.xml'), 'utf8')).toContain('href="organisation-logo.svg"');
  });

  it('packs the shipped example when no file is named', () => {
    const target = join(out, 'example.zip');
    packageModule(fakePlayer(), ask(undefined, target));
    const { dir, names } = unzipTo(target);
    expect(packedOrganisation(readFileSync(join(dir, 'index.html'), 'utf8')).example).toBe(true);
    expect(names.some((n) => n.startsWith('organisation-logo'))).toBe(false);
  });

  it('checks the file as the server does: every problem named, nothing written', () => {
    const bad = join(out, 'bad.json');
    const value = JSON.parse(readFileSync(join(FIXTURE, 'acme.json'), 'utf8'));
    value.reporting[0].link = 'www.acme.example/report';
    writeFileSync(bad, JSON.stringify(value));
    const target = join(out, 'never.zip');
    expect(() => ask(bad, target)).toThrow(ExportError);
    expect(() => ask(bad, target)).toThrow(
      `--org: The organisation file ${bad} has a problem:\n  at reporting[0].link: Make it a link a phone can tap`,
    );
    const cli = runCli('src/cli/export-module.ts', [
      ...['--format', 'cmi5', '--scenarios', 'hand-on-the-back', '--pass', '70', '--out', target, '--org', bad],
    ]);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('at reporting[0].link: Make it a link a phone can tap');
    expect(existsSync(target)).toBe(false);
  }, 60_000);
});
