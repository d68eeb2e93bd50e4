import { describe, expect, it } from 'vitest';
import { clipText, cmi5MoveOn, manifestTitle, TITLE_LIMITS, xmlText } from './manifests.ts';

describe('manifest text', () => {
  it('replaces each run of characters XML 1.0 forbids by one space, keeping words apart, and keeps the rest, astral characters included', () => {
    expect(xmlText('A\u000bB\u0000C\u001f\uFFFE\uFFFF')).toBe('A B C');
    expect(xmlText('Acme\u000btraining')).toBe('Acme training');
    expect(xmlText('Acme\u000b\u0001\u000b training')).toBe('Acme training');
    expect(xmlText('half \uD800 surrogate')).toBe('half surrogate');
    expect(xmlText('tab\there, café 👋 & <b>')).toBe('tab\there, café 👋 & <b>');
    expect(xmlText('  \u000b  ')).toBe('');
  });

  it('clips by characters as XML Schema counts them, ending in an ellipsis within the limit', () => {
    const clipped = clipText('👋'.repeat(250), 200);
    expect(Array.from(clipped)).toHaveLength(200);
    expect(clipped.endsWith('…')).toBe(true);
    expect(clipText('short', 200)).toBe('short');
    expect(clipText('x'.repeat(5000), undefined)).toHaveLength(5000);
  });

  it('clips between graphemes: an emoji with a joiner and a variation selector, or a letter with its accent, is never cut in half', () => {
    const woman = '🙅‍♀️'; // 4 code points: person gesturing no, zero-width joiner, female sign, variation selector
    expect(Array.from(woman)).toHaveLength(4);
    // 150 letters, then 60 of those emoji: the cut falls inside the 13th emoji, which is dropped whole.
    const clipped = clipText(`${'Ä'.repeat(150)}${woman.repeat(60)}`, 200);
    expect(clipped).toBe(`${'Ä'.repeat(150)}${woman.repeat(12)}…`);
    expect(Array.from(clipped).length).toBeLessThanOrEqual(200);
    // "e" + combining acute: kept together or not at all.
    const accented = clipText('e\u0301'.repeat(150), 200);
    expect(accented).toBe(`${'e\u0301'.repeat(99)}…`);
    // The manifest's title is clipped the same way: 'Say no 🙅‍♀️' is 11 code points, 18 of them fill 198.
    expect(manifestTitle(`Say no ${woman}`.repeat(30), 'scorm12')).toBe(`${`Say no ${woman}`.repeat(18)}S…`);
  });

  it('gives each standard its own limit: SCORM 200 characters, cmi5 none', () => {
    const long = `${'a'.repeat(210)}\u000b`;
    expect(Array.from(manifestTitle(long, 'scorm12'))).toHaveLength(TITLE_LIMITS.scorm12 as number);
    expect(Array.from(manifestTitle(long, 'scorm2004'))).toHaveLength(200);
    expect(manifestTitle(long, 'cmi5')).toBe('a'.repeat(210));
  });
});

describe('cmi5 moveOn', () => {
  it('promises completion when a skip counts as completion, and completion with a pass when a complete module always has a score', () => {
    expect(cmi5MoveOn()).toBe('Completed');
    expect(cmi5MoveOn('completion')).toBe('Completed');
    expect(cmi5MoveOn('incomplete')).toBe('CompletedAndPassed');
    expect(cmi5MoveOn('failed')).toBe('CompletedAndPassed');
  });
});
