import { pointerSegments } from '../engine/json-pointer.ts';
import type {
  Choice,
  LanguageTag,
  Paragraphs,
  Scenario,
  ScenarioState,
  Text,
  VariableValue,
} from '../engine/scenario.types.ts';
import { declaredLanguages } from '../engine/text.ts';
import { textFields } from '../engine/text-fields.ts';

/** A scenario as the form changes it: the same shape as the file, writable. */
export type EditableScenario = Writable<Scenario>;
export type EditableState = Writable<ScenarioState>;
export type EditableChoice = Writable<Choice>;

type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

/**
 * Reads a file's text for the form: the scenario when the JSON parses to an object with `states`
 * (the checker says what else is wrong), or undefined while the source has a JSON error.
 */
export function readForForm(text: string): EditableScenario | undefined {
  try {
    const value = JSON.parse(text.replace(/^\uFEFF/, ''));
    const usable =
      value && typeof value === 'object' && !Array.isArray(value) && value.meta && typeof value.states === 'object';
    return usable ? (value as EditableScenario) : undefined;
  } catch {
    return undefined;
  }
}

/** The file's text after a form edit: two-space indentation and a final newline, as the studio's New writes. */
export function writeForForm(scenario: EditableScenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** Applies `change` to a copy of the scenario in `text`; the text is unchanged if it does not parse. */
export function editText(text: string, change: (scenario: EditableScenario) => void): string {
  const scenario = readForForm(text);
  if (!scenario) return text;
  change(scenario);
  return writeForForm(scenario);
}

/** The languages the form shows side by side: the scenario's declared ones, its main language first. */
export function formLanguages(scenario: EditableScenario): LanguageTag[] {
  const main = scenario.meta.language;
  const declared = declaredLanguages(scenario as Scenario);
  return [main, ...declared.filter((l) => l !== main)];
}

/** One language of a text: a plain string is the main language's. */
export function readText(text: Text | undefined, language: LanguageTag, main: LanguageTag): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return language === main ? text : '';
  return text[language] ?? '';
}

/**
 * A text with one language's words replaced: a plain string while the scenario has one language,
 * else one string per language (a plain string becomes the main language's).
 */
export function writeText(
  text: Text | undefined,
  language: LanguageTag,
  value: string,
  languages: readonly LanguageTag[],
): Text {
  const main = languages[0];
  if (languages.length === 1) return value;
  const before: Record<string, string> = typeof text === 'string' ? { [main]: text } : { ...(text ?? {}) };
  before[language] = value;
  return before;
}

/**
 * Sets the scenario's languages, the first its main one. A plain-string text is the main language's,
 * so when another language becomes the main one, every plain string becomes one string per language
 * under the language it was written in: no text is ever relabelled ("en" to "es" keeps the English as
 * English, and the checker lists the Spanish still to write, and English as a language no longer
 * declared). A name in the cast written once is every language's, and stays as it is.
 */
export function setLanguages(scenario: EditableScenario, tags: readonly LanguageTag[]) {
  const [main, ...others] = [...new Set(tags)];
  if (main === undefined) return;
  const before = scenario.meta.language;
  if (main !== before) {
    for (const { path, text } of [...textFields(scenario as Scenario)]) {
      if (typeof text !== 'string') continue;
      const segments = pointerSegments(path);
      const last = segments.pop() as string;
      const parent = segments.reduce<Record<string, unknown>>(
        (at, key) => at[key] as Record<string, unknown>,
        scenario as unknown as Record<string, unknown>,
      );
      parent[last] = { [before]: text };
    }
  }
  scenario.meta.language = main;
  if (others.length) scenario.meta.languages = [main, ...others];
  else delete scenario.meta.languages;
}

