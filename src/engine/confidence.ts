import items from './confidence-items.json' with { type: 'json' };
import type { Stage, Text } from './scenario.types.ts';

/**
 * Confidence to act (bystander efficacy): a few questions, each answered from 0 (not at all sure I
 * could) to 100 (completely sure I could), asked before practice and again after a debrief, so a
 * learner sees their own change. This module decides when to ask and what changed; it keeps nothing.
 */

/** One question, from the one data file `confidence-items.json`. */
export interface ConfidenceItem {
  /** Stable camelCase id; stored answers and reports use it. */
  readonly id: string;
  /** The bystander step it asks about, if it is a step. */
  readonly step?: Stage;
  /** The tactic (from `tactics.json`) it asks about, if it is a tactic. */
  readonly tactic?: string;
  /** What it measures, for researchers (English). */
  readonly construct: string;
  /** A short name, as in "Speak up: 40 before, 75 now". */
  readonly name: Text;
  /** The question: what the learner rates their confidence to do. */
  readonly text: Text;
}

export const CONFIDENCE_ITEMS: readonly ConfidenceItem[] = items.items as ConfidenceItem[];

/** Item id → rating, a whole number from 0 to 100. */
export type Ratings = Readonly<Record<string, number>>;

/** One set of answers. */
export interface ConfidenceAnswers {
  /** When they were given, an ISO 8601 instant. */
  readonly at: string;
  readonly ratings: Ratings;
}

/** What one device remembers of a learner's confidence. */
export interface ConfidenceRecord {
  /** The answers given before any practice. */
  readonly before?: ConfidenceAnswers;
  /** The latest answers given after a debrief. */
  readonly latest?: ConfidenceAnswers;
  /** True once the learner skipped the questions before practice: they are not asked again. */
  readonly beforeSkipped?: boolean;
  /** The local day (YYYY-MM-DD) the questions were last asked after a debrief, answered or skipped. */
  readonly askedAfterOn?: string;
}

/** Before the first scenario, or after a debrief. */
export type Moment = 'before' | 'after';

/** The learner's local calendar day of an instant, as YYYY-MM-DD. */
export function localDay(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * Whether to ask now. Before: only while nothing has been played on this device and the learner has
 * neither answered nor skipped. After a debrief: only if there are answers from before to compare
 * with, and not if the questions were already asked after a debrief on the same local day.
 */
export function isDue(record: ConfidenceRecord, moment: Moment, now: Date, played: boolean): boolean {
  if (moment === 'before') return !record.before && !record.beforeSkipped && !played;
  return record.before !== undefined && record.askedAfterOn !== localDay(now);
}

/** The record once the learner has answered at a moment. */
export function withAnswers(record: ConfidenceRecord, moment: Moment, ratings: Ratings, now: Date): ConfidenceRecord {
  const answers = { at: now.toISOString(), ratings };
  return moment === 'before'
    ? { ...record, before: answers }
    : { ...record, latest: answers, askedAfterOn: localDay(now) };
}

/** The record once the learner has skipped the questions at a moment. */
export function withSkip(record: ConfidenceRecord, moment: Moment, now: Date): ConfidenceRecord {
  return moment === 'before' ? { ...record, beforeSkipped: true } : { ...record, askedAfterOn: localDay(now) };
}

/** How one item moved from before to the latest answers, in points (-100 to 100). */
export interface ItemChange {
  readonly item: ConfidenceItem;
  readonly before: number;
  readonly latest: number;
  readonly change: number;
}

/** Each item answered both before and in the latest answers, in the data file's order; none until both exist. */
export function confidenceChange(record: ConfidenceRecord): ItemChange[] {
  const { before, latest } = record;
  if (!before || !latest) return [];
  return CONFIDENCE_ITEMS.flatMap((item) => {
    const b = before.ratings[item.id];
    const l = latest.ratings[item.id];
    return b === undefined || l === undefined ? [] : [{ item, before: b, latest: l, change: l - b }];
  });
}
