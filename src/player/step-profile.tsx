import { STAGES } from '../engine/stages.ts';
import { useT } from '../ui/i18n.ts';
import type { StepAttempt } from './step-profile-store.ts';

/** Attempts shown side by side: the latest few, so the table fits a phone. */
const SHOWN = 3;

/**
 * The learner's chances to act per bystander step over their latest attempts on this device, as a
 * table (a row a step, a column an attempt, oldest first): "1 of 2" where the story gave chances at
 * that step, "—" where it gave none. Shown once there are two attempts to compare.
 */
export function StepProfile({ attempts }: { attempts: readonly StepAttempt[] }) {
  const { t } = useT();
  const shown = attempts.slice(-SHOWN);
  if (shown.length < 2) return null;
  const stages = STAGES.filter((stage) => shown.some((a) => a.steps.some((s) => s.stage === stage)));
  return (
    <div className="step-profile">
      <table className="score-table">
        <caption>{t('stuck.overTime', { count: attempts.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stuck.step')}</th>
            {shown.map((a, i) => (
              <th scope="col" key={`${a.date}|${a.path}|${a.scenarioId}`}>
                {t('stuck.attempt', { number: attempts.length - shown.length + i + 1, date: a.date })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage}>
              <th scope="row">{t(`stage.${stage}`)}</th>
              {shown.map((a) => {
                const s = a.steps.find((x) => x.stage === stage);
                return (
                  <td key={`${a.date}|${a.path}|${a.scenarioId}`}>
                    {s ? t('stuck.cell', { acted: s.acted, count: s.opportunities }) : '—'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
