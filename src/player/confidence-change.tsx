import type { ItemChange } from '../engine/confidence.ts';
import { useT } from '../ui/i18n.ts';

/** The learner's own change, item by item, in words and numbers: "Speak up: 20 before, 75 now (up 55)". */
export function ConfidenceChange({ change, onClear }: { change: readonly ItemChange[]; onClear: () => void }) {
  const { t, data } = useT();
  const direction = (points: number) =>
    points === 0
      ? t('confidence.same')
      : t(points > 0 ? 'confidence.up' : 'confidence.down', { points: Math.abs(points) });
  return (
    <>
      <h3>{t('confidence.changeTitle')}</h3>
      <p>{t('confidence.changeNote')}</p>
      <ul className="confidence-change">
        {change.map(({ item, before, latest, change: points }) => (
          <li key={item.id}>
            <strong>{data(item.name)}</strong>
            {': '}
            {t('confidence.changeLine', { before, latest, direction: direction(points) })}
          </li>
        ))}
      </ul>
      <p>
        <button type="button" onClick={onClear}>
          {t('confidence.clear')}
        </button>
      </p>
    </>
  );
}