/** Paragraphs in one language, a blank line between them (the form's textarea). */
export function readParagraphs(paragraphs: Paragraphs | undefined, language: LanguageTag, main: LanguageTag): string {
  if (paragraphs === undefined) return '';
  const list: readonly Text[] = Array.isArray(paragraphs) ? paragraphs : [paragraphs as Text];
  const texts = list.map((p) => readText(p, language, main));
  while (texts.length && texts[texts.length - 1] === '') texts.pop();
  return texts.join('\n\n');
}

/**
 * Paragraphs with one language's replaced by `value` split at blank lines; the other languages keep
 * theirs, paragraph by paragraph. Always a list, as the shipped scenarios write them.
 */
export function writeParagraphs(
  paragraphs: Paragraphs | undefined,
  language: LanguageTag,
  value: string,
  languages: readonly LanguageTag[],
): Text[] {
  const before: readonly Text[] =
    paragraphs === undefined ? [] : Array.isArray(paragraphs) ? paragraphs : [paragraphs as Text];
  const parts = value === '' ? [] : value.split('\n\n');
  const main = languages[0];
  const out: Text[] = [];
  for (let i = 0; i < Math.max(parts.length, before.length); i++) {
    if (i < parts.length) {
      out.push(writeText(before[i], language, parts[i], languages));
      continue;
    }
    // This language has fewer paragraphs now: the others keep theirs.
    const others = languages.filter((l) => l !== language && readText(before[i], l, main) !== '');
    if (!others.length) continue;
    out.push(Object.fromEntries(others.map((l) => [l, readText(before[i], l, main)])));
  }
  return out;
}

/** Texts one per line in one language (discussion prompts). */
export function readLines(texts: readonly Text[] | undefined, language: LanguageTag, main: LanguageTag): string {
  return readParagraphs(texts ?? [], language, main)
    .split('\n\n')
    .join('\n');
}

/** Texts one per line, with one language's replaced. */
export function writeLines(
  texts: readonly Text[] | undefined,
  language: LanguageTag,
  value: string,
  languages: readonly LanguageTag[],
): Text[] {
  return writeParagraphs(texts ?? [], language, value.split('\n').join('\n\n'), languages);
}

/** Where a choice sits in a state: under `on` by event name, or under `after` by delay; `alt` for one of several alternatives. */
export interface ChoiceRef {
  readonly under: 'on' | 'after';
  readonly key: string;
  readonly alt?: number;
}

/** Every choice a state offers, in file order, alternatives one by one. */
export function choicesIn(state: EditableState): { ref: ChoiceRef; choice: EditableChoice }[] {
  const out: { ref: ChoiceRef; choice: EditableChoice }[] = [];
  for (const under of ['on', 'after'] as const) {
    for (const [key, value] of Object.entries(state[under] ?? {})) {
      if (Array.isArray(value))
        for (const [alt, choice] of value.entries()) out.push({ ref: { under, key, alt }, choice });
      else out.push({ ref: { under, key }, choice: value as EditableChoice });
    }
  }
  return out;
}

/** The choice at `ref`, or undefined. */
export function choiceAt(state: EditableState, ref: ChoiceRef): EditableChoice | undefined {
  const value = state[ref.under]?.[ref.key];
  return Array.isArray(value) ? value[ref.alt ?? 0] : (value as EditableChoice | undefined);
}

