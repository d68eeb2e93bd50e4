import { useMemo } from 'react';
import { picksToEvents } from '../engine/choice-names.ts';
import { compileScenario } from '../engine/compile-scenario.ts';
import { replayRun, runScore } from '../engine/run-state.ts';
import { RUN_FORMAT, saveRun } from '../engine/saved-run.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { scorePercent } from '../engine/score.ts';
import { scenarioText } from '../engine/text.ts';
import { choiceReport } from '../lms/choice-report.ts';
import type { LmsConnection } from '../lms/lms-connection.types.ts';
import type { ModuleProgress } from '../lms/module-progress.ts';
import { PlayerPage } from '../player/player-page.tsx';
import type { ProgressStore } from '../player/progress-store.ts';
import type { PlayerObserver } from '../player/use-player.ts';
import { useT } from '../ui/i18n.ts';

interface ModuleScenarioProps {
  readonly scenario: Scenario;
  readonly progress: React.RefObject<ModuleProgress>;
  /** Keeps the module's progress; `longestPath` lets the share done move with each decision. */
  readonly store: (next: ModuleProgress, longestPath: number) => void;
  /** The scenario reached an ending (its score 0–100) or was skipped (null). */
  readonly onFinished: (score: number | null, longestPath: number) => void;
  readonly connection: LmsConnection;
  readonly after: React.ReactNode;
  /** Shown with the debrief's score (see PlayerPage). */
  readonly scoreNote?: React.ReactNode;
}

/** One scenario of the module: the player, with its progress kept in the LMS and each choice reported. */
export function ModuleScenario({
  scenario,
  progress,
  store,
  onFinished,
  connection,
  after,
  scoreNote,
}: ModuleScenarioProps) {
  const { language } = useT();
  const { machine, analysis } = compileScenario(scenario);
  const { text } = scenarioText(scenario, language);
  const longestPath = analysis?.longestPath ?? Number.POSITIVE_INFINITY;

  const lmsStore: ProgressStore = useMemo(
    () => ({
      read: () => {
        const { phase, picks } = progress.current;
        if (phase === 'note' && !picks.length) return { state: 'missing' };
        const events = picksToEvents(machine, picks);
        const run = events && replayRun(machine, events);
        // A save that no longer fits (the package was updated) goes to the engine as it is: the engine
        // refuses it, as any outdated save, and the player tells the learner the scenario starts again.
        const saved = run
          ? saveRun(machine, scenario.id, run)
          : ({ format: RUN_FORMAT, scenarioId: scenario.id, snapshot: undefined, choices: [...picks] } as const);
        return { state: 'ok', value: { run: saved, phase } };
      },
      // A saved run keeps its choices by stable name, as the LMS does.
      save: (_id, { run, phase }) => store({ ...progress.current, phase, picks: [...run.choices] }, longestPath),
      clear: () => store({ ...progress.current, phase: 'note', picks: [] }, longestPath),
    }),
    [machine, scenario.id, progress, store, longestPath],
  );

  const observer: PlayerObserver = {
    chose: (run, index) => connection.recordChoice(choiceReport(machine, scenario.id, run, index, text, new Date())),
    finished: (run) => {
      const score =
        run && analysis?.best && analysis.worst
          ? scorePercent(runScore(run).total, analysis.best.score.total, analysis.worst.score.total)
          : null;
      onFinished(score, longestPath);
    },
  };

  return (
    <PlayerPage
      scenario={scenario}
      store={lmsStore}
      observer={observer}
      after={after}
      scoreNote={scoreNote}
      canChooseAnother={false}
    />
  );
}
