import { lazy, Suspense, useMemo } from 'react';
import { Link, Route, Switch } from 'wouter';
import type { Scenario } from '../engine/scenario.types.ts';
import { BoostersContext } from '../ui/boosters.ts';
import { useT } from '../ui/i18n.ts';
import { boosterIds, type LibraryEntry, libraryShelf } from '../ui/library-entry.ts';
import { ScenarioById, type ScenarioLoaders } from '../ui/scenario-loader.tsx';
import { ShelfContext } from '../ui/shelf.ts';
import { SupportPage } from '../ui/support-page.tsx';
import { AppShell } from './app-shell.tsx';
import { BrokenScenario } from './broken-scenario.tsx';
import { LibraryPage } from './library-page.tsx';

/**
 * A page loaded on demand, whose chunk can be asked for early: a page that shows a scenario starts
 * fetching its own code together with the scenario's, not after it.
 */
function onDemand<P>(load: () => Promise<React.ComponentType<P>>) {
  let loading: Promise<React.ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load();
    return loading;
  };
  return Object.assign(
    lazy(() => preload().then((page) => ({ default: page }))),
    { preload },
  );
}

// The player is loaded on demand: the library page stays small.
const PlayerPage = onDemand(() => import('../player/player-page.tsx').then((m) => m.PlayerPage));
const FollowUpQuestion = lazy(() =>
  import('../player/follow-up-question.tsx').then((m) => ({ default: m.FollowUpQuestion })),
);
const SummaryPage = onDemand(() => import('../player/summary-page.tsx').then((m) => m.SummaryPage));
// Group sessions, likewise: the facilitator's console, the projector and the phone each load their own view.
const HostStartPage = onDemand(() => import('../session/host-start-page.tsx').then((m) => m.HostStartPage));
const ConsolePage = lazy(() => import('../session/console-page.tsx').then((m) => ({ default: m.ConsolePage })));
const ScreenPage = lazy(() => import('../session/screen-page.tsx').then((m) => ({ default: m.ScreenPage })));
const JoinPage = lazy(() => import('../session/join-page.tsx').then((m) => ({ default: m.JoinPage })));
// The facilitator guide, printable: read before a session, never during play.
const GuidePage = onDemand(() => import('../guide/guide-page.tsx').then((m) => m.GuidePage));
// The scenario studio, for authors: its editor and checker load only when it is opened.
const StudioPage = lazy(() => import('../studio/studio-page.tsx').then((m) => ({ default: m.StudioPage })));

/** The app: the shell (header links by route), and every route (a packaged LMS module has its own, `module-app.tsx`). */
export function App({ entries, loaders }: { entries: readonly LibraryEntry[]; loaders: ScenarioLoaders }) {
  const { t } = useT();
  const shelf = useMemo(() => libraryShelf(entries), [entries]);
  const withScenario = (
    id: string,
    page: { preload: () => unknown },
    render: (scenario: Scenario) => React.ReactNode,
  ) => {
    page.preload();
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
    <AppShell>
      <BoostersContext.Provider value={boosterIds(entries)}>
        <ShelfContext.Provider value={shelf}>
          <Suspense fallback={<p>{t('app.loading')}</p>}>
            <Switch>
              <Route path="/">
                <LibraryPage entries={shelf} />
              </Route>
              <Route path="/play/:id">
                {({ id }) => withScenario(id, PlayerPage, (s) => <PlayerPage key={id} scenario={s} confidence />)}
              </Route>
              {/* A reminder's link: the follow-up question, then the booster. */}
              <Route path="/play/:id/followup">
                {({ id }) =>
                  withScenario(id, PlayerPage, (s) => (
                    <>
                      <FollowUpQuestion boosterId={id} />
                      <PlayerPage key={id} scenario={s} confidence noteTakesFocus={false} />
                    </>
                  ))
                }
              </Route>
              <Route path="/summary/:id">
                {({ id }) => withScenario(id, SummaryPage, (s) => <SummaryPage scenario={s} />)}
              </Route>
              <Route path="/host/:id">
                {({ id }) => withScenario(id, HostStartPage, (s) => <HostStartPage scenario={s} />)}
              </Route>
              <Route path="/guide/:id">
                {({ id }) => withScenario(id, GuidePage, (s) => <GuidePage scenario={s} />)}
              </Route>
              <Route path="/console/:sessionId">
                {({ sessionId }) => <ConsolePage key={sessionId} sessionId={sessionId} loaders={loaders} />}
              </Route>
              <Route path="/screen/:code/:sessionId?">
                {({ code, sessionId }) => <ScreenPage key={code} code={code} sessionId={sessionId} loaders={loaders} />}
              </Route>
              <Route path="/join/:code?/:sessionId?">
                {({ code, sessionId }) => <JoinPage key={code} code={code} sessionId={sessionId} loaders={loaders} />}
              </Route>
              <Route path="/studio">
                <StudioPage entries={entries} loaders={loaders} />
              </Route>
              <Route path="/support">
                <SupportPage />
              </Route>
              <Route>
                <NotFound />
              </Route>
            </Switch>
          </Suspense>
        </ShelfContext.Provider>
      </BoostersContext.Provider>
    </AppShell>
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
