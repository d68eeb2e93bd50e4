import { useT } from '../app/i18n.ts';
import { ScenarioById, type ScenarioLoaders } from '../app/scenario-loader.tsx';
import type { Scenario } from '../engine/scenario.types.ts';
import { phaseAllows } from '../protocol/phases.ts';
import { CommitmentWall } from './commitment-wall.tsx';
import { GoOnControls } from './go-on-controls.tsx';
import { GroupDebrief } from './group-debrief.tsx';
import { GuessBars } from './guess-bars.tsx';
import { JoinPanel } from './join-panel.tsx';
import { MomentCount } from './moment-count.tsx';
import { PostModeration } from './post-moderation.tsx';
import { ResultsExport } from './results-export.tsx';
import { RoomChoices } from './room-choices.tsx';
import { RoomStatus } from './room-status.tsx';
import { SeatRemoval } from './seat-removal.tsx';
import { hostSecret } from './session-keys.ts';
import { SessionScene } from './session-scene.tsx';
import { useRoomStory } from './use-room-story.ts';
import { type SessionState, useSession } from './use-session.ts';
import { VoteBars } from './vote-bars.tsx';

type Session = ReturnType<typeof useSession>;

/** The facilitator's console: the only view with controls, opened with the secret this browser keeps. */
export function ConsolePage({ sessionId, loaders }: { sessionId: string; loaders: ScenarioLoaders }) {
  const { t } = useT();
  const secret = hostSecret(sessionId);
  if (!secret)
    return (
      <section className="panel">
        <h1>{t('session.noKeyTitle')}</h1>
        <p>{t('session.noKeyText')}</p>
      </section>
    );
  return <ConnectedConsole sessionId={sessionId} secret={secret} loaders={loaders} />;
}

function ConnectedConsole({
  sessionId,
  secret,
  loaders,
}: {
  sessionId: string;
  secret: string;
  loaders: ScenarioLoaders;
}) {
  const { t } = useT();
  const session = useSession(() => ({ type: 'host', sessionId, secret }), undefined, sessionId);
  if (!session.room)
    return (
      <>
        <RoomStatus session={session} />
        <p>{t('session.connecting')}</p>
      </>
    );
  return (
    <ScenarioById id={session.room.scenarioId} loaders={loaders}>
      {(scenario) => <Console scenario={scenario} session={session} secret={secret} />}
    </ScenarioById>
  );
}

function Console({
  scenario,
  session,
  secret,
}: {
  scenario: Scenario;
  session: Session & SessionState;
  secret: string;
}) {
  const { t } = useT();
  const room = session.room as NonNullable<SessionState['room']>;
  const story = useRoomStory(scenario, room);
  const offline = session.status !== 'open';
  const allows = (type: Parameters<typeof phaseAllows>[1]) => phaseAllows(room.phase, type);
  return (
    <div className="session console">
      <h1>{t('session.consoleTitle', { title: story.text(scenario.meta.title) })}</h1>
      <RoomStatus session={session} />
      <MomentCount moments={room.moments ?? 0} />
      <JoinPanel
        code={room.code}
        joined={room.joined}
        connected={room.connected}
        voted={room.phase === 'voting' ? room.voted : undefined}
      />
      <p className="console-tools">
        <a href={`#/screen/${room.code}`} target="_blank" rel="noopener">
          {t('session.openScreen')}
        </a>{' '}
        <button
          type="button"
          aria-pressed={room.locked}
          disabled={offline}
          onClick={() => session.send({ type: 'lock', locked: !room.locked })}
        >
          {room.locked ? t('session.unlock') : t('session.lock')}
        </button>
      </p>
      {allows('start') && (
        <section className="panel">
          <p>{t('session.lobbyHost')}</p>
          <button type="button" className="primary" disabled={offline} onClick={() => session.send({ type: 'start' })}>
            {t('session.begin')}
          </button>
        </section>
      )}
      {(room.phase === 'voting' || room.phase === 'revealed') && <SessionScene story={story} />}
      {allows('reveal') && (
        <>
          <RoomChoices story={story} room={room} receivedAt={session.receivedAt} />
          <button type="button" className="primary" disabled={offline} onClick={() => session.send({ type: 'reveal' })}>
            {t('session.reveal')}
          </button>
        </>
      )}
      {allows('advance') && room.tally && (
        <>
          <VoteBars story={story} tally={room.tally} choices={story.choices} />
          {room.guesses && (
            <GuessBars story={story} guesses={room.guesses} tally={room.tally} choices={story.choices} />
          )}
          <GoOnControls story={story} tally={room.tally} send={session.send} offline={offline} />
        </>
      )}
      {room.phase === 'debrief' && (
        <>
          <GroupDebrief story={story} room={room} />
          {allows('moderate') && <PostModeration pending={room.pending ?? []} send={session.send} offline={offline} />}
          <CommitmentWall posts={room.wall} />
        </>
      )}
      {allows('remove') && <SeatRemoval send={session.send} acknowledged={session.acknowledged} offline={offline} />}
      <ResultsExport sessionId={room.sessionId} secret={secret} />
    </div>
  );
}
