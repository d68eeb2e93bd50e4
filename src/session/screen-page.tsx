import { useT } from '../app/i18n.ts';
import { ScenarioById, type ScenarioLoaders } from '../app/scenario-loader.tsx';
import type { Scenario } from '../engine/scenario.types.ts';
import { normaliseJoinCode } from '../protocol/limits.ts';
import type { RoomView } from '../protocol/messages.ts';
import { CommitmentWall } from './commitment-wall.tsx';
import { GroupDebrief } from './group-debrief.tsx';
import { GuessBars } from './guess-bars.tsx';
import { JoinPanel } from './join-panel.tsx';
import { RoomChoices } from './room-choices.tsx';
import { RoomStatus } from './room-status.tsx';
import { SessionScene } from './session-scene.tsx';
import { useRoomStory } from './use-room-story.ts';
import { useSession } from './use-session.ts';
import { VoteBars } from './vote-bars.tsx';

/** The projector: what the room sees. It holds no secret and controls nothing; votes show only once revealed. */
export function ScreenPage({ code, loaders }: { code: string; loaders: ScenarioLoaders }) {
  const { t } = useT();
  const joinCode = normaliseJoinCode(code);
  const session = useSession(() => ({ type: 'watch', code: joinCode }), undefined, joinCode);
  if (!session.room)
    return (
      <>
        <RoomStatus session={session} />
        {!session.error && <p>{t('session.connecting')}</p>}
      </>
    );
  const room = session.room;
  return (
    <ScenarioById id={room.scenarioId} loaders={loaders}>
      {(scenario) => (
        <Screen
          scenario={scenario}
          room={room}
          receivedAt={session.receivedAt}
          status={<RoomStatus session={session} />}
        />
      )}
    </ScenarioById>
  );
}

function Screen({
  scenario,
  room,
  receivedAt,
  status,
}: {
  scenario: Scenario;
  room: RoomView;
  receivedAt: number;
  status: React.ReactNode;
}) {
  const { t } = useT();
  const story = useRoomStory(scenario, room);
  return (
    <div className="session screen">
      <h1>{story.text(scenario.meta.title)}</h1>
      {status}
      {room.phase !== 'debrief' && (
        <JoinPanel
          code={room.code}
          joined={room.joined}
          connected={room.connected}
          voted={room.phase === 'voting' ? room.voted : undefined}
        />
      )}
      {room.phase === 'lobby' && (
        <section className="panel content-note">
          <h2>{t('note.title')}</h2>
          <p>{story.text(scenario.meta.contentNote)}</p>
          <p>{t('note.leaveAnyTime')}</p>
        </section>
      )}
      {(room.phase === 'voting' || room.phase === 'revealed') && <SessionScene story={story} />}
      {room.phase === 'voting' && <RoomChoices story={story} room={room} receivedAt={receivedAt} />}
      {room.phase === 'revealed' && room.tally && <VoteBars story={story} tally={room.tally} choices={story.choices} />}
      {room.phase === 'revealed' && room.tally && room.guesses && (
        <GuessBars story={story} guesses={room.guesses} tally={room.tally} choices={story.choices} />
      )}
      {room.phase === 'debrief' && (
        <>
          <GroupDebrief story={story} room={room} />
          <CommitmentWall posts={room.wall} />
        </>
      )}
    </div>
  );
}
