import type { OfferedChoice } from '../engine/choices.ts';
import type { Text } from '../engine/scenario.types.ts';
import type { TimedChoice } from '../ui/settings.ts';
import type { TextDirection } from '../ui/text-direction.ts';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { ChoiceList } from './choice-list.tsx';

interface SceneViewProps {
  /** The narrative's paragraphs and the question, in the learner's language. */
  readonly narrative: readonly string[];
  readonly prompt: string;
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

/** One scene: its narrative, the question, and the choices on offer. */
export function SceneView({
  narrative,
  prompt,
  choices,
  timed,
  sceneKey,
  text,
  onChoose,
  content,
  promptContent,
}: SceneViewProps) {
  const narrativeRef = useFocusOnChange<HTMLDivElement>(sceneKey);
  return (
    <section className="panel scene" aria-labelledby="scene-prompt">
      <div className="narrative" ref={narrativeRef} tabIndex={-1} {...content}>
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
