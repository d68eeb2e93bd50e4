import { parse } from 'jsonc-parser';
import schema from '../../scenarios/scenario.schema.json' with { type: 'json' };
import { SCENARIO_ID } from '../engine/scenario-id.ts';

/** Longest id the format allows (the schema's `scenarioId`). */
export const ID_LONGEST: number = schema.definitions.scenarioId.maxLength;

/**
 * The file name to download the text as: `<id>.json` from the scenario's top-level `"id"`, written as
 * an id would be when it is not one yet ("Lift At Work" → `lift-at-work.json`: lower case, hyphens for
 * spaces and signs, accents dropped, at most 64 characters), else the name it was opened under, else
 * `scenario.json`. Reads the text leniently, since it may be broken.
 */
export function downloadName(text: string, file: string): string {
  const value: unknown = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  const asId = typeof id === 'string' ? idFrom(id) : '';
  if (SCENARIO_ID.test(asId)) return `${asId}.json`;
  const base = file.split(/[\\/]/).pop() ?? '';
  return base.endsWith('.json') ? base : 'scenario.json';
}

/** Words written as a scenario id: "Lift At Work" → `lift-at-work`; '' when nothing of them is left. */
export function idFrom(words: string): string {
  return words
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, ID_LONGEST)
    .replace(/^-+|-+$/g, '');
}

/**
 * The name the studio's checker gives a draft: the file it was opened as, in its folder, named after
 * the id written in it (as Download and the server's save name it). So an author who changes the id
 * meets no error about the file name; the checker holds file and id together only on disk.
 */
export function checkedName(text: string, file: string): string {
  return file.replace(/[^\\/]*$/, downloadName(text, file));
}
