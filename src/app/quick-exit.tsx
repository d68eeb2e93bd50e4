import { useEffect } from 'react';
import { QUICK_EXIT_URL } from './support-page.tsx';

/** Two presses of Escape within this time leave at once. */
const DOUBLE_ESCAPE_MS = 1500;

/** Replaces this page with a neutral one. `replace` leaves no entry to go back to. */
export function quickExit(): void {
  window.location.replace(QUICK_EXIT_URL);
}

/** Always visible; Escape pressed twice does the same. */
export function QuickExit() {
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
      Quick exit <span className="visually-hidden">(or press Escape twice)</span>
    </button>
  );
}
