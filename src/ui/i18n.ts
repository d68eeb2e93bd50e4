import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Text } from '../engine/scenario.types.ts';
import { findTactic } from '../engine/tactics.ts';
import { localize } from '../engine/text.ts';
import en from './locales/en.json' with { type: 'json' };

/** The languages of the interface. A scenario may offer fewer; its own language is then used. */
export const UI_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;

export type UiLanguage = (typeof UI_LANGUAGES)[number]['code'];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return UI_LANGUAGES.some((l) => l.code === value);
}

/** The browser's preferred interface language if we have it, else English. */
export function preferredLanguage(): UiLanguage {
  const wanted = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return isUiLanguage(wanted) ? wanted : 'en';
}

/**
 * The first interface language among language tags (RFC 5646, most wanted first, e.g. an LMS's
 * `["fr-CA", "es-MX"]` gives `es`), matched on the primary subtag; undefined when none is ours.
 */
export function uiLanguageFrom(tags: readonly string[]): UiLanguage | undefined {
  for (const tag of tags) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isUiLanguage(primary)) return primary;
  }
  return undefined;
}

// Initialised on import, synchronously, with English (every other language falls back to it), so every
// view has its strings at once. React escapes what it renders, so i18next must not escape again.
i18next.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export { i18next };

/** The strings of each other interface language, fetched the first time it is chosen (a chunk of its own). */
const OTHER_LANGUAGES: Record<Exclude<UiLanguage, 'en'>, () => Promise<{ default: object }>> = {
  es: () => import('./locales/es.json'),
};

/** The languages whose interface strings have been fetched. */
const loaded = new Set<UiLanguage>();

/**
 * Makes a language's strings available (fetching them once, the first time); resolves when
 * `i18next.changeLanguage(language)` will show them. English is always there.
 */
export async function loadLanguage(language: UiLanguage): Promise<void> {
  // Not `hasResourceBundle`: a part loaded on its own (the studio, the guide) adds its strings in every
  // language as it loads, so a language can have a bundle before its interface strings came.
  if (language === 'en' || loaded.has(language)) return;
  const { default: strings } = await OTHER_LANGUAGES[language]();
  // Merged into what is there, so a part's own strings stay.
  i18next.addResourceBundle(language, 'translation', strings, true, true);
  loaded.add(language);
}

/** Switches the interface to a language once its strings are there. */
export async function switchLanguage(language: UiLanguage): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

/**
 * The translation function, a reader for data text (tactics, support) in the interface language,
 * and a tactic's name in that language (its id if the taxonomy no longer has it).
 */
export function useT() {
  const { t, i18n } = useTranslation();
  const data = (text: Text) => localize(text, i18n.language, 'en');
  const tacticName = (id: string) => {
    const tactic = findTactic(id);
    return tactic ? data(tactic.name) : id;
  };
  return { t, data, tacticName, language: i18n.language as UiLanguage };
}
