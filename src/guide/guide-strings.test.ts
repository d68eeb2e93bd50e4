import { describe, expect, it } from 'vitest';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };

describe('the guide’s and review script’s strings', () => {
  it('has every English string in Spanish, with the same placeholders, and nothing more', () => {
    // Plural forms (`_one`, `_other`) count as one key.
    const placeholders = (strings: Record<string, string>) =>
      Object.entries(strings)
        .map(
          ([key, text]) =>
            `${key.replace(/_(one|other)$/, '')}: ${[...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).join(',')}`,
        )
        .filter((line, i, all) => all.indexOf(line) === i)
        .sort();
    expect(placeholders(es)).toEqual(placeholders(en));
  });
});
