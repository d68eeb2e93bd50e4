import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioIds } from '../cli/scenario-files.ts';
import { checkExportRequest, ExportError } from './package-module.ts';

const out = mkdtempSync(join(tmpdir(), 'upstander-request-'));
const request = (raw: Record<string, string>) =>
  checkExportRequest({ format: 'scorm12', scenarios: 'hand-on-the-back', pass: '70', out: join(out, 'm.zip'), ...raw });
const problems = (raw: Record<string, string>) => {
  try {
    request(raw);
  } catch (error) {
    if (error instanceof ExportError) return error.message.split('\n');
    throw error;
  }
  throw new Error('The request was accepted');
};
const IDS = scenarioIds();
const LISTED = `The scenarios in scenarios/ are: ${IDS.join(', ')}.`;

describe('--scenarios: ids of files in scenarios/, never paths', () => {
  const NOT_AN_ID =
    'is not a scenario id: an id is a file name in scenarios/ without .json (lower-case letters, digits and -), never a path.';
  it.each([
    ['../test/fixtures/valid/minimal', ''],
    ['../package', ''],
    ['..\\package', ''],
    ['/etc/passwd', ''],
    ['..', ''],
    ['hand-on-the-back.json', ''],
    ['./hand-on-the-back', ' Did you mean "hand-on-the-back"?'],
  ])('refuses %s, listing the ids that exist', (id, suggestion) => {
    const said = problems({ scenarios: id });
    expect(said).toEqual([`"${id}" ${NOT_AN_ID}${suggestion}`, LISTED]);
  });

  it('suggests the closest id for a typo or a path to a real scenario, and lists the ids once', () => {
    // The twelve scenarios and the three boosters.
    expect(IDS.length).toBe(15);
    expect(problems({ scenarios: 'hand-on-the-bak,Crowded-Train,scenarios/hand-on-the-back' })).toEqual([
      'There is no scenario "hand-on-the-bak" in scenarios/. Did you mean "hand-on-the-back"?',
      '"Crowded-Train" is not a scenario id: an id is a file name in scenarios/ without .json (lower-case letters, digits and -), never a path. Did you mean "crowded-train"?',
      '"scenarios/hand-on-the-back" is not a scenario id: an id is a file name in scenarios/ without .json (lower-case letters, digits and -), never a path. Did you mean "hand-on-the-back"?',
      LISTED,
    ]);
  });

  it('the schema is not a scenario', () => {
    expect(IDS).not.toContain('scenario.schema');
    expect(readdirSync('scenarios')).toContain('scenario.schema.json');
    expect(problems({ scenarios: 'scenario.schema' })[0]).toMatch(/^"scenario.schema" is not a scenario id/);
  });
});

describe('--out: checked before anything is built, in words for the person exporting', () => {
  it('a folder that does not exist', () => {
    expect(problems({ out: join(out, 'nowhere', 'm.zip') })).toEqual([
      `Cannot save the module as ${join(out, 'nowhere', 'm.zip')}: the folder ${join(out, 'nowhere')} does not exist. Create it first, or choose another folder.`,
    ]);
  });

  it('a "folder" that is a file', () => {
    const file = join(out, 'notes.txt');
    writeFileSync(file, 'x');
    expect(problems({ out: join(file, 'm.zip') })).toEqual([
      `Cannot save the module as ${join(file, 'm.zip')}: ${file} is a file, not a folder. Choose a folder to save in.`,
    ]);
  });

  it('a folder that takes no files even from an administrator (/proc), and leaves nothing behind', () => {
    expect(problems({ out: '/proc/m.zip' })).toEqual([
      'Cannot save the module as /proc/m.zip: that folder does not take new files. Choose another folder (your Documents folder, for example).',
    ]);
    const before = readdirSync(out);
    request({});
    expect(readdirSync(out)).toEqual(before);
  });

  it('a zip name that is a folder', () => {
    mkdirSync(join(out, 'folder.zip'));
    expect(problems({ out: join(out, 'folder.zip') })).toEqual([
      `Cannot save the module as ${join(out, 'folder.zip')}: that is a folder. Add a file name ending in .zip.`,
    ]);
  });
});

