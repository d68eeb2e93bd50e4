import { parse } from 'jsonc-parser';
import { SCENARIO_ID } from '../engine/scenario-id.ts';

/**
 * The file name to download the text as: `<id>.json` from the scenario's top-level `"id"` when it is a
 * valid id, else the name it was opened under, else `scenario.json`. Reads the text leniently, since
 * it may be broken.
 */
export function downloadName(text: string, file: string): string {
  const value: unknown = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  if (typeof id === 'string' && SCENARIO_ID.test(id)) return `${id}.json`;
  const base = file.split(/[\\/]/).pop() ?? '';
  return base.endsWith('.json') ? base : 'scenario.json';
}

/**
 * The name the studio's checker gives a draft: the file it was opened as, in its folder, named after
 * the id written in it (as Download and the server's save name it). So an author who changes the id
 * meets no error about the file name; the checker holds file and id together only on disk.
 */
export function checkedName(text: string, file: string): string {
  return file.replace(/[^\\/]*$/, downloadName(text, file));
}
