import { assign } from 'xstate';
import type { ActionRef, GuardRef, ScenarioContext, VariableValue } from './scenario.types.ts';

/**
 * The closed vocabulary a scenario may name: every action and guard, with the type of variable it works on.
 * build-machine hands these to XState's setup(); the checker uses the same table to check files.
 */
type Context = Record<string, VariableValue>;
type Event = { type: string };

export const actions = {
  add: assign<Context, Event, { var: string; by: number }, Event, never>(({ context }, params) => ({
    [params.var]: (context[params.var] as number) + params.by,
  })),
  set: assign<Context, Event, { var: string; value: VariableValue }, Event, never>((_, params) => ({
    [params.var]: params.value,
  })),
};

export const guards = {
  atLeast: ({ context }: { context: Context }, params: { var: string; value: number }) =>
    (context[params.var] as number) >= params.value,
  atMost: ({ context }: { context: Context }, params: { var: string; value: number }) =>
    (context[params.var] as number) <= params.value,
  equals: ({ context }: { context: Context }, params: { var: string; value: VariableValue }) =>
    context[params.var] === params.value,
};

export const ACTION_NAMES = Object.keys(actions) as (keyof typeof actions)[];
export const GUARD_NAMES = Object.keys(guards) as (keyof typeof guards)[];

/** The type a variable must have for this action or guard to make sense. */
export function requiredVariableType(ref: ActionRef | GuardRef): 'number' | 'string' | 'boolean' {
  switch (ref.type) {
    case 'add':
    case 'atLeast':
    case 'atMost':
      return 'number';
    case 'set':
    case 'equals':
      return typeof ref.params.value as 'number' | 'string' | 'boolean';
  }
}

/** The type of a declared variable, or undefined if the scenario has no such variable. */
export function variableType(context: ScenarioContext | undefined, name: string): string | undefined {
  return context && Object.hasOwn(context, name) ? typeof context[name] : undefined;
}
