import { parseArgs } from 'node:util';
import { didYouMean } from '../engine/did-you-mean.ts';

/** A command's options, as `node:util` parseArgs takes them: each a string with a value, or a flag. */
export type OptionSpecs = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * Reads a command line against its options, as parseArgs does with `strict: true`, but collects every
 * problem instead of stopping at the first, so a user can fix them all at once: an unknown option
 * (with the closest known one), a word that belongs to no option, an option missing its value (or
 * followed by another option), a flag given a value, and an option given more than once (naming
 * every value given). `values` holds each option's first value. Never throws.
 */
export function readArgs(
  args: readonly string[],
  config: { options: OptionSpecs; strict: true },
): { values: Record<string, string | boolean | undefined>; problems: string[] } {
  const { options } = config;
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const known = Object.keys(options).map((name) => `--${name}`);
  const given = new Map<string, string[]>();
  const values: Record<string, string | boolean | undefined> = {};
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      problems.push(
        `"${token.value}" belongs to no option: put it after the option it is for, in quotes if it holds spaces.`,
      );
      continue;
    }
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) {
      problems.push(`Unknown option ${token.rawName}.${didYouMean(`--${token.name}`, known)}`);
      continue;
    }
    const name = `--${token.name}`;
    if (spec.type === 'string') {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
        problems.push(`${name} needs a value${token.value ? `; it was followed by the option ${token.value}` : ''}.`);
        continue;
      }
      given.set(name, [...(given.get(name) ?? []), token.value]);
      values[token.name] ??= token.value;
    } else {
      if (token.value !== undefined) problems.push(`${name} takes no value; got "${token.value}".`);
      given.set(name, [...(given.get(name) ?? []), '']);
      values[token.name] = true;
    }
  }
  for (const [name, all] of given)
    if (all.length > 1)
      problems.push(
        all.some(Boolean)
          ? `${name} is given ${all.length} times (${all.map((v) => `"${v}"`).join(', ')}): give it once.`
          : `${name} is given ${all.length} times: give it once.`,
      );
  return { values, problems };
}
