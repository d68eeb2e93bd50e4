import { lazy, Suspense, useRef, useState } from 'react';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Scenario } from '../engine/scenario.types.ts';
import { BrokenScenario } from './broken-scenario.tsx';
import type { LibraryEntry } from './library-entry.ts';
import { LibraryPage } from './library-page.tsx';
import { QuickExit } from './quick-exit.tsx';
import { loadSettings, type Settings, SettingsContext, storeSettings, type TimerMode } from './settings.ts';
import { SupportPage } from './support-page.tsx';

// The player is loaded on demand: the library page stays small.
const PlayerPage = lazy(() => import('../player/player-page.tsx').then((m) => ({ default: m.PlayerPage })));
const SummaryPage = lazy(() => import('../player/summary-page.tsx').then((m) => ({ default: m.SummaryPage })));

/**
 * The shell: header with quick exit and settings, and the routes. Routes live in the URL hash so the
 * same build works at any path, and every navigation replaces the history entry, so the app holds one
 * entry in the back-button history, which quick exit replaces.
 */
export function App({ entries }: { entries: readonly LibraryEntry[] }) {
  const [settings, setSettings] = useState<Settings>(loadSettings);
  const main = useRef<HTMLElement>(null);
  const change = (next: Settings) => {
    setSettings(next);
    storeSettings(next);
  };
  const withScenario = (id: string, render: (scenario: Scenario) => React.ReactNode) => {
    const entry = entries.find((e) => (e.ok ? e.scenario.id === id : e.file === `scenarios/${id}.json`));
    if (!entry) return <NotFound />;
    return entry.ok ? (
      render(entry.scenario)
    ) : (
      <BrokenScenario file={entry.file} issues={entry.issues} headingLevel="h1" />
    );
  };

  return (
    <SettingsContext.Provider value={{ settings, change }}>
      <Router hook={useHashLocation}>
        {/* A button, not a link: the URL hash holds the route. */}
        <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
          Skip to content
        </button>
        <header className="app-header">
          <Link href="/" replace className="brand">
            Upstander
          </Link>
          <nav aria-label="Main">
            <Link href="/" replace>
              Scenarios
            </Link>
            <Link href="/support" replace>
              Get help
            </Link>
          </nav>
          <label className="timers">
            Timers{' '}
            <select
              value={settings.timers}
              onChange={(e) => change({ ...settings, timers: e.target.value as TimerMode })}
            >
              <option value="on">On</option>
              <option value="slower">Slower (double time)</option>
              <option value="off">Off</option>
            </select>
          </label>
          <QuickExit />
        </header>
        <main id="main" ref={main} tabIndex={-1}>
          <Suspense fallback={<p>Loading…</p>}>
            <Switch>
              <Route path="/">
                <LibraryPage entries={entries} />
              </Route>
              <Route path="/play/:id">
                {({ id }) => withScenario(id, (s) => <PlayerPage key={id} scenario={s} />)}
              </Route>
              <Route path="/summary/:id">{({ id }) => withScenario(id, (s) => <SummaryPage scenario={s} />)}</Route>
              <Route path="/support">
                <SupportPage />
              </Route>
              <Route>
                <NotFound />
              </Route>
            </Switch>
          </Suspense>
        </main>
      </Router>
    </SettingsContext.Provider>
  );
}

function NotFound() {
  return (
    <section className="panel">
      <h1>Nothing here</h1>
      <p>
        There is no such page.{' '}
        <Link href="/" replace>
          See the scenarios
        </Link>
        .
      </p>
    </section>
  );
}
