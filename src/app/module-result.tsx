import type { ModuleStatus } from '../lms/lms-connection.types.ts';
import { useT } from '../ui/i18n.ts';

interface ModuleResultProps {
  readonly status: ModuleStatus;
  readonly pass: number;
  /** The result the LMS held at launch, from an earlier session. */
  readonly held?: boolean;
  readonly onPlayAgain?: () => void;
  /** Offered when skipped scenarios leave the module incomplete. */
  readonly onReplaySkipped?: () => void;
  readonly onLeave?: () => void;
  /** The learner clicked Finish: say whether the result was recorded, and that the window can be closed. */
  readonly finished?: 'recorded' | 'notRecorded';
}

/** The module's result, on the same 0–100 scale the LMS records, against the pass mark. */
export function ModuleResultView({
  status,
  pass,
  held,
  onPlayAgain,
  onReplaySkipped,
  onLeave,
  finished,
}: ModuleResultProps) {
  const { t } = useT();
  const line = !status.completed
    ? t('module.incompleteText')
    : status.score === undefined
      ? t('module.doneSkipped')
      : t(status.passed ? 'module.donePassed' : 'module.doneFailed', { score: status.score, pass });
  const title = held ? 'module.heldTitle' : status.completed ? 'module.doneTitle' : 'module.incompleteTitle';
  return (
    <section className="panel" aria-labelledby="module-done">
      <h1 id="module-done">{t(title)}</h1>
      <p>{line}</p>
      {held && <p>{t('module.heldText')}</p>}
      {finished && (
        <p role="status">{t(finished === 'recorded' ? 'module.finishedRecorded' : 'module.finishedNotRecorded')}</p>
      )}
      <div className="actions">
        {onPlayAgain && (
          <button type="button" onClick={onPlayAgain}>
            {t('module.playAgain')}
          </button>
        )}
        {onReplaySkipped && (
          <button type="button" className="primary" onClick={onReplaySkipped}>
            {t('module.replaySkipped')}
          </button>
        )}
        {onLeave && (
          <button type="button" onClick={onLeave}>
            {t('module.leaveForNow')}
          </button>
        )}
      </div>
    </section>
  );
}
