import { BARRIERS, findBarrier } from './barriers.ts';
import { didYouMean } from './did-you-mean.ts';
import type { ActionRef, Actions, GuardRef, Scenario } from './scenario.types.ts';
import { alternativeInWords, pointer, type ScenarioIssue, scenarioIssue } from './scenario-issue.ts';
import { hasWayOut, stateChoices, stateRoutes, type WalkedState } from './scenario-walk.ts';
import { indexStates, type StateIndex } from './state-targets.ts';
import { findTactic, TACTICS } from './tactics.ts';
import { declaredLanguages } from './text.ts';
import { textFields } from './text-fields.ts';
import { delayProblem } from './timed-choice.ts';
import { requiredVariableType, variableType } from './vocabulary.ts';

/** Up to this many states are listed in a message about a target; more would drown it. */
const MAX_LISTED = 12;

/**
 * The rules a schema cannot express: names that must refer to something, text in every declared
 * language, and states that make sense as scenes, routers or endings. Runs on a schema-valid file.
 */
export function checkSemantics(scenario: Scenario, fileId?: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const index = indexStates(scenario);
  if (fileId !== undefined && scenario.id !== fileId) {
    issues.push(scenarioIssue('idMismatch', '/id', `The id "${scenario.id}" must equal the file name "${fileId}".`));
  }
  issues.push(...checkLanguages(scenario), ...checkIds(index));
  if (!scenario.states[scenario.initial]) {
    issues.push(unknownInitial(scenario.initial, Object.keys(scenario.states), '/initial'));
  } else if (scenario.states[scenario.initial].type === 'final') {
    const scenes = Object.keys(scenario.states).filter((key) => scenario.states[key].type !== 'final');
    issues.push(
      scenarioIssue(
        'startsAtEnding',
        '/initial',
        `The story starts at "${scenario.initial}", which is an ending, so the learner has nothing to decide. ${
          scenes.length ? `Start at a scene (${scenes.join(', ')}).` : 'Add a scene with choices and start there.'
        }`,
      ),
    );
  }
  for (const walked of index.states.values()) issues.push(...checkState(scenario, index, walked));
  issues.push(...checkAssumedChoices(index), ...checkPresent(scenario, index), ...checkEventlessLoops(index));
  return issues;
}

function checkLanguages(scenario: Scenario): ScenarioIssue[] {
  const declared = declaredLanguages(scenario);
  const issues: ScenarioIssue[] = [];
  if (!declared.includes(scenario.meta.language)) {
    issues.push(
      scenarioIssue(
        'undeclaredLanguage',
        '/meta/language',
        `"${scenario.meta.language}" is not in meta.languages (${declared.join(', ')}).`,
      ),
    );
  }
  for (const { path, text } of textFields(scenario)) {
    const present = typeof text === 'string' ? [scenario.meta.language] : Object.keys(text);
    for (const language of declared.filter((l) => !present.includes(l))) {
      issues.push(
        scenarioIssue('missingText', path, `No "${language}" text; the scenario declares ${declared.join(', ')}.`),
      );
    }
    for (const language of present.filter((l) => !declared.includes(l))) {
      issues.push(
        scenarioIssue(
          'undeclaredLanguage',
          `${path}${typeof text === 'string' ? '' : pointer(language)}`,
          `"${language}" is not a declared language (${declared.join(', ')}).`,
        ),
      );
    }
  }
  return issues;
}

function checkIds(index: StateIndex): ScenarioIssue[] {
  const seen = new Map<string, string>();
  const issues: ScenarioIssue[] = [];
  for (const { state, at } of index.states.values()) {
    if (!state.id) continue;
    const first = seen.get(state.id);
    if (first)
      issues.push(scenarioIssue('schema', pointer(...at, 'id'), `The id "${state.id}" is already used at ${first}.`));
    else seen.set(state.id, pointer(...at));
  }
  return issues;
}

