import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { i18next, UI_LANGUAGES, type UiLanguage, useT } from './i18n.ts';
import { QuickExit } from './quick-exit.tsx';
import { loadSettings, type Settings, SettingsContext, storeSettings, type TimerMode } from './settings.ts';

/**
 * What every page shares, in the app and in an LMS module: settings, the skip link, the header
 * (brand, the page's `nav` links, language, timers, quick exit) and the main landmark. Routes live in
 * the URL hash so the same build works at any path, and every navigation replaces the history entry,
 * so the app holds one entry in the back-button history, which quick exit replaces.
 */
export function AppShell({ nav, children }: { nav: ReactNode; children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(loadSettings);
  const { t } = useT();
  const main = useRef<HTMLElement>(null);
  const change = (next: Settings) => {
    setSettings(next);
    storeSettings(next);
  };
  useEffect(() => {
    i18next.changeLanguage(settings.language);
    document.documentElement.lang = settings.language;
  }, [settings.language]);

  return (
    <SettingsContext.Provider value={{ settings, change }}>
      <Router hook={useHashLocation}>
        {/* A button, not a link: the URL hash holds the route. */}
        <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
          {t('app.skipToContent')}
        </button>
        <header className="app-header">
          <Link href="/" replace className="brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('app.nav')}>{nav}</nav>
          <label className="setting">
            {t('app.language')}{' '}
            <select
              value={settings.language}
              onChange={(e) => change({ ...settings, language: e.target.value as UiLanguage })}
            >
              {UI_LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <label className="setting">
            {t('app.timers')}{' '}
            <select
              value={settings.timers}
              onChange={(e) => change({ ...settings, timers: e.target.value as TimerMode })}
            >
              <option value="on">{t('app.timersOn')}</option>
              <option value="slower">{t('app.timersSlower')}</option>
              <option value="off">{t('app.timersOff')}</option>
            </select>
          </label>
          <QuickExit />
        </header>
        <main id="main" ref={main} tabIndex={-1}>
          {children}
        </main>
      </Router>
    </SettingsContext.Provider>
  );
}
