import { motion, useReducedMotion } from 'framer-motion';
import type { Tally } from '../protocol/messages.ts';
import { votesFor } from '../protocol/tally.ts';
import { useT } from '../ui/i18n.ts';
import type { RoomChoice, RoomStory } from './use-room-story.ts';

/**
 * The spread of the room's votes: a bar per choice with its tactics and feedback (unless `feedback` is
 * false: the stage shows it in parts of its own), or why it is withheld. Each bar's track is all the
 * votes, so a bar is as long as its share (57% fills 57% of the track), beside the figures in words.
 * The bars grow from nothing at the reveal, and simply stand there under reduced motion.
 */
export function VoteBars({
  story,
  tally,
  choices,
  feedback = true,
}: {
  story: RoomStory;
  tally: Tally;
  choices: readonly RoomChoice[];
  feedback?: boolean;
}) {
  const { t } = useT();
  const still = useReducedMotion();
  if (!tally.shown) {
    return (
      <section className="panel" aria-labelledby="votes-title">
        <h2 id="votes-title">{t('session.votes')}</h2>
        <p>{t('session.withheld', { count: tally.total, needed: tally.needed })}</p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="votes-title">
      <h2 id="votes-title">{t('session.votes')}</h2>
      <ul className="vote-bars">
        {choices.map(({ event, meta, timed }) => {
          const { count, share } = votesFor(tally, event);
          return (
            <li key={event}>
              <p className="vote-label">
                <strong>{meta ? story.text(meta.label) : event}</strong>
                {timed && ` ${t('session.timedOut')}`}
              </p>
              <p className="vote-figure">{t('session.voteCount', { count, share })}</p>
              <span className="bar-track" aria-hidden="true">
                <motion.span
                  className="bar"
                  initial={still ? false : { width: 0 }}
                  animate={{ width: barWidth(tally, event) }}
                  transition={{ duration: still ? 0 : 0.8, ease: 'easeOut' }}
                />
              </span>
              {feedback && <ChoiceFeedback story={story} choice={{ event, meta, timed }} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * How long a choice's bar is: its share of all the votes (or guesses) in the tally, as a CSS width, so
 * the track stands for everyone counted and no bar reads as more than its figure says.
 */
export function barWidth(tally: Extract<Tally, { shown: true }>, event: string): string {
  return `${tally.total ? ((tally.counts[event] ?? 0) / tally.total) * 100 : 0}%`;
}

/** A choice's tactics, whether it did harm, and its feedback, in one paragraph. */
export function ChoiceFeedback({ story, choice }: { story: RoomStory; choice: RoomChoice }) {
  const { t, tacticName } = useT();
  const { meta } = choice;
  if (!meta) return null;
  const tactics = Object.entries(meta.tactics ?? {}).filter(([, points]) => points > 0);
  return (
    <p className="vote-feedback">
      {tactics.length > 0 && <span className="tactics">{tactics.map(([id]) => tacticName(id)).join(', ')}. </span>}
      {(meta.harm ?? 0) > 0 && <span className="harm">{t('session.harm')} </span>}
      {story.text(meta.feedback)}
    </p>
  );
}

/** Each choice's tactics and feedback, folded under the bars where the screen is short (the console). */
export function ChoicesFeedback({ story, choices }: { story: RoomStory; choices: readonly RoomChoice[] }) {
  const { t } = useT();
  return (
    <details className="panel choices-feedback">
      <summary>{t('sessionView.choicesFeedback')}</summary>
      <ul>
        {choices.map((choice) => (
          <li key={choice.event}>
            <strong>{choice.meta ? story.text(choice.meta.label) : choice.event}</strong>
            <ChoiceFeedback story={story} choice={choice} />
          </li>
        ))}
      </ul>
    </details>
  );
}
