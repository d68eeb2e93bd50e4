import { useMemo } from 'react';
import { findBarrier } from '../engine/barriers.ts';
import type { ScenarioMachine } from '../engine/build-machine.ts';
import { opportunityScores, reviewRun, stuckPoint } from '../engine/run-review.ts';
import type { Run } from '../engine/run-state.ts';
import { useT } from '../ui/i18n.ts';

/**
 * Where the run lost most — the bystander step, and the barrier the choice there reflects — and, for
 * each step whose scenes gave a chance to act, how often the learner took it.
 */
export function StuckSummary({ machine, run }: { machine: ScenarioMachine; run: Run }) {
  const { t, data } = useT();
  const reviews = useMemo(() => reviewRun(machine, run), [machine, run]);
  const stuck = stuckPoint(reviews);
  const chances = opportunityScores(reviews);
  const barrier = stuck?.barrier ? findBarrier(stuck.barrier) : undefined;
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
    </section>
  );
}
