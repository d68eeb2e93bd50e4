import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { type ScenarioIssue, scenarioIssue } from './scenario-issue.ts';

/** Larger files are refused before parsing: no real scenario comes near this. */
export const MAX_FILE_CHARS = 2_000_000;
/** Deeper nesting is refused: scenarios nest a few levels; recursion past this is an attack or an accident. */
export const MAX_DEPTH = 64;

export type ParsedJson = { ok: true; value: unknown } | { ok: false; issue: ScenarioIssue };

/** Parses JSON text, reporting bad syntax with its line and column. */
export function parseJson(text: string): ParsedJson {
  if (text.length > MAX_FILE_CHARS) {
    return fail('tooLarge', `The file has ${text.length} characters; the limit is ${MAX_FILE_CHARS}.`);
  }
  const depth = maxNesting(text);
  if (depth > MAX_DEPTH) {
    return fail('tooDeep', `The file nests ${depth} levels deep; the limit is ${MAX_DEPTH}.`);
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, issue: syntaxIssue(text) };
  }
}

function fail(code: 'tooLarge' | 'tooDeep', message: string): ParsedJson {
  return { ok: false, issue: scenarioIssue(code, '', message) };
}

// JSON.parse's own messages differ between Node versions; jsonc-parser gives a stable code and offset.
function syntaxIssue(text: string): ScenarioIssue {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return scenarioIssue('syntax', '', 'The file is not valid JSON.');
  const { line, column } = lineAndColumn(text, first.offset);
  const what = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return scenarioIssue('syntax', '', `Invalid JSON at line ${line}, column ${column}: ${what}.`);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The deepest bracket nesting outside strings, in one pass, so nothing recursive sees a hostile file. */
function maxNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}
