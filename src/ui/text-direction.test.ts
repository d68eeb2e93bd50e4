import { afterEach, describe, expect, it, vi } from 'vitest';
import { textAttributes, textDirection } from './text-direction.ts';

afterEach(() => vi.restoreAllMocks());

describe('textDirection', () => {
  it.each(['ar', 'ar-EG', 'he', 'fa', 'ur', 'ps', 'ckb', 'yi', 'dv'])('%s is written right to left', (tag) => {
    expect(textDirection(tag)).toBe('rtl');
  });

  it.each(['en', 'es', 'es-419', 'fr', 'ru', 'zh-Hant', 'ja', 'hi', 'sw'])('%s is written left to right', (tag) => {
    expect(textDirection(tag)).toBe('ltr');
  });

  it('lets an explicit script decide', () => {
    expect(textDirection('az-Arab')).toBe('rtl');
    expect(textDirection('ku-Latn')).toBe('ltr');
    expect(textDirection('pa-Arab')).toBe('rtl');
    expect(textDirection('uz-Cyrl')).toBe('ltr');
  });

  it('is left to right for what is not a language tag', () => {
    expect(textDirection('')).toBe('ltr');
    expect(textDirection('not a tag!')).toBe('ltr');
  });

  it('knows languages its own list lacks from the script they are likely written in (Balochi: Arabic)', () => {
    expect(textDirection('bal')).toBe('rtl');
    expect(textDirection('sat')).toBe('ltr'); // Santali, in Ol Chiki
  });

  it('falls back to its own list where the engine has no text info', () => {
    const bare = { language: '', script: undefined, maximize: undefined } as unknown as Intl.Locale;
    const Locale = vi.spyOn(Intl, 'Locale').mockImplementation(function (this: unknown, tag: string | Intl.Locale) {
      return { ...bare, language: String(tag).split('-')[0] } as Intl.Locale;
    } as unknown as typeof Intl.Locale);
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('ur-PK')).toBe('rtl');
    expect(textDirection('en')).toBe('ltr');
    expect(Locale).toHaveBeenCalled();
  });

  it('gives an element its lang and dir', () => {
    expect(textAttributes('ar')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(textAttributes('es')).toEqual({ lang: 'es', dir: 'ltr' });
  });
});
