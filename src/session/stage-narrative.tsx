import type { PresentPerson } from '../engine/cast.ts';
import { useT } from '../ui/i18n.ts';
import { ScenePeople } from '../ui/scene-people.tsx';
import { StageParts } from './stage-parts.tsx';

interface StageNarrativeProps {
  /** The scene's paragraphs, in the viewer's language. */
  readonly paragraphs: readonly string[];
  /** Who from the cast is in the scene, shown first, as the player shows them. */
  readonly people?: readonly PresentPerson[];
  /** The part the facilitator turned the stage to; past the last part, it starts again at the first. */
  readonly part: number;
}

/**
 * The scene's narrative on the stage at a size the back of a room reads (never shrunk to fit): when
 * it does not fit the screen, it is shown in parts, with "part n of m", turned from the console.
 */
export function StageNarrative({ paragraphs, people = [], part }: StageNarrativeProps) {
  const { t } = useT();
  return (
    <StageParts
      label={t('sessionView.scene')}
      className="stage-narrative"
      part={part}
      blocks={[
        ...(people.length ? [{ key: 'people', node: <ScenePeople people={people} /> }] : []),
        ...paragraphs.map((p, i) => ({ key: `${i} ${p}`, node: <p>{p}</p> })),
      ]}
    />
  );
}
