import { useMemo } from 'react';
import { compileScenario } from '../engine/compile-scenario.ts';
import { runScore, saveRun } from '../engine/run-state.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { choicePoints } from '../engine/score.ts';
import { scenarioText } from '../engine/text.ts';
import type { LmsConnection } from '../lms/lms-connection.types.ts';
import { picksToRun, runToPicks } from '../lms/module-picks.ts';
import { type ModuleProgress, scenarioPercent } from '../lms/module-progress.ts';
import { PlayerPage } from '../player/player-page.tsx';
import type { ProgressStore } from '../player/progress-store.ts';
import type { PlayerObserver } from '../player/use-player.ts';
import { useT } from './i18n.ts';

interface ModuleScenarioProps {
  readonly scenario: Scenario;
  readonly progress: React.RefObject<ModuleProgress>;
  readonly store: (next: ModuleProgress) => void;
  readonly connection: LmsConnection;
  readonly after: React.ReactNode;
}

/** One scenario of the module: the player, with its progress kept in the LMS and each choice reported. */
export function ModuleScenario({ scenario, progress, store, connection, after }: ModuleScenarioProps) {
  const { language } = useT();
  const { machine, analysis } = compileScenario(scenario);
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
