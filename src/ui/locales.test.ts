import { describe, expect, it } from 'vitest';
import { TACTICS } from '../engine/tactics.ts';
import guideEs from '../guide/locales/es.json' with { type: 'json' };
import studioEs from '../studio/locales/es.json' with { type: 'json' };
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

/**
 * Gendered forms the Spanish interface must not use for the learner or the people in a session:
 * the authors' guide promises ungendered Spanish ("quien presencia", "la persona testigo", "nadie").
 */
const GENDERED: readonly [RegExp, string][] = [
  [/\b(el|un|los|unos|al|del) testigos?\b/i, 'say "quien presencia" or "la persona testigo"'],
  [/\bbienvenid[oa]s?\b/i, 'say "te damos la bienvenida" or "Presentación"'],
  [
    /\b(est[áa]s|estáis|estar|sentirte|te sientes) (list|segur|preparad|conectad|sol|tranquil|obligad)[oa]s?\b/i,
    'rephrase without an adjective for the learner',
  ],
  [/\{\{count\}\} (conectad|votad|unid)[oa]s?\b/i, 'count "personas": "{{count}} personas conectadas"'],
  [/\b(ser|sea|sean) (identificad|reconocid|señalad)[oa]s?\b/i, 'say "que no se pueda identificar a nadie"'],
  [
    /\b(juntos|juntas|nosotros|vosotros|todos los participantes|los participantes)\b/i,
    'say "a la vez", "todo el mundo", "quienes participan"',
  ],
];

describe('the Spanish interface', () => {
  const flat = (strings: object, prefix = ''): [string, string][] =>
    Object.entries(strings).flatMap(([k, v]) =>
      typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flat(v, `${prefix}${k}.`),
    );
  const tactics = TACTICS.flatMap((t) =>
    [t.name, t.description, ...Object.values(t.pledge)].flatMap((text, i) =>
      typeof text === 'object' && text.es ? [[`tactics.${t.id}.${i}`, text.es] as [string, string]] : [],
    ),
  );

  it('uses ungendered forms for the learner and the people in a session', () => {
    // The interface's own strings, and those the guide and the studio bring with them.
    const found = [...flat(es), ...flat({ guide: guideEs, studio: studioEs }), ...tactics].flatMap(([key, text]) =>
      GENDERED.filter(([pattern]) => pattern.test(text)).map(([, fix]) => `${key}: "${text}": ${fix}`),
    );
    expect(found).toEqual([]);
  });

  it('recognises the forms it forbids', () => {
    for (const text of [
      'Tú eres el testigo',
      '¡Bienvenida!',
      '¿Estás seguro?',
      '{{count}} conectados ahora',
      'para que nadie pueda ser identificado',
      'actuaremos juntos',
    ]) {
      expect([text, GENDERED.some(([pattern]) => pattern.test(text))]).toEqual([text, true]);
    }
  });
});
