import { useEffect } from 'react';
import type { PresentPerson } from '../engine/cast.ts';
import type { OfferedChoice } from '../engine/choices.ts';
import type { Text } from '../engine/scenario.types.ts';
import { ScenePeople } from '../ui/scene-people.tsx';
import type { TimedChoice } from '../ui/settings.ts';
import type { TextDirection } from '../ui/text-direction.ts';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { ChoiceList } from './choice-list.tsx';

interface SceneViewProps {
  /** The narrative's paragraphs and the question, in the learner's language. */
  readonly narrative: readonly string[];
  readonly prompt: string;
  /** Who from the cast is in the scene (`presentPeople`), shown above the narrative. */
  readonly people?: readonly PresentPerson[];
  readonly choices: readonly OfferedChoice[];
  /** The scene's timed choice under the learner's Timers setting, with its reading time. */
  readonly timed: TimedChoice | undefined;
  /** Changes with every scene, to move focus to the new narrative. */
  readonly sceneKey: string;
  readonly text: (t: Text) => string;
  readonly onChoose: (event: string) => void;
  /** The scenario text's language and direction (`textAttributes`), for the narrative and choices. */
  readonly content?: TextAttributes;
  /** The prompt's, when the scene wrote it (the default prompt is the interface's own). */
  readonly promptContent?: TextAttributes;
}

type TextAttributes = { readonly lang: string; readonly dir: TextDirection };

/** One scene: who is in it, its narrative, the question, and the choices on offer. */
export function SceneView({
  narrative,
  prompt,
  people = [],
  choices,
  timed,
  sceneKey,
  text,
  onChoose,
  content,
  promptContent,
}: SceneViewProps) {
  const narrativeRef = useFocusOnChange<HTMLDivElement>(sceneKey);
  // Focus brings the scene into view only if none of it is; a scene that starts above the screen (the
  // page was scrolled down to press Continue) is brought to its top, so who is in it is seen first.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new scene is the point
  useEffect(() => {
    const narrative = narrativeRef.current;
    if (narrative && narrative.getBoundingClientRect().top < 0) narrative.scrollIntoView({ block: 'start' });
  }, [sceneKey]);
  return (
    <section className="panel scene" aria-labelledby="scene-prompt">
      {/* Focus lands here on each scene: who is in it comes into view and is read first, then the story. */}
      <div className="narrative" ref={narrativeRef} tabIndex={-1} {...content}>
        <ScenePeople people={people} />
        {narrative.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      <h2 id="scene-prompt" {...promptContent}>
        {prompt}
      </h2>
      <ChoiceList key={sceneKey} choices={choices} timed={timed} text={text} onChoose={onChoose} content={content} />
    </section>
  );
}
