import { i18next } from '../ui/i18n.ts';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };

/**
 * The facilitator guide's and the review script's strings, under `guide.` in every interface language
 * (the library's link to a guide keeps its two in the interface's own files). They ship with the guide,
 * added when it loads, so the library page's JavaScript does not carry them.
 */
export const GUIDE_STRINGS = { en, es } as const;

for (const [language, strings] of Object.entries(GUIDE_STRINGS)) {
  i18next.addResourceBundle(language, 'translation', { guide: strings }, true, false);
}
