import { useEffect, useState } from 'react';
import type { Scenario } from '../engine/scenario.types.ts';
import { normaliseJoinCode } from '../protocol/limits.ts';
import type { ClientRequest, RoomView } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';
import { ScenarioById, type ScenarioLoaders } from '../ui/scenario-loader.tsx';
import { RoomStatus } from './room-status.tsx';
import { sessionIdFromLink } from './session-keys.ts';
import { useStagePartsReport } from './stage-parts.tsx';
import { StagePhase } from './stage-phases.tsx';
import { useRoomStory } from './use-room-story.ts';
import { useSession } from './use-session.ts';
import './session-layout.css';

/**
 * The projector: what the room sees, one thing per phase on one 16:9 screen with no app chrome, sized
 * to be read from the back of a room. It holds no secret and controls nothing (it only tells the console
 * how many parts it shows, see `useStagePartsReport`); votes show only once revealed.
 */
export function ScreenPage({
  code,
  sessionId,
  loaders,
}: {
  code: string;
  /** From the console's link: the projector then needs no code check (and no wrong-code limit applies). */
  sessionId?: string;
  loaders: ScenarioLoaders;
}) {
  const { t } = useT();
  const joinCode = normaliseJoinCode(code);
  const session = useSession(
    () => ({ type: 'watch', code: joinCode, sessionId: sessionIdFromLink(sessionId) }),
    undefined,
    joinCode,
  );
  if (!session.room)
    return (
      <div className="stage">
        <RoomStatus session={session} facilitator />
        {!session.error && <p>{t('session.connecting')}</p>}
      </div>
    );
  const room = session.room;
  return (
    <ScenarioById id={room.scenarioId} loaders={loaders}>
      {(scenario) => (
        <Stage
          scenario={scenario}
          room={room}
          receivedAt={session.receivedAt}
          send={session.send}
          online={session.status === 'open'}
          status={<RoomStatus session={session} facilitator />}
        />
      )}
    </ScenarioById>
  );
}

function Stage({
  scenario,
  room,
  receivedAt,
  send,
  online,
  status,
}: {
  scenario: Scenario;
  room: RoomView;
  receivedAt: number;
  send: (request: ClientRequest) => unknown;
  online: boolean;
  status: React.ReactNode;
}) {
  const { t } = useT();
  const story = useRoomStory(scenario, room);
  const Report = useStagePartsReport(room, send, online);
  return (
    <div className="stage" data-phase={room.phase}>
      <div className="stage-bar">
        <h1>{story.text(scenario.meta.title)}</h1>
        {room.phase === 'voting' && (
          <p className="stage-voted" aria-live="polite">
            {t('sessionView.votedOf', { voted: room.voted, count: room.connected })}
          </p>
        )}
        <FullScreen />
      </div>
      {status}
      <Report>
        <StagePhase story={story} room={room} receivedAt={receivedAt} />
      </Report>
    </div>
  );
}

/** Puts the stage full screen (a projector has no use for the browser's own bars); hidden once it is. */
function FullScreen() {
  const { t } = useT();
  const [full, setFull] = useState(false);
  useEffect(() => {
    const change = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', change);
    return () => document.removeEventListener('fullscreenchange', change);
  }, []);
  if (full || !document.fullscreenEnabled) return null;
  return (
    <button type="button" className="full-screen" onClick={() => document.documentElement.requestFullscreen()}>
      {t('sessionView.fullScreen')}
    </button>
  );
}
