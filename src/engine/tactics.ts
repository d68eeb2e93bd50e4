import type { Scenario, Setting, Text } from './scenario.types.ts';
import { practisedTactics } from './scenario-walk.ts';
import taxonomy from './tactics.json' with { type: 'json' };

/** One of the 5Ds of bystander intervention. */
export type FiveD = 'direct' | 'distract' | 'delegate' | 'delay' | 'document';

/**
 * A tactic's #IWill commitments: `default` fits any setting; a setting's own, where given, replaces it
 * there (whom to bring in differs on a bus, at work and in a group chat).
 */
export type Pledges = { readonly default: Text } & { readonly [setting in Setting]?: Text };

/** A bystander tactic a choice can earn points for. */
export interface Tactic {
  /** camelCase id that scenarios use in a choice's `tactics`. */
  readonly id: string;
  /** Its name, as learners read it. */
  readonly name: Text;
  /** What it means, in one line. */
  readonly description: Text;
  /** The 5Ds it draws on. */
  readonly fiveDs: readonly FiveD[];
  /** One of the three core tactics every scenario is built around. */
  readonly core: boolean;
  /** The #IWill commitments suggested to learners who practised it, by setting. */
  readonly pledge: Pledges;
}

/** Every tactic, from the one data file trainers edit. */
export const TACTICS: readonly Tactic[] = taxonomy.tactics as Tactic[];

const byId = new Map(TACTICS.map((t) => [t.id, t]));

export function findTactic(id: string): Tactic | undefined {
  return byId.get(id);
}

/** The #IWill commitment a tactic suggests in a setting: the setting's own, else the default. */
export function pledgeFor(tactic: Tactic, setting: Setting): Text {
  return tactic.pledge[setting] ?? tactic.pledge.default;
}

/** The #IWill commitments suggested after a scenario: one per tactic it practises, fitting its setting. */
export function suggestedPledges(scenario: Scenario): Text[] {
  return practisedTactics(scenario).flatMap((id) => {
    const tactic = findTactic(id);
    return tactic ? [pledgeFor(tactic, scenario.meta.setting)] : [];
  });
}
