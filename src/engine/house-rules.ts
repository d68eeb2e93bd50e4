import { untaggedChoices } from './barriers.ts';
import type { LoadedScenario } from './load-scenario.types.ts';
import type { Scenario, ScenarioState } from './scenario.types.ts';
import { pointer } from './scenario-issue.ts';
import { practisedTactics, stateChoices, walkStates } from './scenario-walk.ts';
import { findTactic } from './tactics.ts';
import { declaredLanguages } from './text.ts';

/**
 * The library's house rules: what every scenario shipped in `scenarios/` must offer a learner and a
 * facilitator, beyond the format. `npm run scenarios:check` applies them to files in `scenarios/`
 * and the content tests assert them, from this one module, so the checker's `ok` means what the
 * tests mean. A scenario kept elsewhere (a trainer's own) needs only the format.
 */
export const HOUSE_RULES = {
  longestPath: 'has at least 4 decisions on its longest path',
  endingKinds: 'can end well, mixed and badly',
  timedChoice: 'has a timed choice',
  guardedBranch: 'has a branch guarded on a variable',
  coreTactics: 'practises at least two of the three core tactics',
  harmfulChoice: 'offers a tempting choice that does harm',
  checkingIn: 'rewards checking in afterwards (the delay tactic)',
  discussion: 'gives every decision scene a discussion prompt, a question in every language it declares',
  barriers: 'names the barrier behind every choice that does harm, lets the moment pass or is taken when time runs out',
} as const;

/**
 * A booster's house rules (`meta.kind: "booster"`): a 2–3 minute refresher played weeks after a full
 * scenario, from a reminder. The full rules above do not apply to it; these do.
 */
export const BOOSTER_RULES = {
  boosterDecisions: 'has 1 or 2 decisions on its longest path',
  boosterMinutes: 'takes at most 3 minutes',
  boosterEndings: 'can end at least two ways (two ending kinds)',
  boosterStages: 'puts every decision at a responsibility or act moment',
  boosterLanguages: 'is written in English and Spanish',
  discussion: HOUSE_RULES.discussion,
  barriers: HOUSE_RULES.barriers,
} as const;

export type HouseRule = keyof typeof HOUSE_RULES | keyof typeof BOOSTER_RULES;

/** True for a booster (`meta.kind: "booster"`), which keeps BOOSTER_RULES instead of HOUSE_RULES. */
export function isBooster(scenario: Scenario): boolean {
  return scenario.meta.kind === 'booster';
}

/** A house rule a scenario breaks: which, where (JSON Pointer), and what to add. */
export interface HouseRuleIssue {
  readonly rule: HouseRule;
  readonly path: string;
  readonly message: string;
}

/**
 * Every house rule a checked scenario breaks, in the order of HOUSE_RULES (or of BOOSTER_RULES for a
 * booster).
 */
export function checkHouseRules(loaded: LoadedScenario): HouseRuleIssue[] {
  return isBooster(loaded.scenario) ? checkBoosterRules(loaded) : checkFullRules(loaded);
}

function checkFullRules(loaded: LoadedScenario): HouseRuleIssue[] {
  const { scenario, analysis } = loaded;
  const issues: HouseRuleIssue[] = [];
  const broken = (rule: HouseRule, path: string, message: string) => issues.push({ rule, path, message });
  const states = [...walkStates(scenario)];
  const transitions = states.flatMap(({ state }) =>
    [...Object.values(state.on ?? {}), ...Object.values(state.after ?? {}), state.always ?? []].flat(),
  );

  if (!(analysis.longestPath >= 4)) {
    broken(
      'longestPath',
      '/states',
      `The longest path has ${analysis.longestPath} decisions; library scenarios have at least 4.`,
    );
  }
  const kinds = new Map(states.map(({ keys, state }) => [keys.join('.'), state.meta?.ending?.kind]));
  const reached = new Set(analysis.endings.map((key) => kinds.get(key)));
  const missing = (['good', 'mixed', 'poor'] as const).filter((kind) => !reached.has(kind));
  if (missing.length) {
    broken(
      'endingKinds',
      '/states',
      `No reachable ending of kind ${missing.map((k) => `"${k}"`).join(', ')}; library scenarios can end well, mixed and badly.`,
    );
  }
  if (!states.some(({ state }) => state.after)) {
    broken(
      'timedChoice',
      '/states',
      'No timed choice: add an "after" choice to a scene, for when the learner hesitates.',
    );
  }
  if (!transitions.some((t) => t.guard)) {
    broken(
      'guardedBranch',
      '/states',
      'No choice or route is guarded on a variable: let an earlier choice change what happens later.',
    );
  }
  const practised = practisedTactics(scenario);
  const core = practised.filter((t) => findTactic(t)?.core);
  if (core.length < 2) {
    broken(
      'coreTactics',
      '/states',
      `Practises ${core.length} of the three core tactics (stepForward, speakUp, bringOthers); library scenarios practise at least two.`,
    );
  }
  const choices = states.flatMap(({ state, at }) => [...stateChoices(state, at)].map(({ choice }) => choice));
  if (!choices.some((choice) => (choice.meta.harm ?? 0) > 0)) {
    broken(
      'harmfulChoice',
      '/states',
      'No choice does harm: offer a tempting response that makes things worse, with "harm" points.',
    );
  }
  if (!practised.includes('delay')) {
    broken(
      'checkingIn',
      '/states',
      'No choice practises "delay": reward checking in with the person targeted afterwards.',
    );
  }
  issues.push(...checkDiscussion(scenario, states), ...checkBarriers(loaded));
  return issues;
}

