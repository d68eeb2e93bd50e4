import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { analyse } from '../engine/analyse.ts';
import { buildMachine } from '../engine/build-machine.ts';
import { runScore, saveRun } from '../engine/run-state.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { choicePoints } from '../engine/score.ts';
import { scenarioText } from '../engine/text.ts';
import { connectLms } from '../lms/connect-lms.ts';
import type { LmsConnection } from '../lms/lms-connection.types.ts';
import type { ModuleConfig } from '../lms/module-config.ts';
import { picksToRun, runToPicks } from '../lms/module-picks.ts';
import {
  decodeProgress,
  encodeProgress,
  FRESH_PROGRESS,
  type ModuleProgress,
  moduleResult,
  scenarioPercent,
} from '../lms/module-progress.ts';
import { PlayerPage } from '../player/player-page.tsx';
import type { ProgressStore } from '../player/progress-store.ts';
import type { PlayerObserver } from '../player/use-player.ts';
import { useT } from './i18n.ts';
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
  const status = (scores: readonly (number | null)[]) => ({
    ...moduleResult(scores, count, config.pass),
    progress: scores.length / count,
  });
  // Stable, so the player's save effect runs on its own changes only.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `status` reads only `count` and the pass mark.
  const store = useCallback(
    (next: ModuleProgress) => {
      progress.current = next;
      connection.save(encodeProgress(next), `${next.at}:${next.picks.length}`, status(next.scores));
    },
    [connection, count, config.pass],
  );
  const goOn = () => {
    const next = { ...progress.current, at: progress.current.at + 1, phase: 'note' as const, picks: [] };
    store(next);
    if (next.at >= count) connection.finish({ ...status(next.scores), completed: true });
    setAt(next.at);
  };
  const result = moduleResult(progress.current.scores, count, config.pass);
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
                  pass: config.pass,
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

interface ModuleScenarioProps {
  readonly scenario: Scenario;
  readonly progress: React.RefObject<ModuleProgress>;
  readonly store: (next: ModuleProgress) => void;
  readonly connection: LmsConnection;
  readonly after: React.ReactNode;
}

/** One scenario of the module: the player, with its progress kept in the LMS and each choice reported. */
function ModuleScenario({ scenario, progress, store, connection, after }: ModuleScenarioProps) {
  const { language } = useT();
  const machine = useMemo(() => buildMachine(scenario), [scenario]);
  const analysis = useMemo(() => analyse(machine), [machine]);
  const { text } = scenarioText(scenario, language);

  const lmsStore: ProgressStore = useMemo(
    () => ({
      read: () => {
        const { phase, picks } = progress.current;
        if (phase === 'note' && !picks.length) return { state: 'missing' };
        const run = picksToRun(machine, picks);
        return run ? { state: 'ok', value: { run: saveRun(machine, scenario.id, run), phase } } : { state: 'corrupt' };
      },
      save: (_id, { run, phase }) => {
        const picks = runToPicks(machine, run.choices);
        if (picks) store({ ...progress.current, phase, picks });
      },
      clear: () => store({ ...progress.current, phase: 'note', picks: [] }),
    }),
    [machine, scenario.id, progress, store],
  );

  const observer: PlayerObserver = {
    chose: (step, index) => {
      const points = choicePoints(step.meta);
      connection.recordChoice({
        id: `${scenario.id}.${index + 1}`,
        response: step.event,
        description: text(step.meta.label),
        result: points > 0 ? 'correct' : (step.meta.harm ?? 0) > 0 || points < 0 ? 'incorrect' : 'neutral',
        at: new Date(),
      });
    },
    // The first finish of each scenario counts; playing it again afterwards is practice.
    finished: (run) => {
      const { scores, at } = progress.current;
      if (scores.length > at) return;
      const score =
        run && analysis?.best && analysis.worst
          ? scenarioPercent(runScore(run).total, analysis.best.score.total, analysis.worst.score.total)
          : null;
      progress.current = { ...progress.current, scores: [...scores, score] };
    },
  };

  return <PlayerPage scenario={scenario} store={lmsStore} observer={observer} after={after} canChooseAnother={false} />;
}
