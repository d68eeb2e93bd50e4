import { useT } from '../ui/i18n.ts';
import { useSceneParts } from './use-scene-parts.ts';

interface StageNarrativeProps {
  /** The scene's paragraphs, in the viewer's language. */
  readonly paragraphs: readonly string[];
  /** The part the facilitator turned the stage to; past the last part, it starts again at the first. */
  readonly part: number;
}

/**
 * The scene's narrative on the stage at a size the back of a room reads (never shrunk to fit): when
 * it does not fit the screen, it is shown in parts, with "part n of m", turned from the console.
 */
export function StageNarrative({ paragraphs, part }: StageNarrativeProps) {
  const { t } = useT();
  const { box, copy, starts } = useSceneParts(paragraphs.join('\n'));
  const shown = part % starts.length;
  const text = (list: readonly string[]) => list.map((p) => <p key={p}>{p}</p>);
  return (
    <section className="stage-narrative" aria-label={t('sessionView.scene')} ref={box}>
      <div className="scene-part">{text(paragraphs.slice(starts[shown], starts[shown + 1]))}</div>
      {starts.length > 1 && (
        <p className="scene-part-count">{t('sessionView.scenePart', { n: shown + 1, total: starts.length })}</p>
      )}
      <div className="scene-copy" aria-hidden="true" ref={copy}>
        {text(paragraphs)}
        <p className="scene-part-count">{t('sessionView.scenePart', { n: 9, total: 9 })}</p>
      </div>
    </section>
  );
}
