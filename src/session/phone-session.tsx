import { useEffect } from 'react';
import type { Scenario } from '../engine/scenario.types.ts';
import { phaseAllows } from '../protocol/phases.ts';
import { useT } from '../ui/i18n.ts';
import { ScenarioById, type ScenarioLoaders } from '../ui/scenario-loader.tsx';
import { ChoiceButtons } from './choice-buttons.tsx';
import { CommitmentWall } from './commitment-wall.tsx';
import { GroupDebrief } from './group-debrief.tsx';
import { GuessBars } from './guess-bars.tsx';
import { MomentSignal } from './moment-signal.tsx';
import { PostCommitment, PostCommitmentLink } from './post-commitment.tsx';
import { PredictRoom } from './predict-room.tsx';
import { SharedCountdown } from './room-choices.tsx';
import { RoomStatus } from './room-status.tsx';
import { SessionEnded } from './session-ended.tsx';
import { displayName, forgetPhoneIdentity, keepPhoneIdentity, phoneIdentity } from './session-keys.ts';
import { SessionScene } from './session-scene.tsx';
import { useRoomStory } from './use-room-story.ts';
import { type SessionState, useSession } from './use-session.ts';
import { VoteBars } from './vote-bars.tsx';
import './session-layout.css';

type Session = ReturnType<typeof useSession>;

/** A phone in the session: joins once, then resumes as the same participant after sleep or a lost network. */
export function PhoneSession({
  code,
  sessionId,
  loaders,
  onLeave,
}: {
  code: string;
  /** From the QR code's link: the join is then no guess, and no wrong-code limit applies. */
  sessionId?: string;
  loaders: ScenarioLoaders;
  onLeave: () => void;
}) {
  const { t } = useT();
  const session = useSession(
    () => {
      const identity = phoneIdentity(code);
      return identity ? { type: 'resume', ...identity } : { type: 'join', code, sessionId };
    },
    (welcome) => {
      if (welcome.participantId && welcome.resumeSecret)
        keepPhoneIdentity(code, {
          sessionId: welcome.sessionId,
          participantId: welcome.participantId,
          resumeSecret: welcome.resumeSecret,
        });
    },
    code,
  );
  const lost = session.error?.code === 'removed' || session.error?.code === 'not-joined';
  useEffect(() => {
    if (lost) forgetPhoneIdentity(code);
  }, [lost, code]);
  // Before the room is known (connecting, a wrong code, a phone taken out): the join form's card and h1,
  // where the form was, so nothing jumps between the two.
  if (!session.room)
    return (
      <section className="panel" aria-labelledby="join-title">
        <h1 id="join-title">{t('session.joinTitle')}</h1>
        <RoomStatus session={session} />
        {session.error ? (
          <button type="button" onClick={onLeave}>
            {t('session.tryAnotherCode')}
          </button>
        ) : (
          <p>{t('session.connecting')}</p>
        )}
      </section>
    );
  return (
    <ScenarioById id={session.room.scenarioId} loaders={loaders}>
      {(scenario) => <Phone scenario={scenario} session={session} />}
    </ScenarioById>
  );
}

