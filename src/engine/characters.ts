import { pointer, type ScenarioIssue, scenarioIssue } from './scenario-issue.ts';

/**
 * Characters a scenario may not hold: the C0 controls except tab and newline, DEL, the C1 controls
 * (U+0080–U+009F), a lone half of a surrogate pair, and U+FFFE / U+FFFF. None shows on screen, and
 * XML 1.0 (§2.2, Char) forbids most of them, so an exported SCORM or cmi5 package would break.
 * They arrive by pasting from other programs.
 */
export function forbiddenCharacter(text: string): { index: number; code: number } | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++; // a well-formed pair: a character outside the BMP, such as an emoji
      continue;
    }
    if (isForbidden(code)) return { index: i, code };
  }
  return undefined;
}

function isForbidden(code: number): boolean {
  if (code === 0x09 || code === 0x0a) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code >= 0xfffe;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const NAMES: Readonly<Record<number, string>> = {
  0: 'a null character',
  7: 'a bell character',
  8: 'a backspace',
  11: 'a vertical tab',
  12: 'a form feed (page break)',
  13: 'a carriage return',
  27: 'an escape character',
  127: 'a delete character',
  133: 'a next-line character',
};

/** A character as a person would name it, with its code point: `a vertical tab (U+000B)`. */
export function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  let name = NAMES[code];
  if (!name && code >= 0xd800 && code <= 0xdfff) name = 'half of a surrogate pair (a broken emoji or symbol)';
  if (!name && code >= 0xfffe) name = 'a non-character';
  if (!name && (code < 0x20 || (code >= 0x80 && code <= 0x9f))) name = 'an invisible control character';
  return `${name ?? `"${String.fromCharCode(code)}"`} (${hex})`;
}

/**
 * Every string in a parsed file that holds a forbidden character, each reported at its JSON Pointer
 * with the character named and where it sits. Walks with an explicit stack, so no nesting overflows it.
 */
export function checkCharacters(value: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const work: [unknown, (string | number)[]][] = [[value, []]];
  while (work.length) {
    const [node, at] = work.pop() as [unknown, (string | number)[]];
    if (typeof node === 'string') {
      const found = forbiddenCharacter(node);
      if (found) issues.push(characterIssue(node, found, at));
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) work.push([node[i], [...at, i]]);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node).reverse()) work.push([child, [...at, key]]);
    }
  }
  return issues;
}

function characterIssue(text: string, { index, code }: { index: number; code: number }, at: (string | number)[]) {
  const before = text.slice(Math.max(0, index - 20), index);
  const where = before ? ` after "${before.trimStart()}"` : ' at the start';
  return scenarioIssue(
    'controlCharacter',
    pointer(...at),
    `This text holds ${describeCharacter(code)}${where}: it does not show on screen and breaks exported packages. Delete it (it usually comes with text pasted from another program).`,
  );
}
