import type { RoomView } from '../protocol/messages.ts';
import { Countdown } from '../ui/countdown.tsx';
import { useT } from '../ui/i18n.ts';
import type { RoomStory } from './use-room-story.ts';

/** The choices on the screen as a numbered list (the projector and the console), with the shared countdown. */
export function RoomChoices({ story, room, receivedAt }: { story: RoomStory; room: RoomView; receivedAt: number }) {
  const { t } = useT();
  const votable = story.choices.filter((c) => !c.timed);
  const timed = story.choices.find((c) => c.timed);
  return (
    <section className="panel" aria-labelledby="choices-title">
      <h2 id="choices-title">{t('session.choices')}</h2>
      <ol className="room-choices">
        {votable.map((c) => (
          <li key={c.event}>{c.meta ? story.text(c.meta.label) : c.event}</li>
        ))}
      </ol>
      {timed && room.remainingMs !== undefined && (
        <SharedCountdown
          ms={room.remainingMs}
          receivedAt={receivedAt}
          label={timed.meta ? story.text(timed.meta.label) : ''}
        />
      )}
    </section>
  );
}

/** The room's countdown, run on this device's clock from when the server said how long was left. */
export function SharedCountdown({ ms, receivedAt, label }: { ms: number; receivedAt: number; label: string }) {
  const left = Math.max(0, ms - (Date.now() - receivedAt));
  return <Countdown key={receivedAt} ms={left} label={label} onElapsed={() => {}} />;
}
