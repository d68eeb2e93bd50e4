import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Router, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { i18next, loadLanguage, type UiLanguage, useT } from '../ui/i18n.ts';
import { LoadFailure } from '../ui/load-failure.tsx';
import { OrganisationProvider } from '../ui/organisation.tsx';
import { loadSettings, type Settings, SettingsContext, storeSettings } from '../ui/settings.ts';
import { AppHeader, chromeFor } from './app-header.tsx';

/**
 * What every page shares, in the app and in an LMS module: settings, the organisation, the skip link, the header the
 * route calls for (`app-header.tsx`: none on the projected stage) and the main landmark. Routes live
 * in the URL hash so the same build works at any path, and every navigation replaces the history
 * entry, so the app holds one entry in the back-button history, which quick exit replaces.
 * `module` is set in a package built for an LMS: its header links only to help.
 */
export function AppShell({ module = false, children }: { module?: boolean; children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(loadSettings);
  const change = (next: Settings, { remember = true }: { remember?: boolean } = {}) => {
    setSettings(next);
    if (remember) storeSettings(next);
  };
  useEffect(() => {
    let current = true;
    // A language's strings may need fetching first; a newer choice made meanwhile wins.
    loadLanguage(settings.language).then(
      () => {
        if (!current) return;
        // Already on screen (the app's entry switched before its first render): changing again would
        // re-render every translated view for nothing.
        if (i18next.language !== settings.language) i18next.changeLanguage(settings.language);
        document.documentElement.lang = settings.language;
      },
      // The strings could not be fetched (offline): the menu goes back to the language on screen, and
      // the choice is not remembered, so the next visit tries again.
      () => {
        if (current) setSettings((now) => ({ ...now, language: i18next.language as UiLanguage }));
      },
    );
    return () => {
      current = false;
    };
  }, [settings.language]);

  return (
    <SettingsContext.Provider value={{ settings, change }}>
      <OrganisationProvider>
        <Router hook={useHashLocation}>
          <Frame module={module}>{children}</Frame>
        </Router>
      </OrganisationProvider>
    </SettingsContext.Provider>
  );
}

/** The skip link, the header the route calls for and the main region (inside the router, to read the route). */
function Frame({ module, children }: { module: boolean; children: ReactNode }) {
  const { t } = useT();
  const main = useRef<HTMLElement>(null);
  const [location] = useLocation();
  const chrome = chromeFor(location);
  return (
    <>
      {chrome !== 'stage' && (
        <>
          {/* A button, not a link: the URL hash holds the route. */}
          <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
            {t('app.skipToContent')}
          </button>
          <AppHeader chrome={chrome} module={module} />
        </>
      )}
      <main id="main" ref={main} tabIndex={-1} className={`chrome-${chrome}`}>
        <LoadFailure resetKey={location}>{children}</LoadFailure>
      </main>
    </>
  );
}
