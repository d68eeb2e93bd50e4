import { useEffect } from 'react';
import { useT } from './i18n.ts';
import { QUICK_EXIT_URL } from './support-page.tsx';

/** Two presses of Escape within this time leave at once. */
const DOUBLE_ESCAPE_MS = 1500;

/** Replaces this page with a neutral one. `replace` leaves no entry to go back to. */
export function quickExit(): void {
  window.location.replace(QUICK_EXIT_URL);
}

/** Always visible; Escape pressed twice does the same. */
export function QuickExit() {
  const { t } = useT();
  useEffect(() => {
    let last = Number.NEGATIVE_INFINITY;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (event.timeStamp - last < DOUBLE_ESCAPE_MS) quickExit();
      last = event.timeStamp;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <button type="button" className="quick-exit" onClick={quickExit}>
      {t('app.quickExit')} <span className="visually-hidden">{t('app.quickExitHint')}</span>
    </button>
  );
}
