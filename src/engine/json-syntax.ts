import { getLocation, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { describeCharacter, forbiddenCharacter } from './characters.ts';
import { pointer, type ScenarioIssue, scenarioIssue } from './scenario-issue.ts';

/** Quotes a word processor types in place of `"` and `'`. */
const CURLY_QUOTES = new Set(['“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '″', '＂']);

/**
 * The first syntax error of a file, explained for an author who is not a programmer: what is wrong,
 * where (line, column and the JSON path the parser had reached), and how to fix it. The parser
 * (jsonc-parser) finds the error; this names the usual causes: curly quotes, a `"` inside text, a
 * comma too many or too few, a control character pasted into text.
 */
export function explainSyntaxError(text: string, error: ParseError): ScenarioIssue {
  const { offset } = error;
  const char = text[offset] ?? '';
  const previous = previousToken(text, offset);
  const kind = printParseErrorCode(error.error); // jsonc-parser's codes are a const enum; their names are stable

  if (CURLY_QUOTES.has(char)) {
    return at(
      text,
      offset,
      `the curly quote ${char} (U+${char.charCodeAt(0).toString(16).toUpperCase()}) is not a quote to JSON. Word processors curl quotes as you type: put straight quotes (") around every key and text. Curly quotes inside text are fine.`,
    );
  }
  if (char === "'") {
    return at(text, offset, `JSON puts keys and text in double quotes ("), not single ones ('): replace them.`);
  }
  if (kind === 'InvalidCharacter') {
    const found = forbiddenCharacter(text.slice(offset, offset + error.length));
    if (found) {
      return at(
        text,
        offset + found.index,
        `this text holds ${describeCharacter(found.code)}, which JSON does not allow as it is. Delete it (it usually comes with text pasted from another program), or write a line break as \\n.`,
      );
    }
  }
  if ((char === '}' || char === ']') && previous?.char === ',') {
    return at(
      text,
      previous.offset,
      `a comma after the last item. JSON allows no comma before "${char}": delete this comma.`,
    );
  }
  if (previous?.char === '"' && previous.sameLine && !startsValueOrPunctuation(text, offset)) {
    return at(
      text,
      previous.offset,
      `this " ends the text early, so what follows is not JSON. To show a quote inside text, write it as \\" — or use curly quotes “ ” in dialogue.`,
    );
  }
  if (kind === 'CommaExpected' && previous) {
    return at(
      text,
      previous.offset + 1,
      `a comma is missing between two items. Add "," right after ${itemEnding(text, previous.offset)}.`,
    );
  }
  if (kind === 'UnexpectedEndOfString') {
    return at(text, offset, 'this text never ends: add the closing " (on the same line).');
  }
  if (kind === 'CloseBraceExpected' || kind === 'CloseBracketExpected') {
    const bracket = kind === 'CloseBraceExpected' ? '}' : ']';
    return at(text, offset, `a closing "${bracket}" is missing: every "{" needs its "}" and every "[" its "]".`);
  }
  if (text.trim() === '') return at(text, offset, 'the file is empty. A scenario is a JSON object: { … }.');
  const what = kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return at(text, offset, `${what}.`);
}

/** An issue at an offset: "Invalid JSON at line L, column C: …", at the JSON path the parser reached there. */
export function at(text: string, offset: number, explanation: string, code: 'syntax' | 'tooDeep' = 'syntax') {
  const { line, column } = lineAndColumn(text, offset);
  const what = code === 'syntax' ? 'Invalid JSON' : 'Nested too deep';
  return scenarioIssue(code, pathAt(text, offset), `${what} at line ${line}, column ${column}: ${explanation}`);
}

/** 1-based line and column of an offset, as editors show them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The JSON Pointer the parser had reached at an offset ("" at the top or before any key). */
function pathAt(text: string, offset: number): string {
  const segments = getLocation(text, offset).path;
  while (segments.length && segments[segments.length - 1] === '') segments.pop();
  return pointer(...segments);
}

/** The last non-blank character before an offset, and whether it is on the same line. */
function previousToken(text: string, offset: number): { char: string; offset: number; sameLine: boolean } | undefined {
  let sameLine = true;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') sameLine = false;
    else if (c !== ' ' && c !== '\t' && c !== '\r') return { char: c, offset: i, sameLine };
  }
  return undefined;
}

/** After a text, a JSON value or punctuation means a missing comma (or another fault), not a stray quote. */
function startsValueOrPunctuation(text: string, offset: number): boolean {
  return (
    offset >= text.length ||
    /^(?:["{}[\],:0-9-]|(?:true|false|null)(?![\p{L}\p{N}]))/u.test(text.slice(offset, offset + 6))
  );
}

/** The item that ends at an offset, as the author sees it: `"checkIn"`, `}` or `42`, shortened. */
function itemEnding(text: string, end: number): string {
  let start = end;
  if (text[end] === '"') {
    start = end - 1;
    while (start > 0 && !(text[start] === '"' && text[start - 1] !== '\\')) start--;
  } else if (/[\w.+-]/.test(text[end])) {
    while (start > 0 && /[\w.+-]/.test(text[start - 1])) start--;
  }
  const item = text.slice(start, end + 1);
  return item.length > 30 ? `…${item.slice(-30)}` : item;
}
