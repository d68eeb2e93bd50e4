import { describe, expect, it } from 'vitest';
import { i18next, switchLanguage } from './i18n.ts';
import es from './locales/es.json' with { type: 'json' };

describe('the interface languages, with parts that bring their own strings', () => {
  it('fetches Spanish even when a part loaded earlier (the studio) brought its own Spanish strings', async () => {
    // The studio's chunk adds its strings in every language as it loads, before Spanish is chosen.
    await import('../studio/studio-strings.ts');
    expect(i18next.t('studio.title', { lng: 'es' })).not.toBe(i18next.t('studio.title', { lng: 'en' }));
    await switchLanguage('es');
    expect(i18next.t('library.title')).toBe(es.library.title);
    expect(i18next.t('studio.title')).not.toBe(i18next.t('studio.title', { lng: 'en' }));
    await switchLanguage('en');
  });
});
