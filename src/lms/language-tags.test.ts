import { describe, expect, it } from 'vitest';
import { uiLanguageFrom } from '../ui/i18n.ts';
import { languageTags } from './language-tags.ts';

describe("an LMS's language preference", () => {
  it('reads cmi5 lists and SCORM single tags, most wanted first, blanks dropped', () => {
    expect(languageTags('fr-CA, es-MX,en-US')).toEqual(['fr-CA', 'es-MX', 'en-US']);
    expect(languageTags('es')).toEqual(['es']);
    expect(languageTags('')).toEqual([]);
    expect(languageTags(' , ')).toEqual([]);
  });

  it('gives the first interface language by primary subtag, or none', () => {
    expect(uiLanguageFrom(['fr-CA', 'es-MX', 'en-US'])).toBe('es');
    expect(uiLanguageFrom(['EN-gb'])).toBe('en');
    expect(uiLanguageFrom(['fr', 'de'])).toBeUndefined();
    expect(uiLanguageFrom([])).toBeUndefined();
  });
});
