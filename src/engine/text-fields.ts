import { pointer } from './json-pointer.ts';
import type { Paragraphs, Scenario, Text } from './scenario.types.ts';
import { stateChoices, walkStates } from './scenario-walk.ts';

// Its own module, apart from text.ts: the views that show text (and load with the library page) need
// none of the checker's walk.
/** Every field a person reads, with its JSON Pointer: one walk for the language check and for tools. */
export function* textFields(scenario: Scenario): Generator<{ path: string; text: Text }> {
  const { meta } = scenario;
  for (const key of ['title', 'summary', 'contentNote'] as const) yield { path: pointer('meta', key), text: meta[key] };
  for (const [id, person] of Object.entries(meta.cast ?? {})) {
    // A name written once is the same in every language ("Priya"); one per language is checked like any text.
    if (typeof person.name !== 'string') yield { path: pointer('meta', 'cast', id, 'name'), text: person.name };
    if (person.role !== undefined) yield { path: pointer('meta', 'cast', id, 'role'), text: person.role };
  }
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
