import { describe, expect, it } from 'vitest';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };

/** Every key path of a nested strings file, with i18next's plural suffixes folded into one key. */
function keys(strings: object, prefix = ''): string[] {
  return Object.entries(strings)
    .flatMap(([key, value]) =>
      typeof value === 'string'
        ? [`${prefix}${key.replace(/_(one|other|many|zero)$/, '')}`]
        : keys(value, `${prefix}${key}.`),
    )
    .filter((key, i, all) => all.indexOf(key) === i)
    .sort();
}

describe('the interface strings', () => {
  it('has every English string in Spanish too, and nothing Spanish that English lacks', () => {
    expect(keys(es)).toEqual(keys(en));
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const flat = (strings: object, prefix = ''): [string, string][] =>
      Object.entries(strings).flatMap(([k, v]) =>
        typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flat(v, `${prefix}${k}.`),
      );
    const spanish = new Map(flat(es));
    for (const [key, text] of flat(en)) {
      if (spanish.has(key)) expect([key, placeholders(spanish.get(key) as string)]).toEqual([key, placeholders(text)]);
    }
  });
});
