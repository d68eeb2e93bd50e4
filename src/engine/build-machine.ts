import { type AnyMachineSnapshot, setup } from 'xstate';
import type { Scenario, VariableValue } from './scenario.types.ts';
import { actions, guards } from './vocabulary.ts';

/** The story's variables at run time. */
export type RunContext = Record<string, VariableValue>;

/** The closed vocabulary, declared once, as in any hand-written XState machine. */
const scenarioSetup = setup({ types: {} as { context: RunContext; events: { type: string } }, actions, guards });

export type ScenarioMachine = ReturnType<typeof scenarioSetup.createMachine>;
export type ScenarioSnapshot = AnyMachineSnapshot;

/**
 * Compiles a checked scenario to an XState machine. setup() supplies the vocabulary, so the file
 * itself stays a plain config that any XState tool can read.
 */
export function buildMachine(scenario: Scenario): ScenarioMachine {
  const { $schema: _editorOnly, ...config } = scenario;
  // The config is data checked at run time; XState's generics cannot describe it statically.
  return scenarioSetup.createMachine({ ...config, context: { ...(scenario.context ?? {}) } } as never);
}
