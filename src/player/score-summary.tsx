import { useT } from '../app/i18n.ts';
import type { ScoredPath } from '../engine/analyse.ts';
import type { Score } from '../engine/score.ts';
import { STAGES } from '../engine/stages.ts';

/** The learner's score against the best and worst the scenario allows, a bar per tactic, and the stages practised. */
export function ScoreSummary({ score, best, worst }: { score: Score; best: ScoredPath; worst: ScoredPath }) {
  const { t, tacticName } = useT();
  const tactics = [...new Set([...Object.keys(best.score.tactics), ...Object.keys(score.tactics)])];
  const stages = STAGES.filter((stage) => score.stages[stage] !== undefined);
  return (
    <section aria-labelledby="score-title">
      <h2 id="score-title">{t('debrief.score')}</h2>
      <p className="score-line">
        <strong>{score.total}</strong> {t('debrief.scoreRange', { worst: worst.score.total, best: best.score.total })}
      </p>
      <meter
        className="score-meter"
        min={worst.score.total}
        max={best.score.total}
        value={score.total}
        aria-label={t('debrief.scoreMeter')}
      />
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
