import { useMemo } from 'react';
import { Link } from 'wouter';
import { compileScenario } from '../engine/compile-scenario.ts';
import { runEnding, runScore } from '../engine/run-state.ts';
import { restoreRun } from '../engine/saved-run.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { scorePercent } from '../engine/score.ts';
import { contentLanguage, scenarioText } from '../engine/text.ts';
import { useT } from '../ui/i18n.ts';
import { readCommitment } from './commitment-store.ts';
import { readProgress } from './progress-store.ts';

/** A printable page of one finished scenario: the ending, the score by tactic, and the #IWill commitment. */
export function SummaryPage({ scenario }: { scenario: Scenario }) {
  const { t, tacticName, language } = useT();
  const { text } = scenarioText(scenario, language);
  const result = useMemo(() => {
    const { machine, analysis } = compileScenario(scenario);
    const stored = readProgress(scenario.id);
    const restored = stored.state === 'ok' ? restoreRun(machine, scenario.id, stored.value.run) : undefined;
    if (!restored?.ok) return undefined;
    const score = runScore(restored.run);
    const { best, worst } = analysis ?? {};
    const percent = best && worst ? scorePercent(score.total, best.score.total, worst.score.total) : undefined;
    return { ending: runEnding(machine, restored.run), score, percent };
  }, [scenario]);
  const commitment = readCommitment(scenario.id);
  const title = text(scenario.meta.title);

  return (
    <article className="panel summary" aria-labelledby="summary-title">
      <h1 id="summary-title">{t('summary.title', { title })}</h1>
      {result?.ending ? (
        <>
          <p>
            {t('summary.ending')}{' '}
            <strong lang={contentLanguage(scenario, language)}>{text(result.ending.title)}</strong> (
            {t(`debrief.kind.${result.ending.kind}`)})
          </p>
          {result.percent !== undefined && <p>{t('summary.score', { score: result.percent })}</p>}
          <ul>
            {Object.entries(result.score.tactics).map(([id, points]) => (
              <li key={id}>
                {tacticName(id)}: {points}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('summary.notFinished')}</p>
      )}
      <h2>#IWill</h2>
      <p>{commitment ? `${commitment.text} (${commitment.date})` : t('summary.noCommitment')}</p>
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('summary.print')}
        </button>
        <Link href={`/play/${scenario.id}`} replace className="button">
          {t('summary.back')}
        </Link>
      </div>
    </article>
  );
}
