import type { Text } from './scenario.types.ts';
import taxonomy from './tactics.json' with { type: 'json' };

/** One of the 5Ds of bystander intervention. */
export type FiveD = 'direct' | 'distract' | 'delegate' | 'delay' | 'document';

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
  /** An #IWill commitment suggested to learners who practised it. */
  readonly pledge: Text;
}

/** Every tactic, from the one data file trainers edit. */
export const TACTICS: readonly Tactic[] = taxonomy.tactics as Tactic[];

const byId = new Map(TACTICS.map((t) => [t.id, t]));

export function findTactic(id: string): Tactic | undefined {
  return byId.get(id);
}
