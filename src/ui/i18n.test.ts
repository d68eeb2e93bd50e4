import { describe, expect, it } from 'vitest';
import { i18next, loadLanguage, switchLanguage } from './i18n.ts';
import es from './locales/es.json' with { type: 'json' };

describe('the interface languages', () => {
  it('has English at once and fetches Spanish only when it is chosen, then speaks it', async () => {
    expect(i18next.t('library.title')).toBe('Practise stepping in');
    // Not shipped with the first page: until fetched, Spanish falls back to English.
    expect(i18next.hasResourceBundle('es', 'translation')).toBe(false);
    await switchLanguage('es');
    expect(i18next.language).toBe('es');
    expect(i18next.t('library.title')).toBe(es.library.title);
    // Fetched once: choosing it again changes nothing.
    await loadLanguage('es');
    expect(i18next.t('library.title')).toBe(es.library.title);
    await switchLanguage('en');
    expect(i18next.t('library.title')).toBe('Practise stepping in');
  });
});
