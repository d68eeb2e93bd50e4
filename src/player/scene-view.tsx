import type { OfferedChoice } from '../engine/choices.ts';
import type { StateMeta, Text } from '../engine/scenario.types.ts';
import { useT } from '../ui/i18n.ts';
import { useSettings } from '../ui/settings.ts';
import type { TextDirection } from '../ui/text-direction.ts';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { ChoiceList } from './choice-list.tsx';

interface SceneViewProps {
  readonly meta: StateMeta;
  readonly choices: readonly OfferedChoice[];
  /** Changes with every scene, to move focus to the new narrative. */
  readonly sceneKey: string;
  readonly text: (t: Text) => string;
  readonly paragraphs: (p: NonNullable<StateMeta['narrative']>) => string[];
  readonly onChoose: (event: string) => void;
  /** The scenario text's language and direction (`textAttributes`), for the narrative, prompt and choices. */
  readonly content?: { readonly lang: string; readonly dir: TextDirection };
}

/** One scene: its narrative, the question, and the choices on offer. */
export function SceneView({ meta, choices, sceneKey, text, paragraphs, onChoose, content }: SceneViewProps) {
  const { settings } = useSettings();
  const { t } = useT();
  const narrative = useFocusOnChange<HTMLDivElement>(sceneKey);
  const prompt = meta.prompt ? text(meta.prompt) : t('scene.defaultPrompt');
  return (
    <section className="panel scene" aria-labelledby="scene-prompt">
      <div className="narrative" ref={narrative} tabIndex={-1} {...content}>
        {paragraphs(meta.narrative ?? []).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      {/* The default prompt is the interface's, in its language and direction. */}
      <h2 id="scene-prompt" {...(meta.prompt ? content : {})}>
        {prompt}
      </h2>
      <ChoiceList choices={choices} timers={settings.timers} text={text} onChoose={onChoose} content={content} />
    </section>
  );
}
