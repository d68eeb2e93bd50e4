import '../guide/guide.css';
import { useMemo, useState } from 'react';
import { facilitatorGuide } from '../engine/facilitator-guide.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { GuideDocument } from '../guide/guide-document.tsx';
import { useT } from '../ui/i18n.ts';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { saveFile } from './save-file.ts';

/**
 * The studio's review script of a scenario: every scene, choice, feedback, tactic and ending in the
 * interface language (scenario text in it where the scenario has it), for HR and legal sign-off. It is
 * the facilitator guide's document without timings or support; printed (or saved as PDF) by the
 * browser, or downloaded as a Word file, made only when asked for (`review-docx.ts`, its own chunk).
 */
export function ReviewScript({ scenario, onBack }: { scenario: Scenario; onBack: () => void }) {
  const { t, language } = useT();
  const guide = useMemo(() => facilitatorGuide(scenario, { language, support: [] }), [scenario, language]);
  const framing = { title: t('studio.reviewTitle', { title: guide.title }), lede: t('studio.reviewLede') };
  const [docxError, setDocxError] = useState('');
  const view = useFocusOnChange<HTMLElement>(scenario);
  const downloadDocx = async () => {
    setDocxError('');
    try {
      const { reviewDocx } = await import('./review-docx.ts');
      saveFile(await reviewDocx(guide, framing, t, language), `${guide.id}-review.docx`);
    } catch (error) {
      setDocxError(t('studio.reviewDocxFailed', { reason: (error as Error).message }));
    }
  };
  return (
    <section ref={view} tabIndex={-1} className="panel guide-page studio-review" aria-labelledby="guide-title">
      <p className="no-print studio-review-actions">
        <button type="button" onClick={onBack}>
          {t('studio.reviewBack')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('guide.print')}
        </button>
        <button type="button" onClick={() => void downloadDocx()}>
          {t('studio.reviewDocx')}
        </button>
      </p>
      {docxError && (
        <p role="alert" className="no-print">
          {docxError}
        </p>
      )}
      <GuideDocument guide={guide} review={framing} />
    </section>
  );
}
