import { i18next } from '../ui/i18n.ts';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };

/**
 * The studio's interface strings, under `studio.` in every interface language. They ship in the
 * studio's own chunk, added when it loads, so the library page's JavaScript does not carry them.
 */
export const STUDIO_STRINGS = { en, es } as const;

for (const [language, strings] of Object.entries(STUDIO_STRINGS)) {
  i18next.addResourceBundle(language, 'translation', { studio: strings }, true, false);
}
