import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import { at, explainSyntaxError, lineAndColumn } from './json-syntax.ts';
import { pointer, type ScenarioIssue, scenarioIssue } from './scenario-issue.ts';

/** Larger files are refused before parsing: no real scenario comes near this. */
export const MAX_FILE_CHARS = 2_000_000;
/** Deeper nesting is refused: scenarios nest a few levels; recursion past this is an attack or an accident. */
export const MAX_DEPTH = 64;

export type ParsedJson = { ok: true; value: unknown } | { ok: false; issues: ScenarioIssue[] };

/**
 * Parses JSON text (RFC 8259) with jsonc-parser, strictly: no comments, no trailing commas. A
 * byte-order mark at the start is accepted (editors on Windows save one). Refused, each with its
 * line, column, JSON path and a fix in words: bad syntax (the first error, see json-syntax.ts),
 * nesting past MAX_DEPTH, and every key given twice in one object (JSON.parse would silently keep
 * the last).
 */
export function parseJson(input: string): ParsedJson {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.length > MAX_FILE_CHARS) {
    return fail(
      scenarioIssue('tooLarge', '', `The file has ${text.length} characters; the limit is ${MAX_FILE_CHARS}.`),
    );
  }
  const tooDeep = firstTooDeep(text);
  if (tooDeep !== undefined) {
    return fail(
      at(
        text,
        tooDeep,
        `this bracket opens a level deeper than the limit of ${MAX_DEPTH}. Scenarios nest a few levels: look here for brackets opened and never closed.`,
        'tooDeep',
      ),
    );
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !tree) {
    const first = errors[0] ?? { error: 0, offset: text.length, length: 0 };
    return fail(explainSyntaxError(text, first));
  }
  const duplicates = duplicateKeys(text, tree);
  if (duplicates.length) return { ok: false, issues: duplicates };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return fail(scenarioIssue('syntax', '', 'The file is not valid JSON.'));
  }
}

function fail(issue: ScenarioIssue): ParsedJson {
  return { ok: false, issues: [issue] };
}

/** Every key given twice in one object, naming both places: each is an error, never a silent overwrite. */
function duplicateKeys(text: string, root: Node): ScenarioIssue[] {
  const found: { offset: number; issue: ScenarioIssue }[] = [];
  const work: [Node, (string | number)[]][] = [[root, []]];
  while (work.length) {
    const [node, path] = work.pop() as [Node, (string | number)[]];
    if (node.type === 'array') {
      for (const [i, child] of (node.children ?? []).entries()) work.push([child, [...path, i]]);
      continue;
    }
    if (node.type !== 'object') continue;
    const seen = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const [keyNode, value] = property.children ?? [];
      const key = String(keyNode?.value);
      const first = seen.get(key);
      if (first) {
        const here = pointer(...path, key);
        const a = lineAndColumn(text, first.offset);
        const b = lineAndColumn(text, keyNode.offset);
        found.push({
          offset: keyNode.offset,
          issue: scenarioIssue(
            'duplicateKey',
            here,
            `"${key}" is given twice in the same object: at line ${a.line}, column ${a.column} and at line ${b.line}, column ${b.column} (both ${here}). JSON would keep only the second and silently lose the first: delete one, or merge them.`,
          ),
        });
      } else seen.set(key, keyNode);
      if (value) work.push([value, [...path, key]]);
    }
  }
  return found.sort((x, y) => x.offset - y.offset).map((f) => f.issue);
}

/** The offset of the first bracket past MAX_DEPTH, outside strings, in one pass: nothing recursive sees a hostile file. */
function firstTooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}
