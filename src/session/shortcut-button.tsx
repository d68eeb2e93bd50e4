/** A button that shows its keyboard shortcut, and says it to assistive technology (`aria-keyshortcuts`). */
export function ShortcutButton({
  shortcut,
  children,
  ...button
}: { shortcut: string } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" aria-keyshortcuts={shortcut.toUpperCase()} {...button}>
      <span className="shortcut-label">{children}</span>{' '}
      <span className="kbd" aria-hidden="true">
        {shortcut.toUpperCase()}
      </span>
    </button>
  );
}
