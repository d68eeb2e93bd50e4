import { describe, expect, it } from 'vitest';
import { localize, localizeParagraphs, scenarioText } from './text.ts';

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

describe('scenarioText', () => {
  it('reads a scenario in the learner’s language, falling back to the scenario’s own', async () => {
    const { fakeScenario } = await import('../test-util/fakes.ts');
    const scenario = fakeScenario({ meta: { ...fakeScenario().meta, languages: ['en', 'es'] } });
    const { text, paragraphs } = scenarioText(scenario, 'es');
    expect(text({ en: 'Continue', es: 'Continuar' })).toBe('Continuar');
    expect(text({ en: 'Only English' })).toBe('Only English');
    expect(paragraphs([{ en: 'One.', es: 'Uno.' }])).toEqual(['Uno.']);
    expect(scenarioText(scenario).text({ en: 'Continue', es: 'Continuar' })).toBe('Continue');
  });
});