function checkBoosterRules(loaded: LoadedScenario): HouseRuleIssue[] {
  const { scenario, analysis } = loaded;
  const issues: HouseRuleIssue[] = [];
  const broken = (rule: HouseRule, path: string, message: string) => issues.push({ rule, path, message });
  const states = [...walkStates(scenario)];
  if (!(analysis.longestPath >= 1 && analysis.longestPath <= 2)) {
    broken(
      'boosterDecisions',
      '/states',
      `The longest path has ${analysis.longestPath} decisions; a booster has 1 or 2.`,
    );
  }
  if (scenario.meta.minutes > 3) {
    broken('boosterMinutes', '/meta/minutes', `Takes ${scenario.meta.minutes} minutes; a booster takes at most 3.`);
  }
  const kinds = new Map(states.map(({ keys, state }) => [keys.join('.'), state.meta?.ending?.kind]));
  const reached = new Set(analysis.endings.map((key) => kinds.get(key)));
  if (reached.size < 2) {
    broken('boosterEndings', '/states', `Reaches ${reached.size} kind of ending; a booster can end at least two ways.`);
  }
  for (const { state, at } of states) {
    const isDecision = !state.states && state.type !== 'final' && (state.on || state.after);
    const stage = state.meta?.stage;
    if (isDecision && stage !== 'responsibility' && stage !== 'act') {
      broken(
        'boosterStages',
        pointer(...at, 'meta', 'stage'),
        `A booster decision is a "responsibility" or "act" moment; this one is ${stage ? `"${stage}"` : 'unset'}.`,
      );
    }
  }
  const languages = declaredLanguages(scenario);
  const missing = ['en', 'es'].filter((language) => !languages.includes(language));
  if (missing.length) {
    broken(
      'boosterLanguages',
      '/meta/languages',
      `Not declared in ${missing.join(', ')}; a booster is in English and Spanish.`,
    );
  }
  issues.push(...checkDiscussion(scenario, states), ...checkBarriers(loaded));
  return issues;
}

/** Every choice that does harm, lets the moment pass or is taken when time runs out names its barrier. */
function checkBarriers(loaded: LoadedScenario): HouseRuleIssue[] {
  return untaggedChoices(loaded).map(({ path, message }) => ({ rule: 'barriers', path, message }));
}

function checkDiscussion(
  scenario: Scenario,
  states: readonly { keys: readonly string[]; state: ScenarioState; at: readonly string[] }[],
): HouseRuleIssue[] {
  const languages = declaredLanguages(scenario);
  const issues: HouseRuleIssue[] = [];
  for (const { state, at } of states) {
    const isDecision = !state.states && state.type !== 'final' && (state.on || state.after);
    if (!isDecision) continue;
    const prompts = state.meta?.discussion ?? [];
    if (prompts.length === 0) {
      issues.push({
        rule: 'discussion',
        path: pointer(...at, 'meta'),
        message: 'A decision scene without a discussion prompt: add meta.discussion with a question for the room.',
      });
    }
    prompts.forEach((prompt, i) => {
      for (const language of languages) {
        const text = typeof prompt === 'string' ? prompt : prompt[language];
        if (text !== undefined && !text.trimEnd().endsWith('?')) {
          const path = pointer(...at, 'meta', 'discussion', i, ...(typeof prompt === 'string' ? [] : [language]));
          issues.push({
            rule: 'discussion',
            path,
            message: 'A discussion prompt asks the room a question: end it with "?".',
          });
        }
      }
    });
  }
  return issues;
}

