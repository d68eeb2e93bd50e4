import { useT } from '../app/i18n.ts';
import type { ClientRequest, Tally } from '../protocol/messages.ts';
import { majorityOf } from '../protocol/tally.ts';
import type { RoomStory } from './use-room-story.ts';

interface GoOnControlsProps {
  readonly story: RoomStory;
  readonly tally: Tally;
  readonly send: (request: ClientRequest) => unknown;
  readonly offline: boolean;
}

/** After the reveal: the scene's discussion prompts, then follow the majority or explore any branch. */
export function GoOnControls({ story, tally, send, offline }: GoOnControlsProps) {
  const { t } = useT();
  const majority = majorityOf(tally);
  const discussion = story.scene?.config.meta?.discussion ?? [];
  const label = (event: string) => {
    const meta = story.choices.find((c) => c.event === event)?.meta;
    return meta ? story.text(meta.label) : event;
  };
  return (
    <>
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
          <button type="button" className="primary" disabled={offline} onClick={() => send({ type: 'advance' })}>
            {t('session.followMajority', { choice: label(majority) })}
          </button>
        ) : (
          <p>{t('session.noMajority')}</p>
        )}
        <p>{t('session.explore')}</p>
        <ul className="branch-list">
          {story.choices.map((c) => (
            <li key={c.event}>
              <button type="button" disabled={offline} onClick={() => send({ type: 'advance', choice: c.event })}>
                {label(c.event)}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
