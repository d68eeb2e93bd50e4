import type { RunStep } from '../engine/run-state.ts';
import type { Text } from '../engine/scenario.types.ts';
import { useT } from '../ui/i18n.ts';

/** The path the learner took beside the best one, each choice with its feedback. */
export function PathCompare({
  taken,
  best,
  text,
}: {
  taken: readonly RunStep[];
  best: readonly RunStep[];
  text: (t: Text) => string;
}) {
  const { t } = useT();
  return (
    <section aria-labelledby="paths-title" className="paths">
      <h2 id="paths-title">{t('debrief.paths')}</h2>
      <div className="path-columns">
        <PathList title={t('debrief.yourChoices')} steps={taken} text={text} />
        <PathList title={t('debrief.bestPath')} steps={best} text={text} />
      </div>
    </section>
  );
}

function PathList({ title, steps, text }: { title: string; steps: readonly RunStep[]; text: (t: Text) => string }) {
  return (
    <div>
      <h3>{title}</h3>
      <ol>
        {steps.map((step) => (
          <li key={`${step.scene.join('.')}|${step.event}`}>
            <strong>{text(step.meta.label)}</strong>
            <p>{text(step.meta.feedback)}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
