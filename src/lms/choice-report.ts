import type { ScenarioMachine } from '../engine/build-machine.ts';
import { runToPicks } from '../engine/choice-names.ts';
import type { Run } from '../engine/run-state.ts';
import type { Text } from '../engine/scenario.types.ts';
import { choicePoints } from '../engine/score.ts';
import type { ChoiceReport } from './lms-connection.types.ts';

/**
 * The LMS's record of the run's choice at `index` (0-based): its id `scenario.decision`, the choice by
 * its stable name (`engine/choice-names.ts`: the event, or `wait` for a timed choice, never XState's delay
 * event, whose name changes with the timer), its label in the learner's language, and whether it
 * helped (tactic points: `correct`), harmed (`incorrect`) or neither (`neutral`), with its tactic
 * points, harm, bystander step and barrier.
 */
export function choiceReport(
  machine: ScenarioMachine,
  scenarioId: string,
  run: Run,
  index: number,
  text: (t: Text) => string,
  at: Date,
): ChoiceReport {
  const step = run.steps[index];
  const points = choicePoints(step.meta);
  const picks = runToPicks(
    machine,
    run.steps.slice(0, index + 1).map((s) => s.event),
  );
  return {
    id: `${scenarioId}.${index + 1}`,
    response: picks?.[index] ?? step.event,
    description: text(step.meta.label),
    result: points > 0 ? 'correct' : (step.meta.harm ?? 0) > 0 || points < 0 ? 'incorrect' : 'neutral',
    tactics: Object.fromEntries(Object.entries(step.meta.tactics ?? {}).filter(([, p]) => p > 0)),
    harm: step.meta.harm ?? 0,
    step: step.stage,
    barrier: step.meta.barrier,
    at,
  };
}
