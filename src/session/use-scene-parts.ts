import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Splits a projected narrative into parts that each fit its box at the size CSS gives it, never
 * smaller: its paragraphs in order, as many to a part as fit. `box` is the region; `copy` an invisible
 * copy in the box's width of every paragraph, then of the "part n of m" line, which takes room only
 * when there is more than one part. Measured again when `key` changes, the box is resized (a projector
 * going full screen) or the fonts have loaded. Returns the index of each part's first paragraph.
 */
export function useSceneParts(key: unknown) {
  const box = useRef<HTMLElement>(null);
  const copy = useRef<HTMLDivElement>(null);
  const [starts, setStarts] = useState<readonly number[]>([0]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the content; the elements are read through refs.
  useLayoutEffect(() => {
    const region = box.current;
    const measured = copy.current;
    if (!region || !measured) return;
    const split = () => {
      const style = getComputedStyle(region);
      const room = region.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom);
      const heights = [...measured.children].map(
        (el) => (el as HTMLElement).offsetHeight + Number.parseFloat(getComputedStyle(el).marginBottom),
      );
      const countLine = heights.pop() ?? 0;
      const fits = heights.reduce((a, b) => a + b, 0) <= room;
      const next = [0];
      let used = 0;
      for (const [i, h] of heights.entries()) {
        if (i > 0 && used + h > (fits ? room : room - countLine)) {
          next.push(i);
          used = 0;
        }
        used += h;
      }
      setStarts((prev) => (prev.join() === next.join() ? prev : next));
    };
    split();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(split);
    observer?.observe(region);
    document.fonts?.ready.then(split);
    return () => observer?.disconnect();
  }, [key]);
  return { box, copy, starts };
}