function checkState(scenario: Scenario, index: StateIndex, walked: WalkedState): ScenarioIssue[] {
  const { state, at } = walked;
  const here = pointer(...at);
  const issues: ScenarioIssue[] = [];
  const isFinal = state.type === 'final';
  const isLeaf = !state.states;

  if (state.initial && state.states && !state.states[state.initial]) {
    issues.push(unknownInitial(state.initial, Object.keys(state.states), pointer(...at, 'initial')));
  }
  if (state.type === 'atomic' && state.states)
    issues.push(scenarioIssue('schema', here, 'An atomic state cannot have child states.'));
  if (state.type === 'compound' && !state.states)
    issues.push(scenarioIssue('schema', here, 'A compound state needs child states.'));
  if (isFinal && (hasWayOut(state) || state.states)) {
    issues.push(
      scenarioIssue(
        'finalWithChoices',
        here,
        'An ending ("type": "final") cannot have choices, routes or child states.',
      ),
    );
  }
  if (!isFinal && state.meta?.ending) {
    issues.push(
      scenarioIssue('schema', pointer(...at, 'meta', 'ending'), 'Only an ending ("type": "final") has meta.ending.'),
    );
  }
  if (!isFinal && state.meta?.assumes) {
    issues.push(
      scenarioIssue(
        'schema',
        pointer(...at, 'meta', 'assumes'),
        'Only an ending ("type": "final") has meta.assumes: the choices every path to it has taken.',
      ),
    );
  }
  if (!isFinal && isLeaf && !leadsOut(walked)) {
    issues.push(
      scenarioIssue(
        'deadEnd',
        here,
        'This state has no way out and is not an ending: add choices, or make it "type": "final".',
      ),
    );
  }
  if (!isFinal && isLeaf && (state.on || state.after)) {
    for (const key of ['narrative', 'stage'] as const) {
      if (state.meta?.[key] === undefined) {
        const lacking = state.meta ? pointer(...at, 'meta') : here; // reported at the object that lacks it
        issues.push(scenarioIssue('sceneMeta', lacking, `A scene with choices needs meta.${key}.`));
      }
    }
  }

  for (const delay of Object.keys(state.after ?? {})) {
    const problem = delayProblem(delay);
    if (problem) issues.push(scenarioIssue('delay', pointer(...at, 'after', delay), problem));
  }
  for (const { choice, at: choiceAt } of stateChoices(state, at)) {
    issues.push(...checkTarget(index, walked, choice.target, choiceAt));
    if (choice.guard) issues.push(...checkVariable(scenario, choice.guard, [...choiceAt, 'guard']));
    issues.push(...checkActions(scenario, choice.actions, [...choiceAt, 'actions']));
    for (const tactic of Object.keys(choice.meta.tactics ?? {})) {
      if (!findTactic(tactic)) {
        const known = TACTICS.map((t) => t.id).join(', ');
        issues.push(
          scenarioIssue(
            'unknownTactic',
            pointer(...choiceAt, 'meta', 'tactics', tactic),
            `Unknown tactic "${tactic}"; the tactics are ${known}.`,
          ),
        );
      }
    }
    const { barrier } = choice.meta;
    if (barrier !== undefined && !findBarrier(barrier)) {
      const known = BARRIERS.map((b) => b.id);
      issues.push(
        scenarioIssue(
          'unknownBarrier',
          pointer(...choiceAt, 'meta', 'barrier'),
          `Unknown barrier "${barrier}".${didYouMean(barrier, known)} The barriers are ${known.join(', ')} (src/engine/barriers.json).`,
        ),
      );
    }
  }
  for (const { route, at: routeAt } of stateRoutes(state, at)) {
    issues.push(...checkTarget(index, walked, route.target, routeAt));
    if (route.guard) issues.push(...checkVariable(scenario, route.guard, [...routeAt, 'guard']));
    issues.push(...checkActions(scenario, route.actions, [...routeAt, 'actions']));
  }
  issues.push(...checkShadowedAlternatives(walked));
  issues.push(
    ...checkActions(scenario, state.entry, [...at, 'entry']),
    ...checkActions(scenario, state.exit, [...at, 'exit']),
  );
  return issues;
}

