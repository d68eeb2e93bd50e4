import { useId, useState } from 'react';
import { CONFIDENCE_ITEMS, type Ratings } from '../engine/confidence.ts';
import { useT } from '../ui/i18n.ts';

/** Where every slider starts: the middle of the scale. */
const START = 50;

/**
 * The confidence questions: one labelled slider per item (0–100 in steps of 5, arrow keys move it, its
 * value shown beside it and spoken as "60 out of 100"), with Save and Skip kept in view while it scrolls.
 */
export function ConfidenceForm({
  intro,
  onSave,
  onSkip,
}: {
  /** Said first: what is asked, and that it stays on this device. */
  intro: string;
  onSave: (ratings: Ratings) => void;
  onSkip: () => void;
}) {
  const { t, data } = useT();
  const [ratings, setRatings] = useState<Record<string, number>>(() =>
    Object.fromEntries(CONFIDENCE_ITEMS.map((item) => [item.id, START])),
  );
  const id = useId();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSave(ratings);
      }}
    >
      {/* The intro is inside the form so the Save and Skip bar can stay in view from the first line on. */}
      <p>{intro}</p>
      <fieldset>
        <legend>{t('confidence.stem')}</legend>
        <p className="confidence-scale-note">{t('confidence.scale')}</p>
        {CONFIDENCE_ITEMS.map((item) => {
          const value = ratings[item.id];
          return (
            <div key={item.id} className="confidence-item">
              <label htmlFor={`${id}-${item.id}`}>{data(item.text)}</label>
              <div className="confidence-slider">
                <input
                  type="range"
                  id={`${id}-${item.id}`}
                  min={0}
                  max={100}
                  step={5}
                  value={value}
                  aria-valuetext={t('confidence.valueText', { value })}
                  onChange={(e) => setRatings({ ...ratings, [item.id]: Number(e.target.value) })}
                />
                <output htmlFor={`${id}-${item.id}`} aria-hidden="true">
                  {value}
                </output>
              </div>
            </div>
          );
        })}
      </fieldset>
      <div className="confidence-actions">
        <button type="submit" className="primary">
          {t('confidence.save')}
        </button>
        <button type="button" onClick={onSkip}>
          {t('confidence.skip')}
        </button>
      </div>
    </form>
  );
}
