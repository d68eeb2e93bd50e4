import { jsonLanguage } from '@codemirror/lang-json';
import type { Extension } from '@codemirror/state';
import { jsonCompletion, stateExtensions } from 'codemirror-json-schema';
import schema from '../../scenarios/scenario.schema.json' with { type: 'json' };

/**
 * Completion in the source view from the format's JSON Schema (`scenarios/scenario.schema.json`), by
 * `codemirror-json-schema`: the keys a place in the file may hold, with their descriptions, and the
 * values a field allows (a stage, a tactic, an action's type). Its own chunk, loaded the first time
 * the source shows: trainers who keep to the form never download it.
 */
export const schemaCompletion: Extension = [
  stateExtensions(followable(schema) as never),
  jsonLanguage.data.of({ autocomplete: jsonCompletion() }),
];

type SchemaNode = { [key: string]: unknown };

/**
 * A copy of the schema the completion can walk: the library under it (json-schema-library 9) does not
 * follow a `$ref` given as `additionalProperties` when it steps into a key, so the states of `states`
 * and the choices of `on` would offer nothing. Each such reference is replaced by the definition it
 * names (itself still holding references, which the library follows), so nothing becomes circular.
 */
export function followable(source: object): SchemaNode {
  const copy = structuredClone(source) as SchemaNode;
  const definitions = (copy.definitions ?? {}) as Record<string, SchemaNode>;
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    for (const value of Object.values(node)) visit(value);
    const extra = (node as SchemaNode).additionalProperties as SchemaNode | undefined;
    const name = typeof extra?.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(extra.$ref)?.[1] : undefined;
    if (name && definitions[name]) (node as SchemaNode).additionalProperties = definitions[name];
  };
  visit(copy);
  return copy;
}