/**
 * An ending's `assumes` names choices by their event names (keys of `on`); a name no scene offers is
 * a typo or a renamed choice, and would make the path check vacuous. Whether every path to the
 * ending takes them is checked on the graph (graph-check), where guards and variables are known.
 */
function checkAssumedChoices(index: StateIndex): ScenarioIssue[] {
  const events = new Set<string>();
  for (const { state } of index.states.values()) for (const event of Object.keys(state.on ?? {})) events.add(event);
  const known = [...events];
  const issues: ScenarioIssue[] = [];
  for (const { state, at, keys } of index.states.values()) {
    if (state.type !== 'final') continue;
    for (const [i, event] of (state.meta?.assumes ?? []).entries()) {
      if (events.has(event)) continue;
      issues.push(
        scenarioIssue(
          'unknownChoice',
          pointer(...at, 'meta', 'assumes', i),
          `The ending "${keys.join('.')}" assumes the choice ${event}, but no scene offers a choice called ${event}.${didYouMean(event, known)} Name choices by their event names, the keys of "on".`,
        ),
      );
    }
  }
  return issues;
}

/** A state leads out if it, or any state enclosing it, has transitions. */
function leadsOut(walked: WalkedState): boolean {
  for (let w: WalkedState | undefined = walked; w; w = w.parent) if (hasWayOut(w.state)) return true;
  return false;
}

function unknownInitial(initial: string, children: readonly string[], path: string): ScenarioIssue {
  return scenarioIssue(
    'unknownTarget',
    path,
    `"${initial}" is not a state here.${didYouMean(initial, children)} The states are ${children.join(', ')}.`,
  );
}

/** A scene's `present` names people of the cast by id: one not in it is a typo or someone since removed. */
function checkPresent(scenario: Scenario, index: StateIndex): ScenarioIssue[] {
  const cast = Object.keys(scenario.meta.cast ?? {});
  const issues: ScenarioIssue[] = [];
  for (const { state, at, keys } of index.states.values()) {
    for (const [i, id] of (state.meta?.present ?? []).entries()) {
      if (Object.hasOwn(scenario.meta.cast ?? {}, id)) continue;
      issues.push(
        scenarioIssue(
          'unknownPerson',
          pointer(...at, 'meta', 'present', i),
          `The scene "${keys.join('.')}" has ${id} present, but the cast has no one with that id.${didYouMean(id, cast)} ${
            cast.length
              ? `The cast is ${cast.join(', ')}: use one of them, or add ${id} to meta.cast.`
              : `Add ${id} to meta.cast with a name, e.g. "cast": { "${id}": { "name": "…" } }.`
          }`,
        ),
      );
    }
  }
  return issues;
}

function checkTarget(
  index: StateIndex,
  from: WalkedState,
  target: string | undefined,
  at: readonly string[],
): ScenarioIssue[] {
  if (target === undefined || index.resolve(from, target)) return [];
  const close = [...new Set(index.suggest(from, target))].slice(0, 3);
  const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
  const siblings = index.siblingsOf(from);
  const listed = siblings.length <= MAX_LISTED ? ` The states here are ${siblings.join(', ')}.` : '';
  return [
    scenarioIssue(
      'unknownTarget',
      pointer(...at, 'target'),
      `"${target}" names no state.${hint}${listed} A target is a sibling's key, ".child", or "#id".`,
    ),
  ];
}

function checkActions(scenario: Scenario, actions: Actions | undefined, at: readonly string[]): ScenarioIssue[] {
  if (actions === undefined) return [];
  if (!Array.isArray(actions)) return checkVariable(scenario, actions as ActionRef, at);
  return actions.flatMap((action, i) => checkVariable(scenario, action, [...at, String(i)]));
}

