import type { ReactNode } from 'react';
import { useSettled } from './use-settled.ts';

/**
 * A button that takes the reader to a part further down the page (by element id) and moves focus
 * there, for keyboard and screen-reader users too. A button, not a link: the address is the app's
 * route (`#/…`), so an in-page `#id` link would change the view. Like every button of a view that has
 * just appeared, it ignores activation while the view settles (`useSettled`): the second click of a
 * double click on the view before must not carry the reader past what they came to read.
 */
export function JumpButton({ to, children }: { to: string; children: ReactNode }) {
  const settled = useSettled(to);
  return (
    <button
      type="button"
      className="primary"
      {...settled(() => {
        const target = document.getElementById(to);
        target?.scrollIntoView({ block: 'center' });
        target?.focus();
      })}
    >
      {children}
    </button>
  );
}
