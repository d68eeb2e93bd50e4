// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useFocusOnChange } from './use-focus-on-change.ts';

afterEach(cleanup);

function Page({ step, fieldInForm }: { step: number; fieldInForm: boolean }) {
  const heading = useFocusOnChange<HTMLHeadingElement>(step);
  const field = <input type="text" aria-label="Notes" />;
  return (
    <>
      {!fieldInForm && <section aria-label="Editor">{field}</section>}
      <section aria-label="Preview">
        <form>
          {fieldInForm && field}
          <h2 tabIndex={-1} ref={heading}>
            Step {step}
          </h2>
        </form>
      </section>
    </>
  );
}

describe('focus on a new view', () => {
  it('moves to the new view, but not away from a field someone is typing in elsewhere', () => {
    const { rerender } = render(<Page step={1} fieldInForm={false} />);
    expect(document.activeElement?.textContent).toBe('Step 1');
    screen.getByRole('textbox', { name: 'Notes' }).focus();
    rerender(<Page step={2} fieldInForm={false} />);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Notes' }));
  });

  it('moves from a field of the same form (a key typed, then Enter) to what came of it', () => {
    const { rerender } = render(<Page step={1} fieldInForm={true} />);
    screen.getByRole('textbox', { name: 'Notes' }).focus();
    rerender(<Page step={2} fieldInForm={true} />);
    expect(document.activeElement?.textContent).toBe('Step 2');
  });
});