describe('every problem at once', () => {
  it('lists the command line problems first, then the request problems', () => {
    expect(() =>
      checkExportRequest({ format: 'scorm3', pass: '170', out: '/no/such/m.zip' }, undefined, [
        'Unknown option --colour.',
      ]),
    ).toThrow(
      new ExportError(
        [
          'Unknown option --colour.',
          '--format must be one of scorm12, scorm2004, cmi5; got "scorm3".',
          '--scenarios is missing: name at least one scenario, e.g. --scenarios hand-on-the-back,crowded-train.',
          '--pass must be a whole number from 0 to 100; got "170".',
          'Cannot save the module as /no/such/m.zip: the folder /no/such does not exist. Create it first, or choose another folder.',
        ].join('\n'),
      ),
    );
  });
});

describe('a value that is missing or empty is said to be missing', () => {
  it('--pass, --format, --out absent, or given with nothing after the =', () => {
    const raw = { format: 'scorm12', scenarios: 'hand-on-the-back', out: join(out, 'm.zip') };
    const said = (r: Record<string, string | undefined>, earlier: string[] = []) => {
      try {
        checkExportRequest(r, undefined, earlier);
      } catch (error) {
        return (error as Error).message.split('\n');
      }
      throw new Error('accepted');
    };
    expect(said(raw)).toEqual(['--pass is missing: give the pass mark, a whole number from 0 to 100, e.g. --pass 70.']);
    expect(said({ ...raw, pass: '' })).toEqual([
      '--pass has no value: give the pass mark, a whole number from 0 to 100, e.g. --pass 70.',
    ]);
    // The command line already said so (`--pass` last, or followed by another option): not said twice.
    expect(said(raw, ['--pass needs a value.'])).toEqual(['--pass needs a value.']);
    expect(said({ ...raw, format: undefined, pass: '70' })).toEqual([
      '--format is missing: give the standard your LMS asks for, one of scorm12, scorm2004, cmi5.',
    ]);
    expect(said({ ...raw, out: '', pass: '70' })).toEqual([
      '--out has no value: name the zip file to write, e.g. --out module.zip.',
    ]);
  });
});

describe('--scenarios with an empty id', () => {
  it.each(['hand-on-the-back,', ',hand-on-the-back', 'hand-on-the-back,,crowded-train', 'hand-on-the-back, '])(
    'refuses "%s", saying how to write the list',
    (scenarios) => {
      const kept = scenarios
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .join(',');
      expect(problems({ scenarios })).toEqual([
        `--scenarios has an empty id (a comma with no id after it, before it, or doubled) in "${scenarios}": separate ids with single commas, e.g. --scenarios ${kept}.`,
      ]);
    },
  );
});

describe('relative paths are taken from where the command was run (npm sets INIT_CWD), not the project folder', () => {
  it('--out and --org', () => {
    const where = mkdtempSync(join(tmpdir(), 'upstander-ran-here-'));
    writeFileSync(join(where, 'org.json'), readFileSync('organisation.json'));
    const made = checkExportRequest(
      { format: 'scorm12', scenarios: 'hand-on-the-back', pass: '70', out: 'module.zip', org: 'org.json' },
      undefined,
      [],
      { INIT_CWD: where },
    );
    expect(made.out).toBe(join(where, 'module.zip'));
    expect(made.organisation?.file).toBe(join(where, 'org.json'));
    // The project folder's file of that name is not taken instead.
    expect(() =>
      checkExportRequest(
        { format: 'scorm12', scenarios: 'hand-on-the-back', pass: '70', out: 'module.zip', org: 'no-such.json' },
        undefined,
        [],
        { INIT_CWD: where },
      ),
    ).toThrow(`The organisation file ${join(where, 'no-such.json')} has a problem`);
  });
});

describe('an existing zip at --out', () => {
  it('is refused, saying how to go on, unless --replace', () => {
    const existing = join(out, 'existing.zip');
    writeFileSync(existing, 'an earlier module');
    expect(problems({ out: existing })).toEqual([
      `${existing} already exists, and it is not overwritten: choose another name for --out, or add --replace to write over it.`,
    ]);
    expect(
      checkExportRequest({ format: 'scorm12', scenarios: 'hand-on-the-back', pass: '70', out: existing, replace: true })
        .out,
    ).toBe(existing);
    expect(readFileSync(existing, 'utf8')).toBe('an earlier module');
  });
});
