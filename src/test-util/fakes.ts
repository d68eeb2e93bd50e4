import type { Choice, ChoiceMeta, Scenario, ScenarioState } from '../engine/scenario.types.ts';
import type { RoomView } from '../protocol/messages.ts';

/** Factories that keep tests short: a valid default, with only what the test is about overridden. */

export function fakeChoice(partial: Omit<Partial<Choice>, 'meta'> & { meta?: Partial<ChoiceMeta> } = {}): Choice {
  const { meta, ...rest } = partial;
  return {
    target: 'end',
    ...rest,
    meta: { label: 'Do the thing.', feedback: 'Why it matters.', tactics: {}, ...meta },
  };
}

export function fakeScene(partial: Partial<ScenarioState> = {}): ScenarioState {
  return {
    meta: { narrative: ['Something happens.'], prompt: 'What do you do?', stage: 'act' },
    on: { GO: fakeChoice() },
    ...partial,
  };
}

export function fakeEnding(kind: 'good' | 'mixed' | 'poor' = 'good'): ScenarioState {
  return { type: 'final', meta: { ending: { title: `A ${kind} ending`, debrief: 'What to do next.', kind } } };
}

export function fakeScenario(partial: Partial<Scenario> = {}): Scenario {
  return {
    id: 'fake',
    initial: 'start',
    context: { trust: 0 },
    ...partial,
    meta: {
      format: 1,
      title: 'A fake scenario',
      setting: 'workplace',
      summary: 'For tests.',
      contentNote: 'Nothing upsetting.',
      minutes: 1,
      language: 'en',
      ...partial.meta,
    },
    states: partial.states ?? { start: fakeScene(), end: fakeEnding() },
  };
}

/** A deep copy as plain JSON, to break on purpose. */
export function editable(value: unknown): Record<string, any> {
  return JSON.parse(JSON.stringify(value));
}

/** A room as the server would send it, at the first decision. */
export function fakeRoom(partial: Partial<RoomView> = {}): RoomView {
  return {
    sessionId: 'S'.repeat(22),
    code: 'ABCDEF',
    scenarioId: 'fake',
    phase: 'voting',
    locked: false,
    joined: 6,
    connected: 6,
    voted: 0,
    minReveal: 5,
    decision: 0,
    scene: ['start'],
    choices: [{ event: 'GO', timed: false }],
    path: [],
    wall: [],
    ...partial,
  };
}
