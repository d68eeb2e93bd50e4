import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_FILE, MAX_LOGO_BYTES, readOrganisationFile } from './organisation-file.ts';

const FIXTURE = join(import.meta.dirname, '../../test/fixtures/organisation');

function copyOfFixture() {
  const dir = mkdtempSync(join(tmpdir(), 'upstander-org-file-'));
  copyFileSync(join(FIXTURE, 'acme.json'), join(dir, 'organisation.json'));
  copyFileSync(join(FIXTURE, 'logo.svg'), join(dir, 'logo.svg'));
  return { dir, file: join(dir, 'organisation.json') };
}

describe('reading an organisation file', () => {
  it('reads the shipped example and a real one with its logo beside it', () => {
    expect(readOrganisationFile(DEFAULT_ORGANISATION_FILE).organisation.example).toBe(true);
    const { file, dir } = copyOfFixture();
    const loaded = readOrganisationFile(file);
    expect(loaded.logo?.path).toBe(join(dir, 'logo.svg'));
    expect(loaded.logo?.type).toBe('image/svg+xml');
    expect(loaded.logo?.bytes.toString()).toBe(readFileSync(join(FIXTURE, 'logo.svg'), 'utf8'));
  });

  it('says when there is no such file, and what to do', () => {
    expect(() => readOrganisationFile('/nowhere/organisation.json')).toThrow(
      'The organisation file /nowhere/organisation.json has a problem:\n  There is no such file. Check ORGANISATION_FILE (or --org)',
    );
  });

  it('names the line of a syntax error and what to fix', () => {
    const { file } = copyOfFixture();
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Acme Ltd",', '“Acme Ltd”,'));
    expect(() => readOrganisationFile(file)).toThrow(/has a problem:\n {2}.*curly quote/);
  });

  it('refuses a logo too large for a header', () => {
    const { file, dir } = copyOfFixture();
    writeFileSync(join(dir, 'logo.svg'), Buffer.alloc(MAX_LOGO_BYTES + 1, 32));
    expect(() => readOrganisationFile(file)).toThrow(`at logo: ${join(dir, 'logo.svg')} is larger than 512 KB`);
  });
});
