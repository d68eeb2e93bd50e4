import { describe, expect, it } from 'vitest';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };

describe('the studio’s interface strings', () => {
  it('has every English string in Spanish, with the same placeholders, and nothing more', () => {
    const placeholders = (strings: Record<string, string>) =>
      Object.entries(strings)
        .map(([key, text]) => `${key}: ${[...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).join(',')}`)
        .sort();
    expect(placeholders(es)).toEqual(placeholders(en));
  });
});
