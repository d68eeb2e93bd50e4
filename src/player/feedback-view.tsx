import type { RunStep } from '../engine/run-state.ts';
import type { Text } from '../engine/scenario.types.ts';
import { useT } from '../ui/i18n.ts';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { useSettled } from '../ui/use-settled.ts';

/** After a choice: why it helped or hurt, and the tactics it used or the harm it did. */
export function FeedbackView({
  step,
  text,
  onContinue,
}: {
  step: RunStep;
  text: (t: Text) => string;
  onContinue: () => void;
}) {
  const { t, tacticName } = useT();
  const heading = useFocusOnChange<HTMLHeadingElement>(step);
  const settled = useSettled(step);
  const tactics = Object.entries(step.meta.tactics ?? {}).filter(([, points]) => points > 0);
  const harm = step.meta.harm ?? 0;
  return (
    <section className="panel feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title" ref={heading} tabIndex={-1}>
        {t('feedback.youChose', { label: text(step.meta.label) })}
      </h2>
      <p className="feedback-text">{text(step.meta.feedback)}</p>
      {(tactics.length > 0 || harm > 0) && (
        <ul className="tactic-chips" aria-label={t('feedback.countedFor')}>
          {tactics.map(([id, points]) => (
            <li key={id} className="chip good">
              {tacticName(id)} +{points}
            </li>
          ))}
          {harm > 0 && <li className="chip harm">{t('feedback.harm', { harm })}</li>}
        </ul>
      )}
      <button type="button" className="primary" {...settled(onContinue)}>
        {t('feedback.continue')}
      </button>
    </section>
  );
}
