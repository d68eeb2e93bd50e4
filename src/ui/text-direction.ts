/**
 * The direction text in a language is written in, from its BCP 47 tag: `'rtl'` for Arabic, Hebrew,
 * Persian, Urdu…, `'ltr'` otherwise (also for a tag that is not one). An explicit script subtag decides
 * (`az-Arab` is right-to-left, `ku-Latn` left-to-right), else the script the language is likely
 * written in (`Intl.Locale#maximize`, CLDR); else the engine's text info (`getTextInfo()`, `textInfo`
 * in older engines); else a list of right-to-left languages. (Node 20's `textInfo` says Dhivehi and
 * Balochi are left-to-right; their likely scripts, Thaana and Arabic, say otherwise.)
 */
export type TextDirection = 'ltr' | 'rtl';

/** ISO 15924 scripts written right to left. */
const RTL_SCRIPTS = new Set([
  'Adlm',
  'Arab',
  'Aran',
  'Hebr',
  'Mand',
  'Mend',
  'Nkoo',
  'Rohg',
  'Samr',
  'Syrc',
  'Thaa',
  'Yezi',
]);

/** Languages whose usual script is written right to left, for engines without text info. */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'ha-Arab',
  'he',
  'iw',
  'ks',
  'ku-Arab',
  'lrc',
  'mzn',
  'nqo',
  'pnb',
  'prs',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);

type WithTextInfo = Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };

export function textDirection(tag: string): TextDirection {
  let locale: WithTextInfo;
  try {
    locale = new Intl.Locale(tag) as WithTextInfo;
  } catch {
    return 'ltr';
  }
  // The script written, or the one the language is likely written in (CLDR likely subtags): `dv` → Thaa.
  const script = locale.script ?? locale.maximize?.().script;
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
}

/** `lang` and `dir` for an element holding text in `tag`: spread onto it (`<p {...textAttributes('ar')}>`). */
export function textAttributes(tag: string): { lang: string; dir: TextDirection } {
  return { lang: tag, dir: textDirection(tag) };
}
