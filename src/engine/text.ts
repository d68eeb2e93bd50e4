import { pointer } from './json-pointer.ts';
import type { LanguageTag, Paragraphs, Scenario, Text } from './scenario.types.ts';
import { stateChoices, walkStates } from './scenario-walk.ts';

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

/** Every field a person reads, with its JSON Pointer: one walk for the language check and for tools. */
export function* textFields(scenario: Scenario): Generator<{ path: string; text: Text }> {
  const { meta } = scenario;
  for (const key of ['title', 'summary', 'contentNote'] as const) yield { path: pointer('meta', key), text: meta[key] };
  for (const { state, at } of walkStates(scenario)) {
    const m = state.meta;
    if (m?.narrative !== undefined) yield* paragraphTexts(m.narrative, [...at, 'meta', 'narrative']);
    if (m?.prompt !== undefined) yield { path: pointer(...at, 'meta', 'prompt'), text: m.prompt };
    for (const [i, text] of (m?.discussion ?? []).entries())
      yield { path: pointer(...at, 'meta', 'discussion', i), text };
    if (m?.facilitatorNotes !== undefined)
      yield* paragraphTexts(m.facilitatorNotes, [...at, 'meta', 'facilitatorNotes']);
    if (m?.ending) {
      yield { path: pointer(...at, 'meta', 'ending', 'title'), text: m.ending.title };
      yield* paragraphTexts(m.ending.debrief, [...at, 'meta', 'ending', 'debrief']);
    }
    for (const { choice, at: choiceAt } of stateChoices(state, at)) {
      yield { path: pointer(...choiceAt, 'meta', 'label'), text: choice.meta.label };
      yield { path: pointer(...choiceAt, 'meta', 'feedback'), text: choice.meta.feedback };
    }
  }
}

function* paragraphTexts(paragraphs: Paragraphs, at: readonly string[]): Generator<{ path: string; text: Text }> {
  if (Array.isArray(paragraphs)) {
    for (const [i, text] of paragraphs.entries()) yield { path: pointer(...at, i), text };
  } else yield { path: pointer(...at), text: paragraphs as Text };
}
