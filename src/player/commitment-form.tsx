import { useId, useState } from 'react';
import { useT } from '../ui/i18n.ts';
import { RadioOptions } from '../ui/radio-options.tsx';
import { type Commitment, readCommitment, saveCommitment } from './commitment-store.ts';
import { RemindersDownload } from './reminders-download.tsx';

/** The #IWill heading's id, for the button at the top of the debrief. */
export const IWILL_HEADING = 'iwill-title';

/** #IWill: one concrete commitment, picked from suggestions or written by the learner; kept on this device. */
export function CommitmentForm({ scenarioId, suggestions }: { scenarioId: string; suggestions: readonly string[] }) {
  const { t } = useT();
  const [saved, setSaved] = useState<Commitment | undefined>(() => readCommitment(scenarioId));
  const [choice, setChoice] = useState(saved?.text ?? '');
  const [own, setOwn] = useState('');
  const ownId = useId();
  const text = choice === 'own' ? own.trim() : choice;

  return (
    <section className="commitment" aria-labelledby={IWILL_HEADING}>
      {/* Focusable: the button at the top of the debrief takes the learner here. */}
      <h2 id={IWILL_HEADING} tabIndex={-1}>
        #IWill
      </h2>
      <p>{t('iwill.question')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!text) return;
          const commitment = { text, date: new Date().toISOString().slice(0, 10) };
          saveCommitment(scenarioId, commitment);
          setSaved(commitment);
        }}
      >
        <RadioOptions
          name="iwill"
          legend={t('iwill.pick')}
          options={[...suggestions.map((s) => ({ value: s, label: s })), { value: 'own', label: t('iwill.own') }]}
          value={choice}
          onChange={setChoice}
        >
          {choice === 'own' && (
            <>
              <label htmlFor={ownId}>{t('iwill.mine')}</label>
              <textarea id={ownId} value={own} maxLength={280} rows={3} onChange={(e) => setOwn(e.target.value)} />
            </>
          )}
        </RadioOptions>
        <button type="submit" className="primary" disabled={!text}>
          {t('iwill.save')}
        </button>
      </form>
      <p role="status">{saved ? t('iwill.saved', { text: saved.text }) : ''}</p>
      {saved && <RemindersDownload commitment={saved.text} />}
    </section>
  );
}
