import { type Node, parseTree } from 'jsonc-parser';
import { checkHouseRules, checkHouseWarnings } from '../engine/house-rules.ts';
import { houseRuleLine, houseWarningLine, issueLine } from '../engine/issue-lines.ts';
import { pointerSegments } from '../engine/json-pointer.ts';
import { loadScenario } from '../engine/load-scenario.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { type MapPaths, mapPaths } from './scenario-map-paths.ts';

/** One problem the studio lists: the checker's own line, and where in the text it points. */
export interface Problem {
  /** An error stops the scenario from loading; a warning is a library house rule it does not keep. */
  readonly severity: 'error' | 'warning';
  /** The JSON Pointer the checker named ("" for the whole file). */
  readonly path: string;
  /** The line `npm run scenarios:check` prints for it, word for word. */
  readonly line: string;
  /** The character offset in the text the problem points at (0 when it cannot be placed). */
  readonly from: number;
}

/** The checker's verdict on the text: every problem, and the scenario when it loads. */
export interface SourceCheck {
  readonly problems: readonly Problem[];
  /** The scenario, only when it has no errors (warnings allowed): what the preview plays. */
  readonly scenario?: Scenario;
  /** With the scenario: the states reached and the best and worst paths, for the map. */
  readonly paths?: MapPaths;
}

/**
 * Checks scenario text with the engine's checker (loadScenario) and the library's house rules, named
 * `file` as the CLI names a file. Errors are the checker's; house rules and house warnings come as
 * warnings, since a trainer's own scenario needs only the format. Never throws.
 */
export function checkSource(text: string, file: string): SourceCheck {
  const result = loadScenario(text, file);
  if (!result.ok) {
    return {
      problems: result.issues.map((issue) => ({
        severity: 'error',
        path: issue.path,
        line: issueLine(issue),
        from: issueOffset(text, issue.path, issue.message),
      })),
    };
  }
  const warnings = [
    ...checkHouseRules(result).map((issue) => ({ path: issue.path, line: houseRuleLine(file, issue) })),
    ...checkHouseWarnings(result).map((issue) => ({ path: issue.path, line: houseWarningLine(file, issue) })),
  ];
  return {
    scenario: result.scenario,
    paths: mapPaths(result.analysis),
    problems: warnings.map((w) => ({ severity: 'warning', ...w, from: issueOffset(text, w.path, '') })),
  };
}

/**
 * Where a problem points: the line and column a syntax message names ("… at line L, column C: …",
 * 1-based), else the start of the value its JSON Pointer names (or of the nearest part of it that
 * exists), else 0.
 */
export function issueOffset(text: string, path: string, message: string): number {
  const body = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const at = /at line (\d+), column (\d+):/.exec(message);
  if (at) return Math.min(text.length, body + offsetOf(text.slice(body), Number(at[1]), Number(at[2])));
  const tree = parseTree(text.slice(body));
  if (!tree) return 0;
  let node: Node = tree;
  for (const segment of pointerSegments(path)) {
    const next = childAt(node, segment);
    if (!next) break;
    node = next;
  }
  return body + node.offset;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const end = text.indexOf('\n', offset);
    if (end < 0) return text.length;
    offset = end + 1;
  }
  return offset + column - 1;
}

function childAt(node: Node, segment: string): Node | undefined {
  if (node.type === 'array') return node.children?.[Number(segment)];
  if (node.type !== 'object') return undefined;
  const property = node.children?.find((p) => p.children?.[0]?.value === segment);
  return property?.children?.[1];
}
