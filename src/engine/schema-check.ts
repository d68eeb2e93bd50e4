import { Ajv, type ErrorObject } from 'ajv';
import schema from '../../scenarios/scenario.schema.json' with { type: 'json' };
import { didYouMean } from './did-you-mean.ts';
import { describeValue, jsonType, pointer, type ScenarioIssue, scenarioIssue } from './scenario-issue.ts';
import { delayProblem } from './timed-choice.ts';

/**
 * XState keys that change behaviour, refused by name with the reason, so an author meets a reason and
 * not "unknown key". XState's behaviour-free keys (`description`, `tags`, `version`) are in the
 * schema: accepted and kept, so a config from Stately's editor loads.
 */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  invoke: 'invoked actors run code, and scenario files hold none',
  parallel: 'parallel states are not supported: a learner is in one scene at a time',
  history: 'history states are not supported: say where the story goes',
  output: 'output is not part of the scenario format',
  spawn: 'spawned actors run code, and scenario files hold none',
  onDone:
    'onDone is not supported: lead out of a group of scenes with a choice or an "always" route, so the story says where it goes',
  reenter: "reenter changes when entry and exit actions run again; scenarios keep XState's default",
  route: 'route transitions are not part of the scenario format: use a choice or an "always" route',
  options: 'machine options configure the runtime, which the engine sets',
};

/** The enums that hold the engine's closed vocabulary, so an unknown name is reported as such. */
const VOCABULARY_ENUMS = new Map<object, { code: 'unknownAction' | 'unknownGuard'; kind: string }>([
  [schema.definitions.action.properties.type, { code: 'unknownAction', kind: 'action' }],
  [schema.definitions.guard.properties.type, { code: 'unknownGuard', kind: 'guard' }],
]);

const ajv = new Ajv({
  allErrors: true,
  verbose: true,
  allowUnionTypes: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
});
const validate = ajv.compile(schema);

/** The JSON Schema for format 1, for tests and tools. */
export const scenarioSchema = schema;

/** Checks the file's shape against the format 1 schema, reporting every problem. */
export function checkSchema(value: unknown): ScenarioIssue[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).flatMap(toIssue);
}

function toIssue(error: ErrorObject): ScenarioIssue[] {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return []; // summaries of errors reported on their own
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const path = at + pointer(key);
      if (key in UNSUPPORTED) return [scenarioIssue('unsupported', path, `"${key}": ${UNSUPPORTED[key]}.`)];
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return [scenarioIssue('schema', path, `Unknown key "${key}".${didYouMean(key, known)}`)];
    }
    case 'required':
      if (error.schemaPath.startsWith('#/definitions/state/then')) {
        return [
          scenarioIssue(
            'schema',
            at,
            'An ending ("type": "final") needs meta.ending with its title, debrief and kind.',
          ),
        ];
      }
      return [scenarioIssue('schema', at, `Missing "${String(params.missingProperty)}".`)];
    case 'dependencies':
      return [
        scenarioIssue(
          'schema',
          at,
          `A state with "${String(params.property)}" also needs "${String(params.missingProperty)}".`,
        ),
      ];
    case 'type': {
      const expected = ([] as string[]).concat(params.type as string | string[]).map(typeName);
      return [scenarioIssue('schema', at, `Expected ${expected.join(' or ')}, got ${jsonType(error.data)}.`)];
    }
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      if (typeof error.data === 'string' && error.data in UNSUPPORTED) {
        return [scenarioIssue('unsupported', at, `"${error.data}": ${UNSUPPORTED[error.data]}.`)];
      }
      const list = allowed.map((v) => describeValue(v)).join(', ');
      const vocabulary = VOCABULARY_ENUMS.get(error.parentSchema as object);
      if (vocabulary) {
        return [
          scenarioIssue(
            vocabulary.code,
            at,
            `Unknown ${vocabulary.kind} ${describeValue(error.data)}; the ${vocabulary.kind}s are ${list}.`,
          ),
        ];
      }
      return [scenarioIssue('schema', at, `Expected one of ${list}; got ${describeValue(error.data)}.`)];
    }
    case 'pattern': {
      // A timed choice's wait is named by the rule the semantic check also applies, with its own code.
      const delay = error.parentSchema === schema.definitions.delay && error.propertyName !== undefined;
      const problem = delay ? delayProblem(String(error.propertyName)) : undefined;
      if (problem) return [scenarioIssue('delay', at + pointer(String(error.propertyName)), problem)];
      const rule = (error.parentSchema as { description?: string }).description ?? `text matching ${params.pattern}`;
      if (error.propertyName !== undefined) {
        return [
          scenarioIssue('schema', at + pointer(error.propertyName), `Expected ${rule}; got "${error.propertyName}".`),
        ];
      }
      return [scenarioIssue('schema', at, `Expected ${rule}; got ${describeValue(error.data)}.`)];
    }
    case 'minLength':
      return [scenarioIssue('schema', at, 'Must not be empty.')];
    case 'maxLength':
      return [
        scenarioIssue(
          'schema',
          at,
          `Too long: at most ${String(params.limit)} characters, and this has ${String(error.data).length}. Shorten it.`,
        ),
      ];
    case 'minItems':
    case 'minProperties':
      return [scenarioIssue('schema', at, `Must not be empty: expected at least ${String(params.limit)}.`)];
    case 'minimum':
    case 'maximum':
      return [
        scenarioIssue(
          'schema',
          at,
          `Expected a number ${error.keyword === 'minimum' ? '≥' : '≤'} ${String(params.limit)}, got ${describeValue(error.data)}.`,
        ),
      ];
    case 'uniqueItems':
      return [scenarioIssue('schema', at, `Lists a value twice (items ${String(params.j)} and ${String(params.i)}).`)];
    case 'const':
      return [
        scenarioIssue(
          'schema',
          at,
          `Expected ${describeValue(params.allowedValue)}, got ${describeValue(error.data)}.`,
        ),
      ];
    default:
      return [scenarioIssue('schema', at, `${error.message ?? 'Invalid'}.`)];
  }
}

function typeName(type: string): string {
  return { object: 'an object', array: 'an array', integer: 'an integer', number: 'a number' }[type] ?? `a ${type}`;
}
