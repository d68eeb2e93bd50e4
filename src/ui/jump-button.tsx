import type { ReactNode } from 'react';

/**
 * A button that takes the reader to a part further down the page (by element id) and moves focus
 * there, for keyboard and screen-reader users too. A button, not a link: the address is the app's
 * route (`#/…`), so an in-page `#id` link would change the view.
 */
export function JumpButton({ to, children }: { to: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className="primary"
      onClick={() => {
        const target = document.getElementById(to);
        target?.scrollIntoView({ block: 'center' });
        target?.focus();
      }}
    >
      {children}
    </button>
  );
}
