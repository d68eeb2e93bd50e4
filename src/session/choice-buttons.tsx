import type { RoomStory } from './use-room-story.ts';

interface ChoiceButtonsProps {
  readonly story: RoomStory;
  /** What the buttons do: vote (`choice` buttons in a `choices` list) or guess the room's pick (`guess`, `guesses`). */
  readonly kind: 'choice' | 'guess';
  /** The event of the choice picked, shown pressed. */
  readonly picked: string | null | undefined;
  readonly onPick: (event: string) => void;
  readonly disabled?: boolean;
}

/** The choices a phone can pick on the screen (a timed one is what happens when time runs out, not a button). */
export function ChoiceButtons({ story, kind, picked, onPick, disabled }: ChoiceButtonsProps) {
  return (
    <ul className={kind === 'choice' ? 'choices' : 'guesses'}>
      {story.choices
        .filter((c) => !c.timed)
        .map((c) => (
          <li key={c.event}>
            <button
              type="button"
              className={kind}
              aria-pressed={picked === c.event}
              disabled={disabled}
              onClick={() => onPick(c.event)}
            >
              {c.meta ? story.text(c.meta.label) : c.event}
            </button>
          </li>
        ))}
    </ul>
  );
}
