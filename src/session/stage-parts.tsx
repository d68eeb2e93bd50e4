import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { MAX_SCENE_PART } from '../protocol/limits.ts';
import type { ClientRequest, RoomView } from '../protocol/messages.ts';
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

/** Where each region of the stage says how many parts it shows in (0 once it is gone). */
const PartsReport = createContext<((region: string, parts: number) => void) | undefined>(undefined);

/**
 * Tells the server how many parts the stage shows what it shows in (the most of its regions; 1 when
 * everything fits), again whenever that, the decision or the phase changes or the stage reconnects,
 * so the console offers to turn the stage only when there is something to turn. Wrap the stage's
 * regions in the returned provider.
 */
export function useStagePartsReport(
  room: RoomView,
  send: (request: ClientRequest) => unknown,
  online: boolean,
): (props: { children: ReactNode }) => ReactNode {
  const [counts, setCounts] = useState<Readonly<Record<string, number>>>({});
  const report = useCallback(
    (region: string, parts: number) => setCounts((c) => (c[region] === parts ? c : { ...c, [region]: parts })),
    [],
  );
  const most = Math.min(MAX_SCENE_PART + 1, Math.max(1, ...Object.values(counts)));
  const { phase, decision } = room;
  // biome-ignore lint/correctness/useExhaustiveDependencies: sent again when the connection comes back.
  useEffect(() => {
    if (phase === 'voting' || phase === 'revealed' || phase === 'debrief')
      send({ type: 'stageParts', decision, phase, parts: most });
  }, [most, phase, decision, online]);
  return useCallback(
    ({ children }) => <PartsReport.Provider value={report}>{children}</PartsReport.Provider>,
    [report],
  );
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
  const report = useContext(PartsReport);
  useEffect(() => {
    report?.(className, starts.length);
    return () => report?.(className, 0);
  }, [report, className, starts.length]);
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
