import { useT } from '../app/i18n.ts';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import type { RoomStory } from './use-room-story.ts';

/** The scene on the screen: its narrative and its question. Focus moves to it when the scene changes. */
export function SessionScene({ story, headingLevel = 'h2' }: { story: RoomStory; headingLevel?: 'h1' | 'h2' }) {
  const { t } = useT();
  const meta = story.scene?.config.meta;
  const narrative = useFocusOnChange<HTMLDivElement>(story.scene?.keys.join('.'));
  const Heading = headingLevel;
  return (
    <section className="panel scene" aria-labelledby="session-prompt">
      <div className="narrative" ref={narrative} tabIndex={-1}>
        {story.paragraphs(meta?.narrative ?? []).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      <Heading id="session-prompt">{meta?.prompt ? story.text(meta.prompt) : t('scene.defaultPrompt')}</Heading>
    </section>
  );
}
