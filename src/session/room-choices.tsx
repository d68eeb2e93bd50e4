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
        <SharedCountdown room={room} receivedAt={receivedAt} label={timed.meta ? story.text(timed.meta.label) : ''} />
      )}
    </>
  );
}

/**
 * The room's countdown, reading time first, run on this device's clock from when the server said how
 * long was left (`receivedAt`, ms since the epoch): it goes on where it was across messages and reloads,
 * its bar the time left over the timer's full length. The server closes the vote; nothing happens here
 * when it runs out.
 */
export function SharedCountdown({
  room,
  receivedAt,
  label,
}: {
  room: Pick<RoomView, 'remainingMs' | 'readingMs' | 'timerMs'>;
  receivedAt: number;
  label: string;
}) {
  const left = room.remainingMs ?? 0;
  const ms = room.timerMs ?? left;
  const readingMs = room.readingMs ?? 0;
  const startedAt = receivedAt - (readingMs + ms - left);
  return <Countdown ms={ms} readingMs={readingMs} startedAt={startedAt} label={label} onElapsed={() => {}} />;
}
