/**
 * A button that shows its keyboard shortcut, and says it to assistive technology (`aria-keyshortcuts`):
 * `shortcut` is a letter or digit, or a key named as `KeyboardEvent.key` names it (`PageDown`).
 */
export function ShortcutButton({
  shortcut,
  children,
  ...button
}: { shortcut: string } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const key = shortcut.length === 1 ? shortcut.toUpperCase() : shortcut;
  return (
    <button type="button" aria-keyshortcuts={key} {...button}>
      <span className="shortcut-label">{children}</span>{' '}
      <span className="kbd" aria-hidden="true">
        {key}
      </span>
    </button>
  );
}
