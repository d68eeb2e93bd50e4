import { useEffect, useRef } from 'react';

/**
 * Moves keyboard and screen-reader focus to an element whenever `key` changes, so a new scene or
 * view is where the learner is, not somewhere above it. The element needs tabIndex={-1}. With
 * `enabled` false, focus and scroll stay where they are (something above is to be read first).
 * Never from a field someone is typing in elsewhere on the page (the studio's form beside its
 * preview, whose timer runs out): their next keystrokes would land in the wrong place.
 */
export function useFocusOnChange<T extends HTMLElement>(key: unknown, enabled = true) {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-running when `key` changes is the point
  useEffect(() => {
    if (enabled && ref.current && !typingElsewhere(ref.current)) ref.current.focus();
  }, [key]);
  return ref;
}

/**
 * Whether focus is in a text field (an input for words or numbers, a textarea, an editable region)
 * outside the form or section `target` is in: a field of the same form (a key typed, then Enter) is
 * where the answer is expected.
 */
function typingElsewhere(target: HTMLElement): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  const typing =
    el.isContentEditable ||
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(el.type));
  const scope = target.closest('form') ?? target.closest('section');
  return typing && !scope?.contains(el);
}
