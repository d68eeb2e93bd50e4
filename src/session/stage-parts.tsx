import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../ui/i18n.ts';

/** One block of a projected region, kept whole: a paragraph, the vote bars, one choice's feedback… */
export interface StageBlock {
  readonly key: string;
  readonly node: ReactNode;
}

interface StagePartsProps {
  /** The region's accessible name. */
  readonly label: string;
  readonly className: string;
  /** The region's content, in order. */
  readonly blocks: readonly StageBlock[];
  /** The part the facilitator turned the stage to; past the last part, it starts again at the first. */
  readonly part: number;
  /** When the blocks are items of a list (the #IWill wall's posts): the list's class; each part is then a `ul`. */
  readonly list?: string;
}

function block(b: StageBlock, index: number, list: string | undefined) {
  const Item = list ? 'li' : 'div';
  return (
    <Item key={b.key} className="part-block" data-block={index}>
      {b.node}
    </Item>
  );
}

/**
 * A projected region at the size CSS gives it, never shrunk to fit: when its blocks do not fit its box,
 * it shows as many as fit at a time, in order, with "part n of m", turned from the console (Page Down,
 * Page Up: the `scenePart` message). Every block is rendered once: those of other parts are out of the
 * flow and hidden (from screen readers too) at the region's width, so they can still be measured. Measured again when the
 * blocks change, the box is resized (a projector going full screen) or the fonts have loaded.
 */
export function StageParts({ label, className, blocks, part, list }: StagePartsProps) {
  const { t } = useT();
  const box = useRef<HTMLElement>(null);
  const [starts, setStarts] = useState<readonly number[]>([0]);
  const key = blocks.map((b) => b.key).join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the content; the elements are read through the ref.
  useLayoutEffect(() => {
    const region = box.current;
    if (!region) return;
    const split = () => {
      const style = getComputedStyle(region);
      const room = region.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom);
      const outer = (el: Element) => {
        const s = getComputedStyle(el);
        return (el as HTMLElement).offsetHeight + Number.parseFloat(s.marginTop) + Number.parseFloat(s.marginBottom);
      };
      const blocks = [
        ...region.querySelectorAll<HTMLElement>(
          ':scope > .scene-part > [data-block], :scope > .part-off > * > [data-block]',
        ),
      ];
      blocks.sort((a, b) => Number(a.dataset.block) - Number(b.dataset.block));
      const heights = blocks.map(outer);
      const countLine = outer(region.querySelector('.part-count-measure') as Element);
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
  const shown = part % starts.length;
  const from = starts[shown];
  const to = starts[shown + 1] ?? blocks.length;
  const Group = list ? 'ul' : 'div';
  return (
    <section className={`stage-parts ${className}`} aria-label={label} ref={box}>
      <Group className={list ? `scene-part ${list}` : 'scene-part'}>
        {blocks.slice(from, to).map((b) => block(b, blocks.indexOf(b), list))}
      </Group>
      {starts.length > 1 && (
        <p className="scene-part-count">{t('sessionView.scenePart', { n: shown + 1, total: starts.length })}</p>
      )}
      <div className="part-off" aria-hidden="true">
        <Group className={list}>{blocks.map((b, i) => (i < from || i >= to ? block(b, i, list) : null))}</Group>
        <p className="scene-part-count part-count-measure">{t('sessionView.scenePart', { n: 9, total: 9 })}</p>
      </div>
    </section>
  );
}
