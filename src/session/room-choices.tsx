import type { RoomView } from '../protocol/messages.ts';
import { Countdown } from '../ui/countdown.tsx';
import { useT } from '../ui/i18n.ts';
import type { RoomStory } from './use-room-story.ts';

interface RoomChoicesProps {
  readonly story: RoomStory;
  readonly room: RoomView;
  /** When the room view was received, so the countdown runs on this device's clock. */
  readonly receivedAt: number;
}

/** The console's panel of the choices on the screen. */
export function RoomChoices(props: RoomChoicesProps) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby="choices-title">
      <h2 id="choices-title">{t('session.choices')}</h2>
      <RoomChoiceList {...props} />
    </section>
  );
}

/** The choices on the screen as a numbered list (the projector and the console), with the shared countdown. */
export function RoomChoiceList({ story, room, receivedAt }: RoomChoicesProps) {
  const votable = story.choices.filter((c) => !c.timed);
  const timed = story.choices.find((c) => c.timed);
  return (
    <>
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
    </>
  );
}

/** The room's countdown, run on this device's clock from when the server said how long was left. */
export function SharedCountdown({ ms, receivedAt, label }: { ms: number; receivedAt: number; label: string }) {
  const left = Math.max(0, ms - (Date.now() - receivedAt));
  return <Countdown key={receivedAt} ms={left} label={label} onElapsed={() => {}} />;
}
