import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { findBarrier } from '../engine/barriers.ts';
import type { ScenarioMachine } from '../engine/build-machine.ts';
import { opportunityScores, reviewRun, stuckPoint } from '../engine/run-review.ts';
import type { Run } from '../engine/run-state.ts';
import { contentLanguage, scenarioText } from '../engine/text.ts';
import { useT } from '../ui/i18n.ts';
import { practiceFor } from '../ui/library-entry.ts';
import { useShelf } from '../ui/shelf.ts';
import { StepProfile } from './step-profile.tsx';
import { readAttempts, recordAttempt, type StepAttempt } from './step-profile-store.ts';

/**
 * Where the run lost most — the bystander step, and the barrier the choice there reflects — with the
 * scenario on the shelf that practises that step most (where there is a library), and, for each step
 * whose scenes gave a chance to act, how often the learner took it.
 */
export function StuckSummary({
  machine,
  run,
  scenarioId,
  keepProfile,
}: {
  machine: ScenarioMachine;
  run: Run;
  scenarioId: string;
  /** Keep this run in the learner's step profile on this device, and show the profile. */
  keepProfile: boolean;
}) {
  const { t, data, language } = useT();
  const shelf = useShelf();
  const reviews = useMemo(() => reviewRun(machine, run), [machine, run]);
  const stuck = stuckPoint(reviews);
  const chances = opportunityScores(reviews);
  const path = run.steps.map((s) => s.event).join(' ');
  const [attempts, setAttempts] = useState<readonly StepAttempt[]>(() => (keepProfile ? readAttempts() : []));
  useEffect(() => {
    if (!keepProfile) return;
    const date = new Date().toISOString().slice(0, 10);
    setAttempts(recordAttempt({ scenarioId, date, path, steps: opportunityScores(reviewRun(machine, run)) }));
  }, [keepProfile, scenarioId, path, machine, run]);
  const barrier = stuck?.barrier ? findBarrier(stuck.barrier) : undefined;
  const next = stuck && practiceFor(shelf, stuck.stage, scenarioId);
  if (!stuck && !chances.length) return null;
  return (
    <section aria-labelledby="stuck-title">
      <h2 id="stuck-title">{t('stuck.title')}</h2>
      {stuck ? (
        <p>{t('stuck.where', { step: t(`stage.${stuck.stage}`), count: stuck.lost })}</p>
      ) : (
        <p>{t('stuck.none')}</p>
      )}
      {barrier && (
        <p className="stuck-barrier">
          <strong>{t('stuck.barrier', { name: data(barrier.name) })}</strong> {data(barrier.description)}
        </p>
      )}
      {stuck && next && (
        <p>
          {t('stuck.practise')}{' '}
          <Link href={`/play/${next.id}`} lang={contentLanguage(next, language)}>
            {scenarioText(next, language).text(next.meta.title)}
          </Link>
        </p>
      )}
      {chances.length > 0 && (
        <>
          <h3>{t('stuck.chances')}</h3>
          <ul>
            {chances.map((c) => (
              <li key={c.stage}>
                {t('stuck.chance', { step: t(`stage.${c.stage}`), acted: c.acted, count: c.opportunities })}
              </li>
            ))}
          </ul>
        </>
      )}
      <StepProfile attempts={attempts} />
    </section>
  );
}
