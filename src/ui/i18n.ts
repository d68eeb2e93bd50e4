import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Text } from '../engine/scenario.types.ts';
import { findTactic } from '../engine/tactics.ts';
import { localize } from '../engine/text.ts';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };

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

// Initialised on import, synchronously, so every view (and every view test) has its strings at once.
// React escapes what it renders, so i18next must not escape again.
i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export { i18next };

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
