import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import type { ScenarioAnalysis } from '../engine/analyse.ts';
import type { ScenarioMachine } from '../engine/build-machine.ts';
import type { Run } from '../engine/run-state.ts';
import { runScore } from '../engine/run-state.ts';
import type { Ending, Paragraphs, Scenario, Text } from '../engine/scenario.types.ts';
import { suggestedPledges } from '../engine/tactics.ts';
import { useT } from '../ui/i18n.ts';
import { JumpButton } from '../ui/jump-button.tsx';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { useSettled } from '../ui/use-settled.ts';
import { CommitmentForm, IWILL_HEADING } from './commitment-form.tsx';
import { PathCompare } from './path-compare.tsx';
import { ScoreSummary } from './score-summary.tsx';

// Loaded with the debrief, not with the scenes: it replays the run and brings the barriers list.
const StuckSummary = lazy(() => import('./stuck-summary.tsx').then((m) => ({ default: m.StuckSummary })));

interface DebriefProps {
  readonly scenario: Scenario;
  /** The scenario's machine: the debrief replays the run to see what each scene offered. */
  readonly machine: ScenarioMachine;
  readonly run: Run;
  readonly ending: Ending;
  readonly analysis: ScenarioAnalysis;
  readonly text: (t: Text) => string;
  readonly paragraphs: (p: Paragraphs) => string[];
  readonly onRestart: () => void;
  readonly onRewind: (index: number) => void;
  /** False inside an LMS module, which carries the player only (no printable summary page). */
  readonly canChooseAnother?: boolean;
  /** Shown with the score (see ScoreSummary's `note`). */
  readonly scoreNote?: React.ReactNode;
  /** Shown after the path: the learner's confidence, asked again and compared (self-paced only). */
  readonly measure?: React.ReactNode;
  /**
   * The scene a studio try-out started at (its keys joined by ' › '): the score, where the learner got
   * stuck and the best path are the whole scenario's, so a try-out says so instead of showing them.
   */
  readonly triedFrom?: string;
}

/** At an ending: what happened, how the learner did against what was possible, and what they will do. */
export function DebriefView({
  scenario,
  machine,
  run,
  ending,
  analysis,
  text,
  paragraphs,
  onRestart,
  onRewind,
  canChooseAnother = true,
  scoreNote,
  measure,
  triedFrom,
}: DebriefProps) {
  const { t, data } = useT();
  const heading = useFocusOnChange<HTMLHeadingElement>(run.steps.length);
  const settled = useSettled(run.steps.length);
  const { best, worst } = analysis;
  const pledges = suggestedPledges(scenario).map(data);
  return (
    <section className="panel debrief ending-panel" aria-labelledby="ending-title">
      <p className={`ending-kind ${ending.kind}`}>{t('debrief.ending', { kind: t(`debrief.kind.${ending.kind}`) })}</p>
      <h1 id="ending-title" ref={heading} tabIndex={-1}>
        {text(ending.title)}
      </h1>
      <p className="debrief-help">
        <Link href="/support" replace>
          {t('debrief.getHelp')}
        </Link>
      </p>
      {/* #IWill is at the end, after the path: on the first screen, a way straight to it. */}
      <p className="post-jump">
        <JumpButton to={IWILL_HEADING}>{t('iwill.jump')}</JumpButton>
      </p>
      {paragraphs(ending.debrief).map((p) => (
        <p key={p}>{p}</p>
      ))}
      {triedFrom !== undefined ? (
        <p className="hint">{t('debrief.triedFrom', { scene: triedFrom })}</p>
      ) : (
        <>
          {best && worst && <ScoreSummary score={runScore(run)} best={best} worst={worst} note={scoreNote} />}
          <Suspense fallback={null}>
            <StuckSummary machine={machine} run={run} scenarioId={scenario.id} keepProfile={canChooseAnother} />
          </Suspense>
          {best && <PathCompare taken={run.steps} best={best.steps} text={text} />}
        </>
      )}
      {measure}
      <section aria-labelledby="again-title">
        <h2 id="again-title">{t('debrief.again')}</h2>
        <div className="actions">
          <button type="button" className="primary" {...settled(onRestart)}>
            {t('debrief.tryAgain')}
          </button>
        </div>
        <h3>{t('debrief.goBack')}</h3>
        <ol className="rewind">
          {run.steps.map((step, i) => (
            <li key={`${step.scene.join('.')}|${step.event}`}>
              <button type="button" {...settled(() => onRewind(i))}>
                {t('debrief.decision', { number: i + 1, label: text(step.meta.label) })}
              </button>
            </li>
          ))}
        </ol>
      </section>
      <CommitmentForm scenarioId={scenario.id} suggestions={pledges} />
      {canChooseAnother && (
        <p>
          <Link href={`/summary/${scenario.id}`} replace>
            {t('debrief.printable')}
          </Link>
        </p>
      )}
    </section>
  );
}
