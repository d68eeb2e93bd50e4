import { describe, expect, it } from 'vitest';
import { localize, localizeParagraphs } from './text.ts';

describe('localized text', () => {
  it('picks the wanted language, then the scenario’s main one, then any', () => {
    expect(localize({ en: 'Hello', es: 'Hola' }, 'es', 'en')).toBe('Hola');
    expect(localize({ en: 'Hello' }, 'es', 'en')).toBe('Hello');
    expect(localize({ fr: 'Bonjour' }, 'es', 'en')).toBe('Bonjour');
    expect(localize('Plain', 'es', 'en')).toBe('Plain');
  });

  it('turns one text or a list into paragraphs', () => {
    expect(localizeParagraphs('One.', 'en', 'en')).toEqual(['One.']);
    expect(localizeParagraphs([{ en: 'A.', es: 'Una.' }, 'B.'], 'es', 'en')).toEqual(['Una.', 'B.']);
  });
});
