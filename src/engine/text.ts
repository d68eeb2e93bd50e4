import type { LanguageTag, Paragraphs, Scenario, Text } from './scenario.types.ts';

/** The languages a scenario declares: `meta.languages`, or its one `meta.language`. */
export function declaredLanguages(scenario: Pick<Scenario, 'meta'>): readonly LanguageTag[] {
  return scenario.meta.languages ?? [scenario.meta.language];
}

/** A text in the wanted language, falling back to the scenario's main language, then to any. */
export function localize(text: Text, language: LanguageTag, fallback: LanguageTag): string {
  if (typeof text === 'string') return text;
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/** Paragraphs as a list of strings in the wanted language. */
export function localizeParagraphs(paragraphs: Paragraphs, language: LanguageTag, fallback: LanguageTag): string[] {
  const list: readonly Text[] = Array.isArray(paragraphs) ? paragraphs : [paragraphs as Text];
  return list.map((p) => localize(p, language, fallback));
}

/** The language a scenario is shown in for a learner: theirs if the scenario declares it, else its own. */
export function contentLanguage(scenario: Pick<Scenario, 'meta'>, language: LanguageTag): LanguageTag {
  return declaredLanguages(scenario).includes(language) ? language : scenario.meta.language;
}

/** Text helpers for one scenario in the learner's language, falling back to the scenario's own. */
export function scenarioText(scenario: Pick<Scenario, 'meta'>, language: LanguageTag = scenario.meta.language) {
  const fallback = scenario.meta.language;
  const shown = contentLanguage(scenario, language);
  return {
    text: (t: Text) => localize(t, shown, fallback),
    paragraphs: (p: Paragraphs) => localizeParagraphs(p, shown, fallback),
  };
}
