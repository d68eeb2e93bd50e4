import { analyse } from './analyse.ts';
import { buildMachine } from './build-machine.ts';
import { checkCharacters } from './characters.ts';
import { checkGraph } from './graph-check.ts';
import type { LoadResult } from './load-scenario.types.ts';
import { parseJson } from './parse-json.ts';
import type { Scenario } from './scenario.types.ts';
import { alternativeInWords, jsonType, type ScenarioIssue, scenarioIssue } from './scenario-issue.ts';
import { scenarioParts } from './scenario-walk.ts';
import { checkSchema } from './schema-check.ts';
import { checkSemantics } from './semantic-check.ts';

/** More states are refused: real scenarios have dozens; this bounds every later check's time. */
export const MAX_STATES = 2000;

/** The one format this engine reads; format 2 will come with numbered migrations from 1. */
export const SCENARIO_FORMAT = 1;

/** Loads scenario text: parse, then everything loadScenarioValue does. */
export function loadScenario(text: string, file = ''): LoadResult {
  const parsed = parseJson(text);
  return parsed.ok ? loadScenarioValue(parsed.value, file) : fail(file, parsed.issues);
}

/**
 * Checks a parsed scenario in stages — format version, schema, references, then the graph — and
 * compiles it. Each stage reports all its problems; a later stage runs only on what the earlier
 * ones passed, since it relies on them (the graph cannot be explored with a target that names nothing).
 */
export function loadScenarioValue(value: unknown, file = ''): LoadResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(file, [
      scenarioIssue('notAnObject', '', `A scenario is a JSON object; this file holds ${jsonType(value)}.`),
    ]);
  }
  const gate = checkFormat(value as Record<string, unknown>);
  if (gate) return fail(file, [gate]);
  const shapeIssues = [...checkCharacters(value), ...checkSchema(value)];
  if (shapeIssues.length) return fail(file, shapeIssues);
  const scenario = value as Scenario;
  const { states } = scenarioParts(scenario);
  if (states > MAX_STATES) {
    return fail(file, [
      scenarioIssue('tooLarge', '/states', `The scenario has ${states} states; the limit is ${MAX_STATES}.`),
    ]);
  }
  const fileId = file
    ? file
        .split(/[\\/]/)
        .pop()
        ?.replace(/\.json$/i, '')
    : undefined;
  const referenceIssues = checkSemantics(scenario, fileId);
  if (referenceIssues.length) return fail(file, referenceIssues);
  const machine = buildMachine(scenario);
  const analysis = analyse(machine);
  if (!analysis) {
    return fail(file, [
      scenarioIssue(
        'tooManySituations',
        '/context',
        'The story has too many distinct situations to check: a loop probably changes a variable each time round. Bound it with a guard.',
      ),
    ]);
  }
  const graphIssues = checkGraph(scenario, analysis);
  if (graphIssues.length) return fail(file, graphIssues);
  return { ok: true, scenario, machine, analysis };
}

function checkFormat(value: Record<string, unknown>): ScenarioIssue | undefined {
  const meta = value.meta;
  const hasMeta = typeof meta === 'object' && meta !== null && !Array.isArray(meta);
  const format = hasMeta ? (meta as Record<string, unknown>).format : undefined;
  if (format === SCENARIO_FORMAT) return undefined;
  if (format === undefined) {
    // A missing key is reported at the object that lacks it, as everywhere else.
    return scenarioIssue(
      'formatVersion',
      hasMeta ? '/meta' : '',
      `No format version: add "format": ${SCENARIO_FORMAT} to meta.`,
    );
  }
  if (typeof format === 'number' && format > SCENARIO_FORMAT) {
    return scenarioIssue(
      'formatVersion',
      '/meta/format',
      `This file is format ${format}; this version of Upstander reads format ${SCENARIO_FORMAT}. Update Upstander to play it.`,
    );
  }
  return scenarioIssue(
    'formatVersion',
    '/meta/format',
    `Unknown format ${JSON.stringify(format)}; the format is ${SCENARIO_FORMAT}.`,
  );
}

/** Each issue with its file; one inside guarded alternatives also says which, as people count ("the 2nd"). */
function fail(file: string, issues: readonly ScenarioIssue[]): LoadResult {
  return { ok: false, issues: issues.map((issue) => ({ file, ...issue, message: placeInWords(issue) })) };
}

function placeInWords({ path, message }: ScenarioIssue): string {
  const alternative = alternativeInWords(path);
  if (!alternative || message.includes(' alternative of ')) return message;
  return `In ${alternative}: ${message}`;
}
