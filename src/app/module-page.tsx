import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { scenarioText } from '../engine/text.ts';
import { connectLms } from '../lms/connect-lms.ts';
import type { LmsConnection } from '../lms/lms-connection.types.ts';
import { DEFAULT_SKIP_RULE, type ModuleConfig } from '../lms/module-config.ts';
import {
  decodeProgress,
  encodeProgress,
  freshProgress,
  type ModuleProgress,
  moduleProgressMeasure,
  moduleResult,
  packageKey,
} from '../lms/module-progress.ts';
import { uiLanguageFrom, useT } from '../ui/i18n.ts';
import { ScenarioById, type ScenarioLoaders } from '../ui/scenario-loader.tsx';
import { hasStoredSettings, useSettings } from '../ui/settings.ts';
import { ModuleResultView } from './module-result.tsx';
import { ModuleScenario } from './module-scenario.tsx';
import { ModuleScoreNote } from './module-score-note.tsx';

/** A packaged module inside an LMS: its scenarios in order, progress and results reported to the LMS. */
export function ModulePage({ config, loaders }: { config: ModuleConfig; loaders: ScenarioLoaders }) {
  const { t } = useT();
  const [connection, setConnection] = useState<LmsConnection>();
  const { settings, change } = useSettings();
  // The LMS's language preference is the default; a language the learner picked on this device wins.
  const lmsLanguage = connection && uiLanguageFrom(connection.languages);
  useEffect(() => {
    if (lmsLanguage && !hasStoredSettings() && lmsLanguage !== settings.language)
      change({ ...settings, language: lmsLanguage }, { remember: false });
  }, [lmsLanguage, settings, change]);
  useEffect(() => {
    let live = true;
    let connected: LmsConnection | undefined;
    connectLms(config).then((c) => {
      connected = c;
      if (live) setConnection(c);
    });
    // Leaving (closing the LMS window, quick exit): suspend mid-way, so the next launch resumes.
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

/** Where a launch starts: the saved progress if it is this package's, else the beginning (and why). */
function startingPoint(config: ModuleConfig, resume: string | undefined) {
  const key = packageKey(config.scenarios);
  const saved = decodeProgress(resume);
  if (
    saved &&
    saved.key === key &&
    saved.at <= config.scenarios.length &&
    saved.scores.length <= config.scenarios.length
  )
    return { progress: saved, foreign: false };
  return { progress: freshProgress(key), foreign: resume !== undefined };
}

/** The index of the scenario after `at` still to play, or the count once there is none. */
function nextScenario(p: ModuleProgress, count: number, replaySkipped: boolean): number {
  for (let i = p.at + 1; i < count; i++)
    if (p.scores[i] === undefined || (replaySkipped && p.scores[i] === null)) return i;
  return count;
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
  const { t, language } = useT();
  const [start] = useState(() => startingPoint(config, connection.resume));
  const progress = useRef<ModuleProgress>(start.progress);
  const [at, setAt] = useState(progress.current.at);
  // A result the LMS already holds is shown first; playing again is practice and never lowers it.
  const [showHeld, setShowHeld] = useState(connection.held !== undefined);
  const [ended, setEnded] = useState(false);
  const [failing, setFailing] = useState(false);
  // A scenario's end changes what the debrief says of the module (its result once recorded): show it.
  const [, scenarioEnded] = useReducer((n: number) => n + 1, 0);
  useEffect(() => connection.onTrouble(setFailing), [connection]);
  const count = config.scenarios.length;
  const skip = config.skip ?? DEFAULT_SKIP_RULE;
  // The LMS's own pass mark (cmi5's masteryScore) decides when it sets one: the learner reads what the LMS records.
  const pass = connection.passMark ?? config.pass;

  // Stable, so the player's save effect runs on its own changes only.
  const store = useCallback(
    (next: ModuleProgress, longestPath: number) => {
      progress.current = next;
      connection.save(
        encodeProgress(next),
        `${next.at}:${next.picks.length}`,
        moduleProgressMeasure(next, count, longestPath, skip),
      );
    },
    [connection, count, skip],
  );
  // The result is recorded the moment the last scenario ends, not when the learner clicks on.
  const onFinished = (score: number | null, longestPath: number) => {
    const { scores, at: current } = progress.current;
    if (typeof scores[current] === 'number') return; // The first finish counts; playing again is practice.
    const next = [...scores];
    next[current] = score;
    store({ ...progress.current, scores: next }, longestPath);
    const result = moduleResult(next, count, pass, skip);
    if (result.done) connection.complete(result);
    scenarioEnded();
  };
  const goOn = () => {
    const next = { ...progress.current, at: nextScenario(progress.current, count, skip === 'incomplete') };
    store({ ...next, phase: 'note', picks: [] }, Number.POSITIVE_INFINITY);
    setAt(next.at);
  };
  const finish = () => {
    const now = moduleResult(progress.current.scores, count, pass, skip);
    // Skipped scenarios that leave the module incomplete: the learner may play them before leaving.
    if (!(now.done && !now.completed)) connection.finish();
    setEnded(true);
  };
  const playAgain = () => {
    progress.current = freshProgress(packageKey(config.scenarios));
    setAt(0);
    setEnded(false);
    setShowHeld(false);
  };
  const replaySkipped = () => {
    const first = progress.current.scores.indexOf(null);
    store({ ...progress.current, at: first, phase: 'note', picks: [] }, Number.POSITIVE_INFINITY);
    setAt(first);
    setEnded(false);
  };
  const result = moduleResult(progress.current.scores, count, pass, skip);
  const last = nextScenario(progress.current, count, skip === 'incomplete') >= count;
  return (
    <div className="module">
      {connection.standard === 'none' && (
        <p className="notice" role="status">
          {t('module.notRecorded')}
        </p>
      )}
      {connection.mode !== 'normal' && (
        <p className="notice" role="status">
          {t('module.review')}
        </p>
      )}
      {start.foreign && !showHeld && (
        <p className="notice" role="alert">
          {t('module.foreignSave')}
        </p>
      )}
      {failing && (
        <p className="notice" role="alert">
          {t('module.notSaved')}
        </p>
      )}
      {showHeld && connection.held ? (
        <ModuleResultView status={connection.held} pass={pass} held onPlayAgain={playAgain} />
      ) : at >= count || ended ? (
        <ModuleResultView
          status={result}
          pass={pass}
          onReplaySkipped={result.done && !result.completed ? replaySkipped : undefined}
          onLeave={result.done && !result.completed ? () => connection.finish() : undefined}
          finished={
            ended && !(result.done && !result.completed)
              ? connection.standard !== 'none' && connection.counts && !failing
                ? 'recorded'
                : 'notRecorded'
              : undefined
          }
        />
      ) : (
        <>
          <ScenarioById id={config.scenarios[at]} loaders={loaders}>
            {(scenario) => (
              <>
                <p className="module-progress">
                  {t('module.progress', {
                    // HR's own title as given; else this scenario's, in the language the module shows.
                    title: config.titleGiven
                      ? config.title
                      : scenarioText(scenario, language).text(scenario.meta.title),
                    n: Math.min(at + 1, count),
                    count,
                  })}
                </p>
                <ModuleScenario
                  key={scenario.id}
                  scenario={scenario}
                  progress={progress}
                  store={store}
                  onFinished={onFinished}
                  connection={connection}
                  scoreNote={<ModuleScoreNote result={result} pass={pass} />}
                  after={
                    last ? (
                      <>
                        {progress.current.scores[at] === null && (
                          <ModuleScoreNote result={result} pass={pass} scenarioNote={false} />
                        )}
                        <button type="button" className="primary" onClick={finish}>
                          {t('module.finish')}
                        </button>
                      </>
                    ) : (
                      <button type="button" className="primary" onClick={goOn}>
                        {t('module.next')}
                      </button>
                    )
                  }
                />
              </>
            )}
          </ScenarioById>
        </>
      )}
    </div>
  );
}
