/** Why a scenario file is rejected: a closed list, so tools can act on the code and tests can assert it. */
export const ISSUE_CODES = [
  'unreadable', // the file cannot be read
  'syntax', // not JSON
  'tooLarge', // bigger than the engine reads
  'tooDeep', // nested deeper than the engine reads
  'duplicateKey', // an object gives the same key twice (JSON would keep only the last)
  'controlCharacter', // text holds an invisible control character (or one XML forbids)
  'notAnObject', // JSON, but not an object
  'formatVersion', // meta.format missing or not one this engine reads
  'schema', // shape: wrong type, missing or unknown key, bad value
  'unsupported', // an XState feature scenarios may not use (parallel, invoke, …)
  'unknownAction', // an action outside the engine's vocabulary
  'unknownGuard', // a guard outside the engine's vocabulary
  'idMismatch', // id differs from the file name
  'unknownVariable', // an action or guard names a variable not in context
  'variableType', // an action or guard uses a variable as the wrong type
  'unknownTactic', // a tactic id not in the taxonomy
  'unknownBarrier', // a barrier id not in the list of barriers
  'unknownTarget', // a transition target that names no state
  'unknownChoice', // an ending assumes a choice (event name) that no scene offers
  'unknownPerson', // a scene's present names someone not in the cast
  'delay', // a timed choice's wait that is not a whole number of milliseconds from 1 to 10 minutes
  'missingText', // a text field lacks a declared language
  'undeclaredLanguage', // a text field has a language the scenario does not declare
  'sceneMeta', // a scene without narrative or stage
  'finalWithChoices', // an ending that offers choices
  'deadEnd', // a state with no way out that is not an ending
  'unreachable', // a state no path reaches
  'stuck', // a reachable situation in which no choice is on offer
  'noExit', // a reachable situation from which no ending can be reached (a cycle with no exit)
  'scoringLoop', // a loop that earns or loses points each time round
  'eventlessLoop', // eventless routes that loop without a choice
  'tooManySituations', // too many distinct situations (state + variables) to analyse
  'noEnding', // no ending is reachable at all
  'startsAtEnding', // the first state is an ending: the story has no decision
  'unmetAssumption', // a path reaches an ending without a choice the ending assumes
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem in a scenario file. */
export interface ScenarioIssue {
  /** Why, from the closed list. */
  readonly code: IssueCode;
  /** Where, as a JSON Pointer into the file ("" is the whole file). */
  readonly path: string;
  /** What is wrong, for an author. */
  readonly message: string;
}

export function scenarioIssue(code: IssueCode, path: string, message: string): ScenarioIssue {
  return { code, path, message };
}

export { pointer } from './json-pointer.ts';

/** A count as people say it: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st, 111th. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * The guarded alternative a JSON Pointer lies in, as people count: `/states/x/on/TOGETHER/1/meta`
 * → "the 2nd alternative of TOGETHER" (delays: "of the timed choice after 20000 ms"). Undefined if none.
 */
export function alternativeInWords(path: string): string | undefined {
  const matches = [...path.matchAll(/\/(?:(on|after)\/([^/]+)|(always))\/(\d+)(?=\/|$)/g)];
  const last = matches.at(-1);
  if (!last) return undefined;
  const [, group, key, always, index] = last;
  const of = always
    ? 'always'
    : group === 'after'
      ? `the timed choice after ${key} ms`
      : key.replaceAll('~1', '/').replaceAll('~0', '~');
  return `the ${ordinal(Number(index) + 1)} alternative of ${of}`;
}

/** How a value reads in a message: its JSON, shortened. */
export function describeValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}

/** The JSON type of a value, as an author would name it. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}