function Phone({ scenario, session }: { scenario: Scenario; session: Session & SessionState }) {
  const { t } = useT();
  const room = session.room as NonNullable<SessionState['room']>;
  const story = useRoomStory(scenario, room);
  const name = displayName();
  const timed = story.choices.find((c) => c.timed);
  const label = (event: string | undefined) => {
    const meta = story.choices.find((c) => c.event === event)?.meta;
    return meta ? story.text(meta.label) : (event ?? '');
  };
  const mine = story.choices.find((c) => c.event === session.myVote)?.meta;
  // A tap counts even while the line is down: it is sent once the connection is back.
  const pending = session.pendingVote?.decision === room.decision ? session.pendingVote : undefined;
  const lost = session.lostVote?.decision === room.decision ? session.lostVote : undefined;
  const chosen = pending?.choice ?? session.myVote;
  // The scene itself takes focus when it changes; the reveal and the end are said out loud here.
  const announcement =
    room.phase === 'revealed'
      ? t('session.announceRevealed')
      : room.phase === 'debrief'
        ? t('session.announceDebrief')
        : '';
  // Ended: nothing more to do here, only where to find support; no greeting, no seat, no controls.
  if (room.phase === 'closed')
    return (
      <div className="session phone">
        <SessionEnded headingLevel="h1" />
      </div>
    );
  return (
    <div className="session phone">
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      <p className="phone-hello">
        {name ? t('session.helloName', { name }) : t('session.hello')}
        {session.seat !== undefined && <> {t('session.seat', { seat: session.seat })}</>}
      </p>
      <RoomStatus session={session} />
      {lost && (
        <p className="notice error" role="alert">
          {t('session.voteLost', { choice: label(lost.choice) })}
        </p>
      )}
      {room.phase === 'lobby' && (
        <section className="panel content-note">
          <h1>{story.text(scenario.meta.title)}</h1>
          <p>
            <strong>{t('note.title')}</strong> {story.text(scenario.meta.contentNote)}
          </p>
          <p>{t('note.leaveAnyTime')}</p>
          <p role="status">{t('session.waitingToStart')}</p>
        </section>
      )}
      {timed && room.remainingMs !== undefined && phaseAllows(room.phase, 'vote') && (
        <div className="phone-countdown">
          <SharedCountdown
            room={room}
            receivedAt={session.receivedAt}
            label={timed.meta ? story.text(timed.meta.label) : ''}
          />
        </div>
      )}
      {(room.phase === 'voting' || room.phase === 'revealed') && (
        <SessionScene story={story} headingLevel="h1" folded>
          {phaseAllows(room.phase, 'vote') && (
            <div className="phone-vote">
              <ChoiceButtons
                story={story}
                kind="choice"
                picked={chosen}
                onPick={(event) => session.vote(room.decision, event)}
              />
              <p role="status">
                {pending
                  ? t(session.status === 'open' ? 'session.voteSending' : 'session.voteWaiting', {
                      choice: label(pending.choice),
                    })
                  : mine
                    ? t('session.votedFor', { choice: story.text(mine.label) })
                    : t('session.notVoted')}
              </p>
            </div>
          )}
        </SessionScene>
      )}
      {phaseAllows(room.phase, 'guess') && (
        <PredictRoom
          key={room.decision}
          story={story}
          decision={room.decision}
          confirmed={session.myGuess}
          receivedAt={session.receivedAt}
          send={session.send}
          acknowledged={session.acknowledged}
          offline={session.status !== 'open'}
        />
      )}
      {room.phase === 'revealed' && (
        <>
          {mine && <p>{t('session.youVoted', { choice: story.text(mine.label) })}</p>}
          {room.tally && <VoteBars story={story} tally={room.tally} choices={story.choices} />}
          {room.tally && room.guesses && (
            <GuessBars story={story} guesses={room.guesses} tally={room.tally} choices={story.choices} />
          )}
          <p role="status">{t('session.waitingToGoOn')}</p>
        </>
      )}
      {room.phase === 'debrief' && (
        <>
          {/* The #IWill form follows the ending, the path and the scores: one tap from the first screen. */}
          {phaseAllows(room.phase, 'post') && <PostCommitmentLink />}
          <GroupDebrief story={story} room={room} headingLevel="h1" />
          {phaseAllows(room.phase, 'post') && <PostCommitment session={session} />}
          <CommitmentWall posts={room.wall} />
        </>
      )}
      {/* Last, so it never pushes the vote buttons off the first screen nor covers anything; there in every phase. */}
      <MomentSignal
        confirmed={session.myMoment}
        receivedAt={session.receivedAt}
        send={session.send}
        acknowledged={session.acknowledged}
        offline={session.status !== 'open'}
      />
    </div>
  );
}
