import { useEffect } from 'react';
import { NEUTRAL_PAGE } from '../protocol/organisation.types.ts';
import { useT } from './i18n.ts';
import { useOrganisation } from './organisation.tsx';

/** Two presses of Escape within this time leave at once. */
const DOUBLE_ESCAPE_MS = 1500;
/** If the whole window has not gone by then (a browser or sandbox refused), this frame leaves on its own. */
const TOP_FALLBACK_MS = 400;

/**
 * Replaces the page with a neutral one; `replace` leaves no entry to go back to. Inside a frame (an LMS
 * player), the whole window goes, so nothing of the LMS stays on screen: a cross-origin frame may
 * replace the top window's location after a click or key press, unless its sandbox forbids it, in
 * which case (an exception, or nothing happening) this frame goes instead.
 */
export function quickExit(win: Window = window, target: string = NEUTRAL_PAGE): void {
  const url = new URL(target, win.location.href).href;
  const leaveFrame = () => win.location.replace(url);
  if (win.top === win || !win.top) {
    leaveFrame();
    return;
  }
  try {
    win.top.location.replace(url);
    win.setTimeout(leaveFrame, TOP_FALLBACK_MS);
  } catch {
    leaveFrame();
  }
}

/** Quick exit to the organisation's page, for a view's own button. */
export function useQuickExit(): () => void {
  const target = useOrganisation().quickExit;
  return () => quickExit(window, target);
}

/** Always visible; Escape pressed twice does the same. */
export function QuickExit() {
  const { t } = useT();
  const target = useOrganisation().quickExit;
  useEffect(() => {
    let last = Number.NEGATIVE_INFINITY;
    const onKey = (event: KeyboardEvent) => {
      // An Escape something on the page used (closing a code editor's list of completions) is not a press for leaving.
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (event.timeStamp - last < DOUBLE_ESCAPE_MS) quickExit(window, target);
      last = event.timeStamp;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target]);
  return (
    <button type="button" className="quick-exit" onClick={() => quickExit(window, target)}>
      {t('app.quickExit')} <span className="visually-hidden">{t('app.quickExitHint')}</span>
    </button>
  );
}
