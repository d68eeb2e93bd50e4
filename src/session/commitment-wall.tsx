import type { WallPost } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';
import { StageParts } from './stage-parts.tsx';

/** The shown posts, newest first: what the facilitator just showed is what the room sees first. */
function newestFirst(posts: readonly WallPost[]): WallPost[] {
  return [...posts].reverse();
}

/** The #IWill wall: anonymous commitments the facilitator has shown, as text, newest first. */
export function CommitmentWall({ posts }: { posts: readonly WallPost[] }) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby="wall-title">
      <h2 id="wall-title">{t('session.wall')}</h2>
      {posts.length ? (
        <ul className="wall" aria-live="polite">
          {newestFirst(posts).map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ul>
      ) : (
        <p>{t('session.wallEmpty')}</p>
      )}
    </section>
  );
}

/**
 * The #IWill wall on the projector, newest first, each post at the stage's readable size and kept
 * whole: when the posts do not fit the wall's box, they are shown in parts ("part n of m") turned from
 * the console with the rest of the stage (`part`, the `scenePart` message), so every post shown reaches
 * the room and the newest are always on the first part.
 */
export function StageWall({ posts, part }: { posts: readonly WallPost[]; part: number }) {
  const { t } = useT();
  return (
    <div className="panel stage-wall-panel">
      <h2 id="wall-title">{t('session.wall')}</h2>
      {posts.length ? (
        <StageParts
          label={t('session.wall')}
          className="stage-wall"
          blocks={newestFirst(posts).map((p) => ({ key: p.id, node: p.text }))}
          part={part}
          list="wall"
        />
      ) : (
        <p>{t('session.wallEmpty')}</p>
      )}
    </div>
  );
}
