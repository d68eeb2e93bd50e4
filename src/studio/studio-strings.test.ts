import { describe, expect, it } from 'vitest';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };

describe('the studio’s interface strings', () => {
  it('has every English string in Spanish, with the same placeholders, and nothing more', () => {
    type Strings = { [key: string]: string | Strings };
    const flat = (strings: Strings, prefix = ''): [string, string][] =>
      Object.entries(strings).flatMap(([key, value]) =>
        typeof value === 'string' ? [[`${prefix}${key}`, value]] : flat(value, `${prefix}${key}.`),
      );
    const placeholders = (strings: Strings) =>
      flat(strings)
        .map(([key, text]) => `${key}: ${[...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).join(',')}`)
        .sort();
    expect(placeholders(es)).toEqual(placeholders(en));
  });
});
