import { useT } from '../ui/i18n.ts';

/**
 * The console's "I need a moment" count: how many phones signal it now, never who, with what the
 * facilitator might do. The live region is always there, so a new signal is announced.
 */
export function MomentCount({ moments }: { moments: number }) {
  const { t } = useT();
  return (
    <div role="status" className="moment-count">
      {moments > 0 && (
        <section className="panel" aria-labelledby="moment-count-title">
          <h2 id="moment-count-title">{t('session.momentCount', { count: moments })}</h2>
          <p>{t('session.momentSuggest')}</p>
          <ul>
            <li>{t('session.momentPause')}</li>
            <li>{t('session.momentSkip')}</li>
            <li>{t('session.momentRemind')}</li>
          </ul>
        </section>
      )}
    </div>
  );
}
