import { useEffect, useState } from 'react';

/**
 * How long, in milliseconds, the buttons of a view that has just appeared ignore activation: longer
 * than the gap between the two clicks of a double click or a key's first repeat, short enough that
 * nobody who has read the view meets it.
 */
export const SETTLE_MS = 500;

/** The props a button of a new view takes: its action, held back until the view has settled. */
export interface SettledButtonProps {
  readonly onClick: () => void;
  /** Set while the view settles, so assistive technology and automation see the button is not ready. */
  readonly 'aria-disabled': true | undefined;
}

/**
 * Guards the buttons of a view against activation meant for the view before it: a double click whose
 * second click lands on what replaced the first one's target, or a repeated key. For `SETTLE_MS` after
 * the view appears (or after `key` changes), each button is `aria-disabled` (still focusable, so
 * focus never skips it) and its action is not taken. Returns a function that wraps an action.
 */
export function useSettled(
  key: unknown = undefined,
  ms: number = SETTLE_MS,
): (action: () => void) => SettledButtonProps {
  const [settledFor, setSettledFor] = useState<{ key: unknown } | undefined>(undefined);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettledFor({ key }), ms);
    return () => window.clearTimeout(timer);
  }, [key, ms]);
  const settled = settledFor !== undefined && Object.is(settledFor.key, key);
  return (action) => ({
    onClick: () => {
      if (settled) action();
    },
    'aria-disabled': settled ? undefined : true,
  });
}
