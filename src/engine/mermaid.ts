import type { Scenario, ScenarioState } from './scenario.types.ts';
import { stateChoices, stateRoutes } from './scenario-walk.ts';
import { indexStates } from './state-targets.ts';
import { localize } from './text.ts';

/**
 * A Mermaid state diagram of a scenario: every choice an edge labelled with its text and tactics,
 * timed choices marked ⏱, guarded ones with their condition, endings into [*].
 */
export function toMermaid(scenario: Scenario): string {
  const index = indexStates(scenario);
  const lang = scenario.meta.language;
  const id = (keys: readonly string[]) => keys.join('__');
  const lines = ['stateDiagram-v2', `  [*] --> ${scenario.initial}`];

  const draw = (states: Readonly<Record<string, ScenarioState>>, keys: readonly string[], indent: string) => {
    for (const [key, state] of Object.entries(states)) {
      const here = [...keys, key];
      const walked = index.states.get(here.join('.'));
      if (!walked) continue;
      if (state.states && state.initial) {
        lines.push(`${indent}state ${id(here)} {`, `${indent}  [*] --> ${id([...here, state.initial])}`);
        draw(state.states, here, `${indent}  `);
        lines.push(`${indent}}`);
      }
      if (state.type === 'final') lines.push(`${indent}${id(here)} --> [*]`);
      for (const { group, key: event, choice } of stateChoices(state, walked.at)) {
        const target = choice.target === undefined ? here : index.resolve(walked, choice.target);
        if (!target) continue;
        const tactics = Object.entries(choice.meta.tactics ?? {})
          .filter(([, p]) => p > 0)
          .map(([t, p]) => `${t} ${p}`);
        if (choice.meta.harm) tactics.push(`harm ${choice.meta.harm}`);
        const parts = [
          group === 'after' ? `⏱ ${Number(event) / 1000}s: ` : '',
          localize(choice.meta.label, lang, lang),
          tactics.length ? ` [${tactics.join(', ')}]` : '',
          choice.guard ? ` if ${guardText(choice.guard)}` : '',
        ];
        lines.push(`${indent}${id(here)} --> ${id(target)}: ${escapeLabel(parts.join(''))}`);
      }
      for (const { route } of stateRoutes(state, walked.at)) {
        const target = index.resolve(walked, route.target);
        if (target)
          lines.push(
            `${indent}${id(here)} --> ${id(target)}: ${escapeLabel(route.guard ? `if ${guardText(route.guard)}` : 'otherwise')}`,
          );
      }
    }
  };
  draw(scenario.states, [], '  ');
  return `${lines.join('\n')}\n`;
}

function guardText(guard: { type: string; params: { var: string; value: unknown } }): string {
  const op = { atLeast: '≥', atMost: '≤', equals: '=' }[guard.type] ?? guard.type;
  return `${guard.params.var} ${op} ${JSON.stringify(guard.params.value)}`;
}

/** Mermaid ends a label at a newline and reads ; # : as syntax: write them as entity codes. */
function escapeLabel(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[;#:"<>{}]/g, (c) => `#${c.charCodeAt(0)};`);
}
