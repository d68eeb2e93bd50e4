import { useT } from '../ui/i18n.ts';
import type { RoomStory } from './use-room-story.ts';

/** The scene's discussion prompts, for the room to talk over once the votes are revealed. */
export function DiscussionPrompts({ story, id = 'discuss-title' }: { story: RoomStory; id?: string }) {
  const { t } = useT();
  const discussion = story.scene?.config.meta?.discussion ?? [];
  if (discussion.length === 0) return null;
  return (
    <section className="panel discussion" aria-labelledby={id}>
      <h2 id={id}>{t('session.discuss')}</h2>
      <ul>
        {discussion.map((d) => (
          <li key={story.text(d)}>{story.text(d)}</li>
        ))}
      </ul>
    </section>
  );
}

/** The scene's notes for the facilitator: never shown to the room. */
export function FacilitatorNotes({ story }: { story: RoomStory }) {
  const { t } = useT();
  const notes = story.scene?.config.meta?.facilitatorNotes;
  if (!notes) return null;
  return (
    <section className="panel facilitator-notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('sessionView.notes')}</h2>
      {story.paragraphs(notes).map((p) => (
        <p key={p}>{p}</p>
      ))}
    </section>
  );
}
