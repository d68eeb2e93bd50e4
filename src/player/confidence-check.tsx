import { useEffect, useRef, useState } from 'react';
import { confidenceChange, isDue, type Moment, withAnswers, withSkip } from '../engine/confidence.ts';
import { useT } from '../ui/i18n.ts';
import { ConfidenceChange } from './confidence-change.tsx';
import { ConfidenceForm } from './confidence-form.tsx';
import { clearConfidence, readConfidence, saveConfidence } from './confidence-store.ts';
import { anyProgress } from './progress-store.ts';

type Outcome = 'saved' | 'skipped' | 'cleared';

/**
 * Confidence to act, self-paced: asked before the first scenario on this device and after a debrief
 * (at most once a day; `isDue` decides), optional and skippable, never in the way of play. After a
 * debrief it shows the learner's change since before. Everything stays on this device.
 */
export function ConfidenceCheck({ moment }: { moment: Moment }) {
  const { t } = useT();
  const [record, setRecord] = useState(readConfidence);
  const [asking, setAsking] = useState(() => isDue(record, moment, new Date(), anyProgress()));
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  // Once the form goes, focus goes to the heading above what replaced it, not to the page's top.
  useEffect(() => {
    if (outcome) heading.current?.focus();
  }, [outcome]);

  const change = moment === 'after' && outcome !== 'skipped' ? confidenceChange(record) : [];
  if (!asking && !outcome && change.length === 0) return null;
  const finish = (next: typeof record, how: Outcome) => {
    saveConfidence(next);
    setRecord(next);
    setAsking(false);
    setOutcome(how);
  };

  return (
    <section className="confidence" aria-labelledby={`confidence-${moment}`}>
      <h2 id={`confidence-${moment}`} ref={heading} tabIndex={-1}>
        {t(`confidence.title.${moment}`)}
      </h2>
      {asking && (
        <ConfidenceForm
          intro={t(`confidence.intro.${moment}`)}
          onSave={(ratings) => finish(withAnswers(record, moment, ratings, new Date()), 'saved')}
          onSkip={() => finish(withSkip(record, moment, new Date()), 'skipped')}
        />
      )}
      <p role="status">{outcome ? t(`confidence.${outcome}.${moment}`) : ''}</p>
      {change.length > 0 && (
        <ConfidenceChange
          change={change}
          onClear={() => {
            clearConfidence();
            setRecord({});
            setOutcome('cleared');
          }}
        />
      )}
    </section>
  );
}
