import { useMemo } from 'react';
import { Link } from 'wouter';
import { buildMachine } from '../engine/build-machine.ts';
import { restoreRun, runEnding, runScore } from '../engine/run-state.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { findTactic } from '../engine/tactics.ts';
import { scenarioText } from '../engine/text.ts';
import { readCommitment } from './commitment-store.ts';
import { readProgress } from './progress-store.ts';

/** A printable page of one finished scenario: the ending, the score by tactic, and the #IWill commitment. */
export function SummaryPage({ scenario }: { scenario: Scenario }) {
  const { text } = scenarioText(scenario);
  const result = useMemo(() => {
    const machine = buildMachine(scenario);
    const stored = readProgress(scenario.id);
    const restored = stored.state === 'ok' ? restoreRun(machine, scenario.id, stored.value.run) : undefined;
    return restored?.ok ? { ending: runEnding(machine, restored.run), score: runScore(restored.run) } : undefined;
  }, [scenario]);
  const commitment = readCommitment(scenario.id);

  return (
    <article className="panel summary" aria-labelledby="summary-title">
      <h1 id="summary-title">{text(scenario.meta.title)}: my summary</h1>
      {result?.ending ? (
        <>
          <p>
            Ending reached: <strong>{text(result.ending.title)}</strong> ({result.ending.kind})
          </p>
          <p>Score: {result.score.total}</p>
          <ul>
            {Object.entries(result.score.tactics).map(([id, points]) => (
              <li key={id}>
                {findTactic(id)?.name ?? id}: {points}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>You have not finished this scenario on this device yet.</p>
      )}
      <h2>#IWill</h2>
      <p>{commitment ? `${commitment.text} (${commitment.date})` : 'No commitment saved yet.'}</p>
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
        <Link href={`/play/${scenario.id}`} replace className="button">
          Back to the debrief
        </Link>
      </div>
    </article>
  );
}
