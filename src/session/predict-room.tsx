import type { ClientRequest } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';
import { ChoiceButtons } from './choice-buttons.tsx';
import type { RoomStory } from './use-room-story.ts';
import { useSeatState } from './use-seat-state.ts';

interface PredictRoomProps {
  readonly story: RoomStory;
  /** The decision on the screen: a guess is for this one only. */
  readonly decision: number;
  /** This seat's guess as the server last said it (after a reload too), and when that was said. */
  readonly confirmed: string | null;
  readonly receivedAt: number;
  readonly send: (request: ClientRequest) => number | undefined;
  /** The number of the last request the server acknowledged. */
  readonly acknowledged: number | undefined;
  readonly offline: boolean;
}

/**
 * Predict the room, on a phone while voting: a guess at which choice most people picked, changeable
 * until the reveal. Said as the guess only once the server has it.
 */
export function PredictRoom({ story, decision, confirmed, receivedAt, send, acknowledged, offline }: PredictRoomProps) {
  const { t } = useT();
  const guess = useSeatState(confirmed, receivedAt, acknowledged);
  const mine = story.choices.find((c) => c.event === guess.value)?.meta;
  return (
    <section className="panel predict-room" aria-labelledby="predict-title">
      <h2 id="predict-title">{t('session.predictTitle')}</h2>
      <p>{t('session.predictQuestion')}</p>
      <ChoiceButtons
        story={story}
        kind="guess"
        picked={guess.value}
        disabled={offline}
        onPick={(choice) => guess.sent(send({ type: 'guess', decision, choice }), choice)}
      />
      <p role="status">
        {mine ? t('session.guessedFor', { choice: story.text(mine.label) }) : t('session.notGuessed')}
      </p>
    </section>
  );
}
