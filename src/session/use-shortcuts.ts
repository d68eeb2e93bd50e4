import { useEffect, useRef } from 'react';

/** What a key does, when it may be used. */
export type Shortcuts = Readonly<Record<string, (() => void) | undefined>>;

/** Whether a key press belongs to a field being typed in, where a letter is a letter, not a command. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts (`r`, `1`…; case-insensitive) for the whole page, ignored while typing in a
 * field or with a modifier held (so browser and screen-reader keys keep working). A key mapped to
 * `undefined` does nothing now, like a disabled button.
 */
export function useShortcuts(shortcuts: Shortcuts) {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat || typing(event.target)) return;
      const run = latest.current[event.key.toLowerCase()];
      if (!run) return;
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
