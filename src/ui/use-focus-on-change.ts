import { useEffect, useRef } from 'react';

/**
 * Moves keyboard and screen-reader focus to an element whenever `key` changes, so a new scene or
 * view is where the learner is, not somewhere above it. The element needs tabIndex={-1}. With
 * `enabled` false, focus and scroll stay where they are (something above is to be read first).
 */
export function useFocusOnChange<T extends HTMLElement>(key: unknown, enabled = true) {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-running when `key` changes is the point
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [key]);
  return ref;
}
