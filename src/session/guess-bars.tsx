import type { Tally } from '../protocol/messages.ts';
import { majorityOf, votesFor } from '../protocol/tally.ts';
import { useT } from '../ui/i18n.ts';
import type { RoomChoice, RoomStory } from './use-room-story.ts';
import { barWidth } from './vote-bars.tsx';

/**
 * What the room predicted, beside what it chose: per choice the share who guessed it would be the
 * room's pick (each bar as long as its share of all guesses), withheld like the votes below the reveal minimum.
 */
export function GuessBars({
  story,
  guesses,
  tally,
  choices,
}: {
  story: RoomStory;
  guesses: Tally;
  tally: Tally;
  choices: readonly RoomChoice[];
}) {
  const { t } = useT();
  const label = (event: string | undefined) => {
    const meta = choices.find((c) => c.event === event)?.meta;
    return meta ? story.text(meta.label) : (event ?? '');
  };
  if (!guesses.shown)
    return (
      <section className="panel guess-bars" aria-labelledby="guesses-title">
        <h2 id="guesses-title">{t('session.guessesTitle')}</h2>
        <p>{t('session.guessesWithheld', { count: guesses.total, needed: guesses.needed })}</p>
      </section>
    );
  const guessed = majorityOf(guesses);
  const chosen = majorityOf(tally);
  return (
    <section className="panel guess-bars" aria-labelledby="guesses-title">
      <h2 id="guesses-title">{t('session.guessesTitle')}</h2>
      {guessed && chosen && (
        <p className="guess-verdict">
          {guessed === chosen
            ? t('session.guessRight', { choice: label(chosen) })
            : t('session.guessWrong', { guessed: label(guessed), chosen: label(chosen) })}
        </p>
      )}
      <ul className="vote-bars">
        {choices
          .filter((c) => c.event in guesses.counts)
          .map(({ event }) => {
            const { count, share } = votesFor(guesses, event);
            return (
              <li key={event}>
                <p className="vote-label">
                  <strong>{label(event)}</strong>
                </p>
                <p>{t('session.guessCount', { count, share })}</p>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar guess" style={{ width: barWidth(guesses, event) }} />
                </span>
              </li>
            );
          })}
      </ul>
    </section>
  );
}