/** What an author should look at again, without failing the check: a deliberate exception is possible. */
export const HOUSE_WARNINGS = {
  harmScoresTactic: 'no choice that does harm earns a tactic point, unless reviewed',
} as const;

export type HouseWarning = keyof typeof HOUSE_WARNINGS;

/** A house warning: which, where (JSON Pointer, at the choice's tactics), and what to do. */
export interface HouseWarningIssue {
  readonly rule: HouseWarning;
  readonly path: string;
  readonly message: string;
}

/**
 * Choices that both do harm and earn tactic points: a threat or an escalation must not score as
 * speaking up. A few are deliberate (speaking up, but over the head of the person targeted): the
 * content test (test/content.test.ts) holds those on a reviewed list, each with its reason.
 */
export function checkHouseWarnings({ scenario }: Pick<LoadedScenario, 'scenario'>): HouseWarningIssue[] {
  const issues: HouseWarningIssue[] = [];
  for (const { state, at } of walkStates(scenario)) {
    for (const { choice, at: choiceAt } of stateChoices(state, at)) {
      const harm = choice.meta.harm ?? 0;
      const scored = Object.entries(choice.meta.tactics ?? {}).filter(([, points]) => points > 0);
      if (harm <= 0 || scored.length === 0) continue;
      const points = scored.map(([tactic, n]) => `${tactic} ${n}`).join(', ');
      issues.push({
        rule: 'harmScoresTactic',
        path: pointer(...choiceAt, 'meta', 'tactics'),
        message: `This choice does harm (${harm}) and still earns tactic points (${points}): a threat or an escalation must not score. Set its tactics to none, unless it is deliberate (speaking up, say, but over the head of the person targeted): then leave it, and let its feedback say what it costs the person targeted.`,
      });
    }
  }
  return issues;
}

/** What the library as a whole covers, beyond each scenario. */
export const LIBRARY_RULES = {
  settings: 'covers every setting: 4 workplace, 3 public transport, 2 social, 2 campus, 1 online, at least',
  bilingual: 'offers every scenario in Spanish as well as English',
  responsibility: 'practises the responsibility step (a decision scene at that stage) in at least 8 scenarios',
  allCoreTactics: 'uses all three core tactics across the library',
  size: 'holds at least 12 scenarios',
} as const;

export type LibraryRule = keyof typeof LIBRARY_RULES;

/** The library rules a set of scenarios breaks, each with what is missing. */
export function checkLibraryRules(all: readonly Scenario[]): { rule: LibraryRule; message: string }[] {
  const issues: { rule: LibraryRule; message: string }[] = [];
  // The library is its full scenarios: a booster refreshes one, it does not stand in for one.
  const scenarios = all.filter((scenario) => !isBooster(scenario));
  const wanted = { workplace: 4, transit: 3, social: 2, campus: 2, online: 1 } as const;
  for (const [setting, least] of Object.entries(wanted)) {
    const n = scenarios.filter((s) => s.meta.setting === setting).length;
    if (n < least)
      issues.push({ rule: 'settings', message: `${n} ${setting} scenarios; the library has at least ${least}.` });
  }
  const englishOnly = scenarios.filter((s) => !['en', 'es'].every((l) => declaredLanguages(s).includes(l)));
  if (englishOnly.length)
    issues.push({
      rule: 'bilingual',
      message: `${englishOnly.length} scenarios not in both English and Spanish (${englishOnly.map((s) => s.id).join(', ')}); every scenario is in both.`,
    });
  const responsibility = scenarios.filter(practisesResponsibility).length;
  if (responsibility < 8)
    issues.push({
      rule: 'responsibility',
      message: `${responsibility} scenarios have a decision scene at the "responsibility" stage; the library has at least 8.`,
    });
  if (scenarios.length < 12)
    issues.push({ rule: 'size', message: `${scenarios.length} scenarios; the library holds at least 12.` });
  const used = new Set(scenarios.flatMap((s) => practisedTactics(s)));
  const unused = ['stepForward', 'speakUp', 'bringOthers'].filter((t) => !used.has(t));
  if (unused.length) issues.push({ rule: 'allCoreTactics', message: `No scenario practises ${unused.join(', ')}.` });
  return issues;
}

/** True when some scene with choices has `stage: "responsibility"`: the step where bystanders decide it is theirs to act. */
export function practisesResponsibility(scenario: Scenario): boolean {
  for (const { state, at } of walkStates(scenario)) {
    const hasChoices = !stateChoices(state, at).next().done;
    if (hasChoices && !state.states && state.meta?.stage === 'responsibility') return true;
  }
  return false;
}
