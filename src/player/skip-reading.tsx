import { Link } from 'wouter';
import type { Scenario } from '../engine/scenario.types.ts';
import { practisedTactics } from '../engine/scenario-walk.ts';
import { findTactic } from '../engine/tactics.ts';
import { useT } from '../ui/i18n.ts';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { useSettled } from '../ui/use-settled.ts';

/** Skipping needs no reason: the learner reads the tactics the scenario practises instead, and that counts. */
export function SkipReading({
  scenario,
  title,
  onPlay,
  canChooseAnother = true,
}: {
  scenario: Scenario;
  title: string;
  onPlay: () => void;
  /** False inside an LMS module: no library to go back to (the module's own button goes on). */
  canChooseAnother?: boolean;
}) {
  const { t, data, tacticName } = useT();
  const heading = useFocusOnChange<HTMLHeadingElement>(scenario.id);
  const settled = useSettled(scenario.id);
  return (
    <section className="panel" aria-labelledby="skip-title">
      <h1 id="skip-title" ref={heading} tabIndex={-1}>
        {t('skip.title', { title })}
      </h1>
      <p>{t('skip.text')}</p>
      <dl className="tactic-reading">
        {practisedTactics(scenario).map((id) => {
          const tactic = findTactic(id);
          return (
            <div key={id}>
              <dt>{tacticName(id)}</dt>
              <dd>{tactic && data(tactic.description)}</dd>
            </div>
          );
        })}
      </dl>
      <div className="actions">
        {canChooseAnother && (
          <Link href="/" replace className="button primary">
            {t('skip.back')}
          </Link>
        )}
        <button type="button" {...settled(onPlay)}>
          {t('skip.playAfterAll')}
        </button>
      </div>
    </section>
  );
}
