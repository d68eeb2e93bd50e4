import { useEffect, useState } from 'react';
import type { ClientRequest } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';
import type { RoomStory } from './use-room-story.ts';

interface PredictRoomProps {
  readonly story: RoomStory;
  /** The decision on the screen: a guess is for this one only. */
  readonly decision: number;
  readonly send: (request: ClientRequest) => number | undefined;
  /** The number of the last request the server acknowledged. */
  readonly acknowledged: number | undefined;
  readonly offline: boolean;
}

/**
 * Predict the room, on a phone while voting: a guess at which choice most people picked, changeable
 * until the reveal. Said as the guess only once the server has acknowledged it.
 */
export function PredictRoom({ story, decision, send, acknowledged, offline }: PredictRoomProps) {
  const { t } = useT();
  const [sent, setSent] = useState<{ id: number; choice: string }>();
  const [guessed, setGuessed] = useState<string>();
  useEffect(() => {
    if (sent && acknowledged === sent.id) setGuessed(sent.choice);
  }, [sent, acknowledged]);
  const mine = story.choices.find((c) => c.event === guessed)?.meta;
  return (
    <section className="panel predict-room" aria-labelledby="predict-title">
      <h2 id="predict-title">{t('session.predictTitle')}</h2>
      <p>{t('session.predictQuestion')}</p>
      <ul className="guesses">
        {story.choices
          .filter((c) => !c.timed)
          .map((c) => (
            <li key={c.event}>
              <button
                type="button"
                className="guess"
                aria-pressed={guessed === c.event}
                disabled={offline}
                onClick={() => {
                  const id = send({ type: 'guess', decision, choice: c.event });
                  if (id !== undefined) setSent({ id, choice: c.event });
                }}
              >
                {c.meta ? story.text(c.meta.label) : c.event}
              </button>
            </li>
          ))}
      </ul>
      <p role="status">
        {mine ? t('session.guessedFor', { choice: story.text(mine.label) }) : t('session.notGuessed')}
      </p>
    </section>
  );
}
