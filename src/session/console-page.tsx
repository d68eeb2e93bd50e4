import { useEffect } from 'react';
import { Link } from 'wouter';
import type { Scenario } from '../engine/scenario.types.ts';
import { useT } from '../ui/i18n.ts';
import { ScenarioById, type ScenarioLoaders } from '../ui/scenario-loader.tsx';
import { CommitmentWall } from './commitment-wall.tsx';
import { DiscussionPrompts, FacilitatorNotes } from './discussion-prompts.tsx';
import { ExploreChoices, GoOnControls, useGoOn } from './go-on-controls.tsx';
import { GroupDebrief } from './group-debrief.tsx';
import { GuessBars } from './guess-bars.tsx';
import { JoinPanel } from './join-panel.tsx';
import { MomentCount } from './moment-count.tsx';
import { PostModeration } from './post-moderation.tsx';
import { ResultsExport } from './results-export.tsx';
import { RoomChoices } from './room-choices.tsx';
import { RoomStatus } from './room-status.tsx';
import { SeatRemoval } from './seat-removal.tsx';
import { SessionEnded } from './session-ended.tsx';
import { forgetRunningSession, hostSecret, keepRunningSession } from './session-keys.ts';
import { SessionScene } from './session-scene.tsx';
import { useLeaveGuard } from './use-leave-guard.ts';
import { useRoomStory } from './use-room-story.ts';
import { type SessionState, useSession } from './use-session.ts';
import { ChoicesFeedback, VoteBars } from './vote-bars.tsx';
import './session-layout.css';

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
        <RoomStatus session={session} facilitator />
        <p>{t('session.connecting')}</p>
      </>
    );
  return (
    <ScenarioById id={session.room.scenarioId} loaders={loaders}>
      {(scenario) => <Console scenario={scenario} session={session} secret={secret} />}
    </ScenarioById>
  );
}

/**
 * One laptop screen: the controls in a row at the top, the scene and the votes beneath them, and at the
 * side the join code, the scene's notes and prompts, seats and results. The library lists the session
 * while it runs, and leaving it asks first, until it is ended.
 */
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
  const closed = room.phase === 'closed';
  useEffect(() => {
    if (closed) forgetRunningSession(room.sessionId);
    else keepRunningSession({ sessionId: room.sessionId, scenarioId: room.scenarioId, code: room.code });
  }, [closed, room.sessionId, room.scenarioId, room.code]);
  useLeaveGuard(!closed, t('sessionView.leaveConfirm'));
  const goOn = useGoOn({ story, room, send: session.send, offline });
  const longest = story.analysis?.longestPath;
  return (
    <div className="session console">
      <div className="console-head">
        <h1>{t('session.consoleTitle', { title: story.text(scenario.meta.title) })}</h1>
        {(room.phase === 'voting' || room.phase === 'revealed') && (
          <p className="decision-count">
            {longest !== undefined && Number.isFinite(longest)
              ? t('sessionView.decisionOf', { n: room.decision + 1, count: longest })
              : t('sessionView.decision', { n: room.decision + 1 })}
          </p>
        )}
        {!closed && (
          <a href={`#/screen/${room.code}/${room.sessionId}`} target="_blank" rel="noopener">
            {t('session.openScreen')}
          </a>
        )}
        {room.locked && !closed && <p className="room-locked">{t('session.lockedStatus')}</p>}
        <RoomStatus session={session} facilitator />
      </div>
      <GoOnControls goOn={goOn} />
      <div className="console-main">
        {room.phase === 'lobby' && <p className="panel">{t('session.lobbyHost')}</p>}
        {/* The question first; the narrative, on the stage already, folded under it. */}
        {(room.phase === 'voting' || room.phase === 'revealed') && <SessionScene story={story} folded />}
        {room.phase === 'voting' && <RoomChoices story={story} room={room} receivedAt={session.receivedAt} />}
        {room.phase === 'revealed' && room.tally && (
          <>
            <div className="console-spread">
              <VoteBars story={story} tally={room.tally} choices={story.choices} feedback={false} />
              <ExploreChoices goOn={goOn} />
            </div>
            {room.guesses && (
              <GuessBars story={story} guesses={room.guesses} tally={room.tally} choices={story.choices} />
            )}
            <ChoicesFeedback story={story} choices={story.choices} />
          </>
        )}
        {room.phase === 'debrief' && (
          <>
            <PostModeration pending={room.pending ?? []} send={session.send} offline={offline} />
            <GroupDebrief story={story} room={room} />
            <CommitmentWall posts={room.wall} />
          </>
        )}
        {closed && (
          <SessionEnded message={t('sessionView.endedConsoleText')}>
            <p>
              <Link href="/" replace>
                {t('app.seeScenarios')}
              </Link>
            </p>
          </SessionEnded>
        )}
      </div>
      <aside className="console-side" aria-label={t('sessionView.side')}>
        {!closed && <MomentCount moments={room.moments ?? 0} />}
        {!closed && (
          <JoinPanel
            code={room.code}
            sessionId={room.sessionId}
            joined={room.joined}
            connected={room.connected}
            voted={room.phase === 'voting' ? room.voted : undefined}
            locked={room.locked}
          />
        )}
        {(room.phase === 'voting' || room.phase === 'revealed') && (
          <>
            <FacilitatorNotes story={story} />
            <DiscussionPrompts story={story} />
          </>
        )}
        {!closed && (
          <SeatRemoval
            send={session.send}
            acknowledged={session.acknowledged}
            refusal={session.error}
            offline={offline}
          />
        )}
        <ResultsExport sessionId={room.sessionId} secret={secret} />
      </aside>
    </div>
  );
}
