import { useEffect, useRef } from 'react';
import type { OfferedChoice } from '../engine/choices.ts';
import { Countdown } from '../ui/countdown.tsx';
import type { TimedChoice } from '../ui/settings.ts';
import type { TextDirection } from '../ui/text-direction.ts';
import { useSettled } from '../ui/use-settled.ts';

interface ChoiceListProps {
  readonly choices: readonly OfferedChoice[];
  /** The scene's timed choice, if any: counted down when it has `ms`, else offered as a button. */
  readonly timed: TimedChoice | undefined;
  readonly text: (t: OfferedChoice['meta']['label']) => string;
  readonly onChoose: (event: string) => void;
  /** The labels' language and direction: an Arabic scenario's choices read right to left. */
  readonly content?: { readonly lang: string; readonly dir: TextDirection };
}

/**
 * The choices of a scene as buttons, numbered so keys 1–9 pick them. A timed choice runs a visible
 * countdown after the scene's reading time; with timers off it becomes one more button the learner
 * picks deliberately. For a moment after the scene appears no choice can be taken (`useSettled`):
 * a click or key meant for the view before never picks one.
 */
export function ChoiceList({ choices, timed, text, onChoose, content }: ChoiceListProps) {
  const buttons = choices.filter((c) => c !== timed?.choice || timed.ms === undefined);
  const list = useRef<HTMLOListElement>(null);
  const settled = useSettled();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || !/^[1-9]$/.test(event.key)) return;
      if (event.target instanceof Element && event.target.closest('input, textarea, select')) return;
      list.current?.querySelectorAll('button')[Number(event.key) - 1]?.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <ol className="choices" ref={list} {...content}>
        {buttons.map((choice, i) => (
          <li key={choice.event}>
            <button
              type="button"
              className="choice"
              {...settled(() => onChoose(choice.event))}
              aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
            >
              <span className="choice-key" aria-hidden="true">
                {i + 1}
              </span>
              {text(choice.meta.label)}
            </button>
          </li>
        ))}
      </ol>
      {timed?.ms !== undefined && (
        <Countdown
          ms={timed.ms}
          readingMs={timed.readingMs}
          label={text(timed.choice.meta.label)}
          onElapsed={() => onChoose(timed.choice.event)}
        />
      )}
    </>
  );
}
