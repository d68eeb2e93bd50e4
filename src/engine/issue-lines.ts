import type { HouseRuleIssue, HouseWarningIssue } from './house-rules.ts';
import type { FileIssue } from './load-scenario.types.ts';

/**
 * One problem as the checker prints it, one line each: `<file>: <JSON Pointer>: <message>` ("/" for the
 * whole file). The CLI (`npm run scenarios:check`) and the studio both show these words.
 */
export function issueLine(issue: FileIssue): string {
  return `${issue.file}: ${issue.path || '/'}: ${issue.message}`;
}

/** A broken house rule: `<file>: <JSON Pointer>: House rule: <message>`. */
export function houseRuleLine(file: string, { path, message }: HouseRuleIssue): string {
  return `${file}: ${path}: House rule: ${message}`;
}

/**
 * A house warning (a choice to look at again): `<file>: <JSON Pointer>: Look again: <message>`. Not
 * "Warning:": the studio already heads each of its warnings so.
 */
export function houseWarningLine(file: string, { path, message }: HouseWarningIssue): string {
  return `${file}: ${path}: Look again: ${message}`;
}
