import type { ClientRequest, WallPost } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';

interface PostModerationProps {
  readonly pending: readonly WallPost[];
  readonly send: (request: ClientRequest) => unknown;
  readonly offline: boolean;
}

/** #IWill posts waiting for the facilitator: each is shown on the wall, or hidden, before anyone sees it. */
export function PostModeration({ pending, send, offline }: PostModerationProps) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby="moderate-title">
      <h2 id="moderate-title">{t('session.moderate')}</h2>
      {pending.length ? (
        <ul className="moderation">
          {pending.map((p) => (
            <li key={p.id}>
              <span>{p.text}</span>{' '}
              <button
                type="button"
                disabled={offline}
                onClick={() => send({ type: 'moderate', post: p.id, show: true })}
              >
                {t('session.show')}
              </button>{' '}
              <button
                type="button"
                disabled={offline}
                onClick={() => send({ type: 'moderate', post: p.id, show: false })}
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
  );
}