function checkVariable(scenario: Scenario, ref: ActionRef | GuardRef, at: readonly string[]): ScenarioIssue[] {
  const name = ref.params.var;
  const actual = variableType(scenario.context, name);
  const path = pointer(...at, 'params', 'var');
  if (actual === undefined) {
    const declared = Object.keys(scenario.context ?? {});
    const hint = declared.length ? `the variables are ${declared.join(', ')}` : 'declare it in "context"';
    return [scenarioIssue('unknownVariable', path, `Unknown variable "${name}"; ${hint}.`)];
  }
  const required = requiredVariableType(ref);
  if (actual !== required) {
    return [
      scenarioIssue(
        'variableType',
        path,
        `"${ref.type}" needs "${name}" to be a ${required}, but it starts as a ${actual}.`,
      ),
    ];
  }
  return [];
}

/** Among guarded alternatives, an unguarded one takes every case, so nothing after it can ever be taken. */
function checkShadowedAlternatives({ state, at }: WalkedState): ScenarioIssue[] {
  const groups: { list: readonly { guard?: GuardRef }[]; at: readonly string[] }[] = [];
  for (const group of ['on', 'after'] as const) {
    for (const [key, choices] of Object.entries(state[group] ?? {})) {
      if (Array.isArray(choices)) groups.push({ list: choices, at: [...at, group, key] });
    }
  }
  if (Array.isArray(state.always)) groups.push({ list: state.always, at: [...at, 'always'] });
  return groups.flatMap(({ list, at: groupAt }) => {
    const open = list.findIndex((alternative) => !alternative.guard);
    if (open < 0 || open >= list.length - 1) return [];
    const path = pointer(...groupAt, open + 1);
    const never = alternativeInWords(path) ?? '';
    const first = alternativeInWords(pointer(...groupAt, open)) ?? '';
    return [
      scenarioIssue(
        'unreachable',
        path,
        `${capitalise(never)} is never taken: ${first} before it has no guard, so it always wins. Give it a guard, or move it last.`,
      ),
    ];
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Eventless routes that lead back round without a choice would loop for ever; they are refused outright. */
function checkEventlessLoops(index: StateIndex): ScenarioIssue[] {
  const next = new Map<string, string[]>();
  for (const walked of index.states.values()) {
    if (walked.state.states) continue;
    const targets: string[] = [];
    for (let w: WalkedState | undefined = walked; w; w = w.parent) {
      for (const { route } of stateRoutes(w.state, w.at)) {
        const keys = index.resolve(w, route.target);
        const leaf = keys && index.enteredLeaf(keys);
        if (leaf) targets.push(leaf.join('.'));
      }
    }
    next.set(walked.keys.join('.'), targets);
  }
  // Depth-first, with an explicit stack: a long chain of routes must not overflow the call stack.
  const issues: ScenarioIssue[] = [];
  const done = new Set<string>();
  for (const root of next.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    const work: [key: string, nextTarget: number][] = [[root, 0]];
    while (work.length) {
      const frame = work[work.length - 1];
      const [key, i] = frame;
      if (i === 0) {
        if (done.has(key)) {
          work.pop();
          continue;
        }
        if (onPath.has(key)) {
          const loopStart = path.indexOf(key);
          const at = index.states.get(key)?.at ?? [];
          const loop = [...path.slice(loopStart), key].join(' → ');
          issues.push(
            scenarioIssue('eventlessLoop', pointer(...at), `Eventless routes loop without a choice: ${loop}.`),
          );
          work.pop();
          continue;
        }
        path.push(key);
        onPath.add(key);
      }
      const targets = next.get(key) ?? [];
      if (i < targets.length) {
        frame[1]++;
        work.push([targets[i], 0]);
      } else {
        work.pop();
        onPath.delete(path.pop() as string);
        done.add(key);
      }
    }
  }
  return issues;
}
