import { useCallback, useEffect, useRef, useState } from 'react';
import { connectLms } from '../lms/connect-lms.ts';
import type { LmsConnection } from '../lms/lms-connection.types.ts';
import type { ModuleConfig } from '../lms/module-config.ts';
import {
  decodeProgress,
  encodeProgress,
  FRESH_PROGRESS,
  type ModuleProgress,
  moduleResult,
} from '../lms/module-progress.ts';
import { useT } from './i18n.ts';
import { ModuleScenario } from './module-scenario.tsx';
import { ScenarioById, type ScenarioLoaders } from './scenario-loader.tsx';

/** A packaged module inside an LMS: its scenarios in order, progress and results reported to the LMS. */
export function ModulePage({ config, loaders }: { config: ModuleConfig; loaders: ScenarioLoaders }) {
  const { t } = useT();
  const [connection, setConnection] = useState<LmsConnection>();
  useEffect(() => {
    let live = true;
    let connected: LmsConnection | undefined;
    connectLms(config).then((c) => {
      connected = c;
      if (live) setConnection(c);
    });
    // Leaving mid-way (closing the LMS window, quick exit): suspend, so the next launch resumes.
    const leave = () => connected?.leave();
    window.addEventListener('pagehide', leave);
    return () => {
      live = false;
      window.removeEventListener('pagehide', leave);
    };
  }, [config]);
  if (!connection) return <p>{t('module.connecting')}</p>;
  return <ModuleRun config={config} connection={connection} loaders={loaders} />;
}

function ModuleRun({
  config,
  connection,
  loaders,
}: {
  config: ModuleConfig;
  connection: LmsConnection;
  loaders: ScenarioLoaders;
}) {
  const { t } = useT();
  const progress = useRef<ModuleProgress>(decodeProgress(connection.resume) ?? FRESH_PROGRESS);
  const [at, setAt] = useState(progress.current.at);
  const count = config.scenarios.length;
  const pass = connection.passMark ?? config.pass;
  const status = (scores: readonly (number | null)[]) => ({
    ...moduleResult(scores, count, pass),
    progress: scores.length / count,
  });
  // Stable, so the player's save effect runs on its own changes only.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `status` reads only `count` and the pass mark.
  const store = useCallback(
    (next: ModuleProgress) => {
      progress.current = next;
      connection.save(encodeProgress(next), `${next.at}:${next.picks.length}`, status(next.scores));
    },
    [connection, count, pass],
  );
  const goOn = () => {
    const next = { ...progress.current, at: progress.current.at + 1, phase: 'note' as const, picks: [] };
    store(next);
    if (next.at >= count) connection.finish({ ...status(next.scores), completed: true });
    setAt(next.at);
  };
  const result = moduleResult(progress.current.scores, count, pass);
  return (
    <div className="module">
      {connection.standard === 'none' && (
        <p className="notice" role="status">
          {t('module.notRecorded')}
        </p>
      )}
      <p className="module-progress">
        {t('module.progress', { title: config.title, n: Math.min(at + 1, count), count })}
      </p>
      {at >= count ? (
        <section className="panel" aria-labelledby="module-done">
          <h1 id="module-done">{t('module.doneTitle')}</h1>
          <p>
            {result.score === undefined
              ? t('module.doneSkipped')
              : t(result.passed ? 'module.donePassed' : 'module.doneFailed', {
                  score: result.score,
                  pass,
                })}
          </p>
        </section>
      ) : (
        <ScenarioById id={config.scenarios[at]} loaders={loaders}>
          {(scenario) => (
            <ModuleScenario
              key={scenario.id}
              scenario={scenario}
              progress={progress}
              store={store}
              connection={connection}
              after={
                <button type="button" className="primary" onClick={goOn}>
                  {at + 1 < count ? t('module.next') : t('module.finish')}
                </button>
              }
            />
          )}
        </ScenarioById>
      )}
    </div>
  );
}
