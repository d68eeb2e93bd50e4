import { describe, expect, it } from 'vitest';
import { type OptionSpecs, readArgs } from './read-args.ts';

const OPTIONS: OptionSpecs = {
  format: { type: 'string' },
  pass: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};
const read = (...args: string[]) => readArgs(args, { options: OPTIONS, strict: true });

describe('reading a command line', () => {
  it('reads options in both spellings, with no problem', () => {
    expect(read('--format=scorm12', '--pass', '70', '-h')).toEqual({
      values: { format: 'scorm12', pass: '70', help: true },
      problems: [],
    });
  });

  it('names every problem at once: an unknown option (with the closest one), a stray word, a missing value', () => {
    const { problems } = read('--fromat', 'scorm12', '--colour', 'red', 'extra', '--out');
    expect(problems).toEqual([
      'Unknown option --fromat. Did you mean "--format"?',
      '"scorm12" belongs to no option: put it after the option it is for, in quotes if it holds spaces.',
      'Unknown option --colour.',
      '"red" belongs to no option: put it after the option it is for, in quotes if it holds spaces.',
      '"extra" belongs to no option: put it after the option it is for, in quotes if it holds spaces.',
      '--out needs a value.',
    ]);
  });

  it('refuses an option given twice, naming both values, rather than taking the last', () => {
    const { problems } = read('--pass', '70', '--format', 'cmi5', '--pass', '20');
    expect(problems).toEqual(['--pass is given 2 times ("70", "20"): give it once.']);
    expect(read('-h', '--help').problems).toEqual(['--help is given 2 times: give it once.']);
  });

  it('an option followed by another option has no value (the next option is not taken as its value)', () => {
    expect(read('--pass', '--out', 'm.zip').problems).toEqual([
      '--pass needs a value; it was followed by the option --out.',
      '"m.zip" belongs to no option: put it after the option it is for, in quotes if it holds spaces.',
    ]);
    // A value that starts with a dash can still be given with "=".
    expect(read('--pass=--5').values.pass).toBe('--5');
    expect(read('--help=yes').problems).toEqual(['--help takes no value; got "yes".']);
  });
});
