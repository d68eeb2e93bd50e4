import { useEffect, useId, useState } from 'react';
import { useT } from '../ui/i18n.ts';
import { RadioOptions } from '../ui/radio-options.tsx';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { type Acted, type FollowUpAnswer, readFollowUps, saveFollowUp } from './follow-up-store.ts';

const ACTED: readonly Acted[] = ['yes', 'no', 'notYet'];

/**
 * Opened from a reminder: "Did you get a chance to act? What happened?" Optional and skippable; the
 * booster plays below it either way. Answers stay on this device and are shown back here.
 */
export function FollowUpQuestion({ boosterId }: { boosterId: string }) {
  const { t } = useT();
  const [earlier, setEarlier] = useState<FollowUpAnswer[]>(readFollowUps);
  const [acted, setActed] = useState<Acted | undefined>();
  const [text, setText] = useState('');
  const [state, setState] = useState<'open' | 'saved' | 'skipped'>('open');
  const textId = useId();
  // Opened from a reminder, the question is what the page is for: it takes focus, the booster waits below.
  const heading = useFocusOnChange<HTMLHeadingElement>(boosterId);
  // Skipped, the question goes: focus goes on to the booster's content note below, not to the page's top.
  useEffect(() => {
    if (state === 'skipped') document.getElementById('note-title')?.focus();
  }, [state]);
  if (state === 'skipped') return null;

  return (
    <section className="panel follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title" ref={heading} tabIndex={-1}>
        {t('followUp.title')}
      </h2>
      {state === 'open' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!acted) return;
            const answer = { boosterId, acted, text: text.trim(), date: new Date().toISOString().slice(0, 10) };
            saveFollowUp(answer);
            setEarlier(readFollowUps());
            setState('saved');
          }}
        >
          <p>{t('followUp.kept')}</p>
          <RadioOptions
            name="acted"
            legend={t('followUp.acted')}
            options={ACTED.map((a) => ({ value: a, label: t(`followUp.${a}`) }))}
            value={acted}
            onChange={setActed}
          />
          <label htmlFor={textId}>{t('followUp.what')}</label>
          <textarea id={textId} value={text} maxLength={1000} rows={3} onChange={(e) => setText(e.target.value)} />
          <p>
            <button type="submit" className="primary" disabled={!acted}>
              {t('followUp.save')}
            </button>{' '}
            <button type="button" onClick={() => setState('skipped')}>
              {t('followUp.skip')}
            </button>
          </p>
        </form>
      )}
      <p role="status">{state === 'saved' ? t('followUp.saved') : ''}</p>
      {earlier.length > 0 && (
        <>
          <h3>{t('followUp.earlier')}</h3>
          <ul>
            {earlier.map((answer, i) => (
              // Answers are only ever appended, so the index is stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
              <li key={i}>
                {t('followUp.answer', { date: answer.date, acted: t(`followUp.${answer.acted}`) })}
                {answer.text && <> — {answer.text}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
