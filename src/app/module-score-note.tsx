import type { ModuleResult } from '../lms/module-progress.ts';
import { useT } from '../ui/i18n.ts';

interface ModuleScoreNoteProps {
  /** The module's result so far; its score and verdict are shown once it is done (recorded in the LMS). */
  readonly result: ModuleResult;
  readonly pass: number;
  /** Say that the score beside it is the scenario's, not the module's (false where no score is shown: a skip). */
  readonly scenarioNote?: boolean;
}

/**
 * In a module, beside a scenario's 0–100 score: that it is the scenario's and the module's is their mean;
 * and, once the last scenario has ended, the module's score and verdict, exactly as the LMS records them,
 * on the same screen (before any Finish click).
 */
export function ModuleScoreNote({ result, pass, scenarioNote = true }: ModuleScoreNoteProps) {
  const { t } = useT();
  const line = !result.done
    ? undefined
    : !result.completed
      ? t('module.incompleteText')
      : result.score === undefined
        ? t('module.doneSkipped')
        : t(result.passed ? 'module.resultPassed' : 'module.resultFailed', { score: result.score, pass });
  return (
    <>
      {scenarioNote && <p>{t('module.scenarioScore')}</p>}
      {line && (
        <p className="module-score" role="status">
          <strong>{line}</strong>
        </p>
      )}
    </>
  );
}
