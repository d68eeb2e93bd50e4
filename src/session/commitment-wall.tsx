import type { WallPost } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';

/** The #IWill wall: anonymous commitments the facilitator has shown, as text. */
export function CommitmentWall({ posts }: { posts: readonly WallPost[] }) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby="wall-title">
      <h2 id="wall-title">{t('session.wall')}</h2>
      {posts.length ? (
        <ul className="wall" aria-live="polite">
          {posts.map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ul>
      ) : (
        <p>{t('session.wallEmpty')}</p>
      )}
    </section>
  );
}
