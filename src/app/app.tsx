import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Scenario } from '../engine/scenario.types.ts';
import type { ModuleConfig } from '../lms/module-config.ts';
import { AppHeader, chromeFor } from './app-header.tsx';
import { BrokenScenario } from './broken-scenario.tsx';
import { i18next, useT } from './i18n.ts';
import type { LibraryEntry } from './library-entry.ts';
import { LibraryPage } from './library-page.tsx';
import { ScenarioById, type ScenarioLoaders } from './scenario-loader.tsx';
import { loadSettings, type Settings, SettingsContext, storeSettings } from './settings.ts';
import { SupportPage } from './support-page.tsx';

// The player is loaded on demand: the library page stays small.
const PlayerPage = lazy(() => import('../player/player-page.tsx').then((m) => ({ default: m.PlayerPage })));
const SummaryPage = lazy(() => import('../player/summary-page.tsx').then((m) => ({ default: m.SummaryPage })));
// Group sessions, likewise: the facilitator's console, the projector and the phone each load their own view.
const HostStartPage = lazy(() => import('../session/host-start-page.tsx').then((m) => ({ default: m.HostStartPage })));
const ConsolePage = lazy(() => import('../session/console-page.tsx').then((m) => ({ default: m.ConsolePage })));
const ScreenPage = lazy(() => import('../session/screen-page.tsx').then((m) => ({ default: m.ScreenPage })));
const ModulePage = lazy(() => import('./module-page.tsx').then((m) => ({ default: m.ModulePage })));
const JoinPage = lazy(() => import('../session/join-page.tsx').then((m) => ({ default: m.JoinPage })));
// The facilitator guide, printable: read before a session, never during play.
const GuidePage = lazy(() => import('../guide/guide-page.tsx').then((m) => ({ default: m.GuidePage })));

/**
 * The shell: header with quick exit and settings, and the routes. Routes live in the URL hash so the
 * same build works at any path, and every navigation replaces the history entry, so the app holds one
 * entry in the back-button history, which quick exit replaces.
 */
export function App({
  entries,
  loaders,
  module,
}: {
  entries: readonly LibraryEntry[];
  loaders: ScenarioLoaders;
  /** Set in a package built for an LMS: the app plays that module instead of showing the library. */
  module?: ModuleConfig;
}) {
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
  const withScenario = (id: string, render: (scenario: Scenario) => React.ReactNode) => {
    const entry = entries.find((e) => (e.ok ? e.summary.id === id : e.file === `scenarios/${id}.json`));
    if (!entry) return <NotFound />;
    return entry.ok ? (
      <ScenarioById id={id} loaders={loaders}>
        {render}
      </ScenarioById>
    ) : (
      <BrokenScenario file={entry.file} issues={entry.issues} headingLevel="h1" />
    );
  };

  return (
    <SettingsContext.Provider value={{ settings, change }}>
      <Router hook={useHashLocation}>
        <Frame module={!!module} main={main}>
          <Suspense fallback={<p>{t('app.loading')}</p>}>
            <Switch>
              <Route path="/">
                {module ? <ModulePage config={module} loaders={loaders} /> : <LibraryPage entries={entries} />}
              </Route>
              <Route path="/play/:id">
                {({ id }) => withScenario(id, (s) => <PlayerPage key={id} scenario={s} />)}
              </Route>
              <Route path="/summary/:id">{({ id }) => withScenario(id, (s) => <SummaryPage scenario={s} />)}</Route>
              <Route path="/host/:id">{({ id }) => withScenario(id, (s) => <HostStartPage scenario={s} />)}</Route>
              <Route path="/guide/:id">{({ id }) => withScenario(id, (s) => <GuidePage scenario={s} />)}</Route>
              <Route path="/console/:sessionId">
                {({ sessionId }) => <ConsolePage key={sessionId} sessionId={sessionId} loaders={loaders} />}
              </Route>
              <Route path="/screen/:code">
                {({ code }) => <ScreenPage key={code} code={code} loaders={loaders} />}
              </Route>
              <Route path="/join/:code?">{({ code }) => <JoinPage key={code} code={code} loaders={loaders} />}</Route>
              <Route path="/support">
                <SupportPage />
              </Route>
              <Route>
                <NotFound />
              </Route>
            </Switch>
          </Suspense>
        </Frame>
      </Router>
    </SettingsContext.Provider>
  );
}

/** The skip link, the header the route calls for (none on the projected stage), and the main region. */
function Frame({
  module,
  main,
  children,
}: {
  module: boolean;
  main: React.RefObject<HTMLElement | null>;
  children: React.ReactNode;
}) {
  const { t } = useT();
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
        {children}
      </main>
    </>
  );
}

function NotFound() {
  const { t } = useT();
  return (
    <section className="panel">
      <h1>{t('app.notFoundTitle')}</h1>
      <p>
        {t('app.notFoundText')}{' '}
        <Link href="/" replace>
          {t('app.seeScenarios')}
        </Link>
        .
      </p>
    </section>
  );
}
