import type { ScoredPath } from '../engine/analyse.ts';
import { type Score, scorePercent } from '../engine/score.ts';
import { STAGES } from '../engine/stages.ts';
import { useT } from '../ui/i18n.ts';

/**
 * The learner's score on the 0–100 scale an LMS records (0 the worst path the scenario allows, 100 the
 * best), the points behind it as detail, a bar per tactic, and the stages practised.
 */
export function ScoreSummary({
  score,
  best,
  worst,
  note,
}: {
  score: Score;
  best: ScoredPath;
  worst: ScoredPath;
  /** Said after the explanation of the scale: a module's word on what this score is and what it records. */
  note?: React.ReactNode;
}) {
  const { t, tacticName } = useT();
  const tactics = [...new Set([...Object.keys(best.score.tactics), ...Object.keys(score.tactics)])];
  const stages = STAGES.filter((stage) => score.stages[stage] !== undefined);
  const percent = scorePercent(score.total, best.score.total, worst.score.total);
  return (
    <section aria-labelledby="score-title">
      <h2 id="score-title">{t('debrief.score')}</h2>
      <p className="score-line">
        <strong>{percent}</strong> {t('debrief.scoreOutOf')}
      </p>
      <meter className="score-meter" min={0} max={100} value={percent} aria-label={t('debrief.scoreMeter')} />
      <p>{t('debrief.scoreExplained')}</p>
      {note}
      <p className="score-points">
        {t('debrief.scorePoints', { total: score.total, worst: worst.score.total, best: best.score.total })}
      </p>
      <h3>{t('debrief.byTactic')}</h3>
      <ul className="bars">
        {tactics.map((id) => {
          const mine = score.tactics[id] ?? 0;
          const bestPoints = best.score.tactics[id] ?? 0;
          const most = Math.max(bestPoints, mine, 1);
          return (
            <li key={id}>
              <span>{t('debrief.tacticBar', { name: tacticName(id), mine, best: bestPoints })}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar" style={{ width: `${(mine / most) * 100}%` }} />
              </span>
            </li>
          );
        })}
        {score.harm > 0 && <li className="harm-line">{t('debrief.harm', { harm: score.harm })}</li>}
      </ul>
      <h3>{t('debrief.stages')}</h3>
      <ul>
        {stages.map((stage) => (
          <li key={stage}>
            {t(`stage.${stage}`)}: {(score.stages[stage] ?? 0) >= 0 ? '+' : ''}
            {score.stages[stage]}
          </li>
        ))}
      </ul>
    </section>
  );
}
