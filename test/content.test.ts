import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../src/cli/scenario-files.ts';
import {
  BARRIERS,
  checkHouseWarnings,
  findBarrier,
  type Scenario,
  type Text,
  textFields,
  untaggedChoices,
  walkStates,
} from '../src/engine/index.ts';
import { stateChoices } from '../src/engine/scenario-walk.ts';
import { loadRealScenario } from './support/scenario-files.ts';

/**
 * What the shipped scenarios say, checked against what they do: harm never scores a tactic without a
 * recorded reason, every text is in Spanish too, and an ending that credits the learner's evidence
 * declares the choice that produced it (the checker then proves every path to it took that choice).
 */
const ids = scenarioFiles([]).map((file) => file.replace(/^scenarios\//, '').replace(/\.json$/, ''));
const scenarios = ids.map((id) => loadRealScenario(id).scenario);

/**
 * Choices that do harm and still earn a tactic point, each reviewed: "scenario scene EVENT" → why
 * the point stands. A threat or an escalation never belongs here: set its tactics to none instead.
 */
const REVIEWED_HARM_WITH_TACTICS: Readonly<Record<string, string>> = {
  'friends-night-out afterwards COMPLAIN_FOR_HER':
    'Naming the groping to the manager is speaking up; doing it without asking Luz takes her decision away, which is the harm.',
  'group-chat-photo jess REPORT_TO_POLICE_YOURSELF':
    'Reporting the shared image is speaking up; doing it without telling Jess takes her decision away, which is the harm.',
  'hand-on-the-back checkIn REPORT_FOR_HER':
    'Telling HR is speaking up about Mark; doing it against Priya’s wishes, on probation, is the harm (the "overruled" ending).',
  'house-party garden CONFRONT_RYAN_PUBLICLY':
    'Naming what Ryan tried is speaking up; announcing it to the party makes Emma the story without her say, which is the harm.',
  'meeting-jokes afterMeeting REPORT_FOR_HER':
    'Telling HR is speaking up about Greg; doing it whatever Aisha thinks is the harm.',
  'the-confidentiality-clause options FIX_IT_FOR_HER':
    'Raising it with the client is speaking up; taking it over from Mei, with her NDA at stake, is the harm.',
  'the-lab corridor CONFRONT_HALE':
    'Telling Hale to his face that it is not OK is speaking up; doing it alone and in anger, with Sofia’s funding at stake and without her, is the harm.',
};

interface HarmfulChoice {
  readonly key: string;
  readonly harm: number;
  readonly tactics: string;
}

/** Every choice in a scenario that does harm and earns points, as "scenario scene EVENT". */
function harmfulScoringChoices(scenario: Scenario): HarmfulChoice[] {
  const found: HarmfulChoice[] = [];
  for (const { keys, state, at } of walkStates(scenario)) {
    for (const { key, choice } of stateChoices(state, at)) {
      const scored = Object.entries(choice.meta.tactics ?? {}).filter(([, points]) => points > 0);
      const harm = choice.meta.harm ?? 0;
      if (harm > 0 && scored.length) {
        found.push({
          key: `${scenario.id} ${keys.join('.')} ${key}`,
          harm,
          tactics: scored.map(([t, n]) => `${t} ${n}`).join(', '),
        });
      }
    }
  }
  return found;
}

describe('harm never scores a tactic without a reviewed reason', () => {
  it.each(ids)('%s', (id) => {
    const scenario = scenarios[ids.indexOf(id)];
    const found = harmfulScoringChoices(scenario);
    const unreviewed = found
      .filter(({ key }) => !REVIEWED_HARM_WITH_TACTICS[key])
      .map(({ key, harm, tactics }) => `${key}: harm ${harm}, yet scores ${tactics}`);
    expect(unreviewed).toEqual([]);
    // The checker warns about the same choices, so an author sees them before this test does.
    expect(checkHouseWarnings({ scenario }).length).toBe(found.length);
  });

  it('gives every reviewed choice a reason', () => {
    for (const [key, reason] of Object.entries(REVIEWED_HARM_WITH_TACTICS)) {
      expect([key, reason.length > 40 && /[.!]$/.test(reason)]).toEqual([key, true]);
    }
  });
});

describe('every choice where a learner gets stuck names the barrier behind it', () => {
  /** "scenario scene EVENT" for each choice that does harm or is taken on timeout, with the barrier it names. */
  const stuckChoices = (scenario: Scenario) =>
    [...walkStates(scenario)].flatMap(({ keys, state, at }) =>
      [...stateChoices(state, at)]
        .filter(({ choice }) => (choice.meta.harm ?? 0) > 0 || choice.meta.timeout)
        .map(({ key, choice }) => ({ key: `${scenario.id} ${keys.join('.')} ${key}`, barrier: choice.meta.barrier })),
    );

  it.each(ids)('%s: every choice that does harm, lets the moment pass or runs out of time', (id) => {
    const loaded = loadRealScenario(id);
    expect(untaggedChoices(loaded)).toEqual([]);
    const stuck = stuckChoices(loaded.scenario);
    expect(stuck.length).toBeGreaterThan(0);
    expect(stuck.filter(({ barrier }) => !barrier || !findBarrier(barrier))).toEqual([]);
  });

  it('uses every barrier on the list somewhere in the library, so none is dead weight', () => {
    const used = new Set<string>();
    for (const scenario of scenarios) {
      for (const { state, at } of walkStates(scenario)) {
        for (const { choice } of stateChoices(state, at)) if (choice.meta.barrier) used.add(choice.meta.barrier);
      }
    }
    expect(BARRIERS.map((b) => b.id).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('every text in Spanish as well as English', () => {
  const missing = (scenario: Scenario, language: string) =>
    [...textFields(scenario)].filter(({ text }) => !hasLanguage(text, scenario, language)).map(({ path }) => path);

  it.each(ids)('%s', (id) => {
    const scenario = scenarios[ids.indexOf(id)];
    expect({ id, withoutSpanish: missing(scenario, 'es') }).toEqual({ id, withoutSpanish: [] });
    expect({ id, withoutEnglish: missing(scenario, 'en') }).toEqual({ id, withoutEnglish: [] });
  });
});

function hasLanguage(text: Text, scenario: Scenario, language: string): boolean {
  if (typeof text === 'string') return scenario.meta.language === language && text.trim() !== '';
  return (text[language] ?? '').trim() !== '';
}

/**
 * An ending that tells of the learner's own evidence ("with your dated account", "your description")
 * is true only of paths that produced it: it must say which choice did, in meta.assumes, so the
 * checker can prove every path to it took that choice.
 */
const CREDITS_YOUR_EVIDENCE =
  /\b(with|and|using) your (own )?(dated |written )?(account|notes?|description|screenshots?|statement|evidence|video|recording)\b/i;

describe('endings that credit the learner’s evidence declare the choice behind it', () => {
  it.each(ids)('%s', (id) => {
    const scenario = scenarios[ids.indexOf(id)];
    const undeclared: string[] = [];
    for (const { keys, state } of walkStates(scenario)) {
      const ending = state.meta?.ending;
      if (!ending || state.meta?.assumes?.length) continue;
      const paragraphs = Array.isArray(ending.debrief) ? ending.debrief : [ending.debrief];
      const english = [ending.title, ...paragraphs].map((t: Text) => (typeof t === 'string' ? t : (t.en ?? '')));
      const claim = english.find((t) => CREDITS_YOUR_EVIDENCE.test(t));
      if (claim) undeclared.push(`${keys.join('.')}: "${claim}"`);
    }
    expect(undeclared).toEqual([]);
  });
});
