import { useLayoutEffect, useRef } from 'react';

/** The smallest scale a region is shrunk to (of its CSS font size); below it, the region scrolls instead. */
const MIN_SCALE = 0.55;

/**
 * Fits a projected region to its box: shrinks its font size (a scale of its CSS size, in steps down to
 * `MIN_SCALE`) until its content neither overflows down nor sideways, so a long scene stays on one
 * screen. Measured again when `key` changes or the window is resized (a projector going full screen).
 */
export function useFitText<E extends HTMLElement>(key: unknown) {
  const ref = useRef<E>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the content; the element is read through the ref.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const refit = () => {
      let scale = 1;
      el.style.fontSize = '';
      const overflows = () => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
      while (overflows() && scale > MIN_SCALE) {
        scale = Math.max(MIN_SCALE, scale - 0.05);
        el.style.fontSize = `${scale}em`;
      }
    };
    refit();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(refit);
    observer?.observe(el);
    window.addEventListener('resize', refit);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', refit);
    };
  }, [key]);
  return ref;
}
