import { useId, useState } from 'react';
import { presentPeople } from '../engine/cast.ts';
import { useT } from '../ui/i18n.ts';
import { ScenePeople } from '../ui/scene-people.tsx';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import type { RoomStory } from './use-room-story.ts';

interface SessionSceneProps {
  readonly story: RoomStory;
  readonly headingLevel?: 'h1' | 'h2';
  /**
   * On a phone: the question first, then `children` (the vote), and the narrative, already on the
   * projector, behind a *Read the scene* toggle.
   */
  readonly folded?: boolean;
  readonly children?: React.ReactNode;
}

/** The scene on the screen: its narrative and its question. Focus moves to it when the scene changes. */
export function SessionScene({ story, headingLevel = 'h2', folded = false, children }: SessionSceneProps) {
  const { t } = useT();
  const meta = story.scene?.config.meta;
  const sceneKey = story.scene?.keys.join('.');
  const narrative = useFocusOnChange<HTMLDivElement>(folded ? undefined : sceneKey);
  const prompt = useFocusOnChange<HTMLHeadingElement>(folded ? sceneKey : undefined);
  const Heading = headingLevel;
  const paragraphs = [
    <ScenePeople key="people" people={presentPeople(story.scenario, meta, story.text)} />,
    ...story.paragraphs(meta?.narrative ?? []).map((p) => <p key={p}>{p}</p>),
  ];
  const question = meta?.prompt ? story.text(meta.prompt) : t('scene.defaultPrompt');
  if (folded)
    return (
      <section className="panel scene" aria-labelledby="session-prompt">
        <Heading id="session-prompt" ref={prompt} tabIndex={-1}>
          {question}
        </Heading>
        {children}
        <ReadTheScene key={sceneKey}>{paragraphs}</ReadTheScene>
      </section>
    );
  return (
    <section className="panel scene" aria-labelledby="session-prompt">
      <div className="narrative" ref={narrative} tabIndex={-1}>
        {paragraphs}
      </div>
      <Heading id="session-prompt">{question}</Heading>
      {children}
    </section>
  );
}

/** The narrative, folded until asked for. */
function ReadTheScene({ children }: { children: React.ReactNode }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="read-scene">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? t('sessionView.hideScene') : t('sessionView.readScene')}
      </button>
      <div id={id} className="narrative" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
