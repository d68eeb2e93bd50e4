import type { ScoredPath } from '../engine/analyse.ts';
import type { Score } from '../engine/score.ts';
import { STAGES } from '../engine/stages.ts';
import { findTactic } from '../engine/tactics.ts';

/** The learner's score against the best and worst the scenario allows, a bar per tactic, and the stages practised. */
export function ScoreSummary({ score, best, worst }: { score: Score; best: ScoredPath; worst: ScoredPath }) {
  const tactics = [...new Set([...Object.keys(best.score.tactics), ...Object.keys(score.tactics)])];
  const stages = STAGES.filter((stage) => score.stages[stage.id] !== undefined);
  return (
    <section aria-labelledby="score-title">
      <h2 id="score-title">Your score</h2>
      <p className="score-line">
        <strong>{score.total}</strong> on a range from {worst.score.total} (the worst path) to {best.score.total} (the
        best path).
      </p>
      <meter
        className="score-meter"
        min={worst.score.total}
        max={best.score.total}
        value={score.total}
        aria-label="Your score on that range"
      />
      <h3>By tactic</h3>
      <ul className="bars">
        {tactics.map((id) => {
          const mine = score.tactics[id] ?? 0;
          const most = Math.max(best.score.tactics[id] ?? 0, mine, 1);
          return (
            <li key={id}>
              <span>
                {findTactic(id)?.name ?? id}: {mine} (best path: {best.score.tactics[id] ?? 0})
              </span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar" style={{ width: `${(mine / most) * 100}%` }} />
              </span>
            </li>
          );
        })}
        {score.harm > 0 && <li className="harm-line">Harm done: −{score.harm}</li>}
      </ul>
      <h3>Bystander steps you practised</h3>
      <ul>
        {stages.map((stage) => (
          <li key={stage.id}>
            {stage.name}: {(score.stages[stage.id] ?? 0) >= 0 ? '+' : ''}
            {score.stages[stage.id]}
          </li>
        ))}
      </ul>
    </section>
  );
}
