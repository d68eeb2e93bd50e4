import { useT } from '../app/i18n.ts';
import { ScenarioById, type ScenarioLoaders } from '../app/scenario-loader.tsx';
import type { Scenario } from '../engine/scenario.types.ts';
import { majorityOf } from '../protocol/tally.ts';
import { CommitmentWall } from './commitment-wall.tsx';
import { GroupDebrief } from './group-debrief.tsx';
import { JoinPanel } from './join-panel.tsx';
import { ResultsExport } from './results-export.tsx';
import { RoomChoices } from './room-choices.tsx';
import { RoomStatus } from './room-status.tsx';
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
  const majority = majorityOf(room.tally);
  const label = (event: string) => {
    const meta = story.choices.find((c) => c.event === event)?.meta;
    return meta ? story.text(meta.label) : event;
  };
  const discussion = story.scene?.config.meta?.discussion ?? [];
  return (
    <div className="session console">
      <h1>{t('session.consoleTitle', { title: story.text(scenario.meta.title) })}</h1>
      <RoomStatus session={session} />
      <JoinPanel code={room.code} joined={room.joined} voted={room.phase === 'voting' ? room.voted : undefined} />
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
      {room.phase === 'lobby' && (
        <section className="panel">
          <p>{t('session.lobbyHost')}</p>
          <button type="button" className="primary" disabled={offline} onClick={() => session.send({ type: 'start' })}>
            {t('session.begin')}
          </button>
        </section>
      )}
      {(room.phase === 'voting' || room.phase === 'revealed') && <SessionScene story={story} />}
      {room.phase === 'voting' && (
        <>
          <RoomChoices story={story} room={room} receivedAt={session.receivedAt} />
          <button type="button" className="primary" disabled={offline} onClick={() => session.send({ type: 'reveal' })}>
            {t('session.reveal')}
          </button>
        </>
      )}
      {room.phase === 'revealed' && room.tally && (
        <>
          <VoteBars story={story} tally={room.tally} choices={story.choices} />
          {discussion.length > 0 && (
            <section className="panel" aria-labelledby="discuss-title">
              <h2 id="discuss-title">{t('session.discuss')}</h2>
              <ul>
                {discussion.map((d) => (
                  <li key={story.text(d)}>{story.text(d)}</li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel" aria-labelledby="goon-title">
            <h2 id="goon-title">{t('session.goOn')}</h2>
            {majority ? (
              <button
                type="button"
                className="primary"
                disabled={offline}
                onClick={() => session.send({ type: 'advance' })}
              >
                {t('session.followMajority', { choice: label(majority) })}
              </button>
            ) : (
              <p>{t('session.noMajority')}</p>
            )}
            <p>{t('session.explore')}</p>
            <ul className="branch-list">
              {story.choices.map((c) => (
                <li key={c.event}>
                  <button
                    type="button"
                    disabled={offline}
                    onClick={() => session.send({ type: 'advance', choice: c.event })}
                  >
                    {label(c.event)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      {room.phase === 'debrief' && (
        <>
          <GroupDebrief story={story} room={room} />
          <section className="panel" aria-labelledby="moderate-title">
            <h2 id="moderate-title">{t('session.moderate')}</h2>
            {room.pending?.length ? (
              <ul className="moderation">
                {room.pending.map((p) => (
                  <li key={p.id}>
                    <span>{p.text}</span>{' '}
                    <button
                      type="button"
                      disabled={offline}
                      onClick={() => session.send({ type: 'moderate', post: p.id, show: true })}
                    >
                      {t('session.show')}
                    </button>{' '}
                    <button
                      type="button"
                      disabled={offline}
                      onClick={() => session.send({ type: 'moderate', post: p.id, show: false })}
                    >
                      {t('session.hide')}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('session.nothingPending')}</p>
            )}
          </section>
          <CommitmentWall posts={room.wall} />
        </>
      )}
      <ResultsExport sessionId={room.sessionId} secret={secret} />
    </div>
  );
}