/** A name not yet taken: `base`, else `base2`, `base3`… (`sep` between for event names). */
function freeName(taken: Iterable<string>, base: string, sep = ''): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${sep}${n}`)) return `${base}${sep}${n}`;
}

/** Text the form fills in for a new field: empty in every language. */
const blank = (languages: readonly LanguageTag[]): Text =>
  languages.length === 1 ? '' : Object.fromEntries(languages.map((l) => [l, '']));

/** Adds a scene (a decision with one choice leading to the first ending) or an ending; returns its key. */
export function addState(scenario: EditableScenario, kind: 'scene' | 'ending'): string {
  const languages = formLanguages(scenario);
  const key = freeName(Object.keys(scenario.states), kind);
  if (kind === 'ending') {
    scenario.states[key] = {
      type: 'final',
      meta: { ending: { title: blank(languages), debrief: [blank(languages)], kind: 'mixed' } },
    };
  } else {
    scenario.states[key] = {
      meta: { narrative: [blank(languages)], prompt: blank(languages), stage: 'act' },
      on: {},
    };
    addChoice(scenario, key, 'on');
  }
  return key;
}

/** Removes a state; choices that led to it keep their target, which the checker then reports. */
export function removeState(scenario: EditableScenario, key: string) {
  delete scenario.states[key];
  if (scenario.initial === key) scenario.initial = Object.keys(scenario.states)[0] ?? '';
}

/**
 * Adds a choice to a state: under `on` with a new event name (CHOICE, CHOICE_2…), or the state's one
 * timed choice under `after` (20 seconds). It leads to the first ending, so the scenario stays playable.
 */
export function addChoice(scenario: EditableScenario, stateKey: string, under: 'on' | 'after'): ChoiceRef {
  const state = scenario.states[stateKey];
  const languages = formLanguages(scenario);
  const firstEnding = Object.keys(scenario.states).find((k) => scenario.states[k].type === 'final');
  const choice: EditableChoice = {
    target: firstEnding ?? stateKey,
    meta: { label: blank(languages), feedback: blank(languages), tactics: {} },
  };
  if (under === 'after') {
    choice.meta.timeout = true;
    state.after = { '20000': choice };
    return { under, key: '20000' };
  }
  state.on ??= {};
  const key = freeName(Object.keys(state.on), 'CHOICE', '_');
  state.on[key] = choice;
  return { under, key };
}

/** Removes the choice at `ref` (an alternative alone, or the whole event when it was the last). */
export function removeChoice(state: EditableState, ref: ChoiceRef) {
  const group = state[ref.under];
  if (!group) return;
  const value = group[ref.key];
  if (Array.isArray(value) && value.length > 1) value.splice(ref.alt ?? 0, 1);
  else delete group[ref.key];
  if (Object.keys(group).length === 0) delete state[ref.under];
}

/** Moves the state's timed choice to `seconds` (kept whole and positive; the key is milliseconds). */
export function setTimedSeconds(state: EditableState, ref: ChoiceRef, seconds: number): ChoiceRef {
  const group = state.after;
  if (!group || ref.under !== 'after' || !Number.isFinite(seconds)) return ref;
  const key = String(Math.max(1, Math.round(seconds)) * 1000);
  if (key === ref.key) return ref;
  const entries = Object.entries(group).map(([k, v]) => [k === ref.key ? key : k, v] as const);
  state.after = Object.fromEntries(entries);
  return { ...ref, key };
}

/** Takes someone out of the cast and out of every scene they were in (`present`), so nothing names them. */
export function removePerson(scenario: EditableScenario, id: string) {
  const { [id]: _removed, ...rest } = scenario.meta.cast ?? {};
  if (Object.keys(rest).length) scenario.meta.cast = rest;
  else delete scenario.meta.cast;
  for (const state of Object.values(scenario.states ?? {})) walkPresent(state, id);
}

function walkPresent(state: EditableState, id: string) {
  const meta = state.meta;
  if (meta?.present) {
    meta.present = meta.present.filter((p) => p !== id);
    if (meta.present.length === 0) delete meta.present;
  }
  for (const child of Object.values(state.states ?? {})) walkPresent(child, id);
}

/** What a value typed in the studio means: a number, true or false, or words. */
export function typedValue(typed: string): VariableValue {
  if (typed === 'true' || typed === 'false') return typed === 'true';
  // A number as people write one (-2, 1.5): "1e2" or "0x10" are words, not 100 and 16.
  return /^\s*-?\d+(\.\d+)?\s*$/.test(typed) ? Number(typed) : typed;
}

/** Where a problem's JSON Pointer is, as the form shows it: the part of the form, then the field. */
export interface FormPlace {
  /** 'details' (About the scenario), 'variables', 'cast', or a scene or ending by key. */
  readonly part: 'details' | 'variables' | 'cast' | { readonly scene: string; readonly ending: boolean };
  /** The choice as the form numbers it (1 for the first), or 'timed' for the one time running out picks. */
  readonly choice?: number | 'timed';
  /** A route of a state that routes the story, as the form numbers it. */
  readonly route?: number;
  /** The field's name among the form's strings (`studio.form.<field>`), when the pointer reaches one. */
  readonly field?: string;
}

const DETAIL_FIELDS: Record<string, string> = {
  id: 'id',
  initial: 'firstScene',
  title: 'title',
  summary: 'summary',
  contentNote: 'contentNote',
  minutes: 'minutes',
  setting: 'setting',
  language: 'languages',
  languages: 'languages',
};
const SCENE_FIELDS = ['narrative', 'prompt', 'stage', 'discussion', 'facilitatorNotes', 'present'];
const PERSON_FIELDS: Record<string, string> = { name: 'personName', role: 'personRole', portrait: 'portrait' };
const ENDING_FIELDS: Record<string, string> = { title: 'endingTitle', debrief: 'debrief', kind: 'kind' };
const CHOICE_FIELDS: Record<string, string> = {
  target: 'leadsTo',
  guard: 'condition',
  actions: 'effects',
  label: 'label',
  feedback: 'feedback',
  tactics: 'tactics',
  harm: 'harm',
  barrier: 'barrier',
};

/**
 * Names the place a problem's JSON Pointer (RFC 6901, as the checker gives it) is at in the form's own
 * terms — "Scene “lunch” › Choice 2 › Leads to" — so a trainer who never sees the JSON finds it; undefined
 * for the whole file, a JSON syntax error, or a part the form does not show.
 */
export function formPlace(scenario: EditableScenario, path: string): FormPlace | undefined {
  const [top, ...rest] = pointerSegments(path);
  if (top === undefined) return undefined;
  if (top === 'context') return { part: 'variables' };
  if (top in DETAIL_FIELDS) return { part: 'details', field: DETAIL_FIELDS[top] };
  if (top === 'meta' && rest[0] === 'cast') return { part: 'cast', field: PERSON_FIELDS[rest[2] ?? ''] };
  if (top === 'meta') return { part: 'details', field: DETAIL_FIELDS[rest[0]] };
  const [key, group, name, ...more] = rest;
  const state = top === 'states' && key !== undefined ? scenario.states?.[key] : undefined;
  if (!state) return undefined;
  const part = { scene: key, ending: state.meta?.ending !== undefined };
  if (group === 'meta')
    return name === 'ending'
      ? { part, field: ENDING_FIELDS[more[0]] }
      : { part, field: SCENE_FIELDS.includes(name) ? name : undefined };
  if (group === 'always') {
    const routes = Array.isArray(state.always);
    const route = routes && /^\d+$/.test(name ?? '') ? Number(name) + 1 : 1;
    const field = CHOICE_FIELDS[(routes ? more[0] : name) ?? ''];
    return { part, route, field };
  }
  if (group !== 'on' && group !== 'after') return { part };
  const alt = /^\d+$/.test(more[0] ?? '') ? Number(more[0]) : undefined;
  const inChoice = alt === undefined ? more : more.slice(1);
  const index = choicesIn(state).findIndex(
    ({ ref }) => ref.under === group && ref.key === name && (ref.alt ?? 0) === (alt ?? 0),
  );
  const field = CHOICE_FIELDS[inChoice[0] === 'meta' ? inChoice[1] : (inChoice[0] ?? '')];
  if (group === 'after')
    return {
      part,
      choice: 'timed',
      field: inChoice.length === 0 ? 'seconds' : field === 'label' ? 'timedLabel' : field,
    };
  return { part, choice: index >= 0 ? index + 1 : undefined, field };
}
