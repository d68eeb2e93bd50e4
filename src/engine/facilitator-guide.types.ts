import type { ActionRef, EndingKind, GuardRef, LanguageTag, Stage, Text } from './scenario.types.ts';

/** A section of support resources (from the organisation file, `organisation.json`): texts in each interface language. */
export interface SupportSection {
  /** The section's heading. */
  readonly title: Text;
  /** Its resources: a name and what to do or whom to call. */
  readonly items: readonly { readonly name: Text; readonly detail: Text }[];
}

/** What the guide is assembled for. */
export interface GuideOptions {
  /** The reader's language: scenario text in it when the scenario declares it; tactics and support in it, else English. */
  readonly language: LanguageTag;
  /** The support page's resources, printed at the end of the guide. */
  readonly support: readonly SupportSection[];
}

/** Suggested minutes for a group session, along the scenario's longest path. */
export interface GuideTiming {
  /** Welcome, the content note, how voting works. */
  readonly introduction: number;
  /** The decision scenes of the longest path, each read aloud, voted, revealed and discussed. */
  readonly scenes: number;
  /** The group debrief, the #IWill wall and the support resources. */
  readonly debrief: number;
  /** The sum of the three. */
  readonly total: number;
}

/** Where a choice leads, as a facilitator reads it. */
export type GuideDestination =
  | { readonly kind: 'scene'; readonly number: number }
  | { readonly kind: 'ending'; readonly number: number; readonly title: string }
  | { readonly kind: 'stay' };

/** A tactic a choice earns points for, named from the tactics data file. */
export interface GuideTacticPoints {
  readonly id: string;
  /** Its name in the reader's language (the id if the taxonomy no longer has it). */
  readonly name: string;
  /** Points, 0–3. */
  readonly points: number;
}

/** One response on offer in a scene. */
export interface GuideChoice {
  /** What the learner clicks. */
  readonly label: string;
  /** Why it helps or hurts. */
  readonly feedback: string;
  /** The tactics it earns points for, in the file's order. */
  readonly tactics: readonly GuideTacticPoints[];
  /** Points lost for making things worse (0 when none). */
  readonly harm: number;
  /** For a timed choice (taken when time runs out), its delay in seconds. */
  readonly timedSeconds: number | undefined;
  /** When given, it is offered only while this holds (a guarded alternative): the file's guard. */
  readonly condition: GuardRef | undefined;
  /** What it changes in the story's variables, in order: the file's actions. */
  readonly effects: readonly ActionRef[];
  /** Where it can lead: more than one when the story routes on earlier choices. */
  readonly leadsTo: readonly GuideDestination[];
}

/** A decision scene, numbered in the order a group meets them. */
export interface GuideScene {
  /** 1-based, breadth first from the start. */
  readonly number: number;
  /** The state's dotted keys, e.g. `party.kitchen`. */
  readonly key: string;
  /** The bystander step it exercises. */
  readonly stage: Stage | undefined;
  /** The story, paragraph by paragraph. */
  readonly narrative: readonly string[];
  /** The question put to the room, if the scene has its own. */
  readonly prompt: string | undefined;
  readonly choices: readonly GuideChoice[];
  /** Discussion prompts for after the reveal. */
  readonly discussion: readonly string[];
  /** Heads-ups for the facilitator only. */
  readonly notes: readonly string[];
  /** Suggested minutes: reading aloud, voting, the reveal and discussion. */
  readonly minutes: number;
}

/** An ending and what the room takes from it. */
export interface GuideEnding {
  /** 1-based, in the file's order. */
  readonly number: number;
  readonly key: string;
  readonly title: string;
  readonly kind: EndingKind;
  readonly debrief: readonly string[];
}

/** Everything a facilitator needs on paper to run one scenario with a group, in one language. */
export interface FacilitatorGuide {
  readonly id: string;
  /** The language the scenario's own text is in (the reader's, if the scenario declares it). */
  readonly contentLanguage: LanguageTag;
  readonly title: string;
  readonly summary: string;
  readonly contentNote: string;
  /** The scenario's own estimate of playing time alone, in minutes. */
  readonly minutes: number;
  readonly timing: GuideTiming;
  readonly scenes: readonly GuideScene[];
  readonly endings: readonly GuideEnding[];
  /** The tactics the scenario practises, with what each means. */
  readonly tactics: readonly { readonly id: string; readonly name: string; readonly description: string }[];
  readonly support: readonly {
    readonly title: string;
    readonly items: readonly { readonly name: string; readonly detail: string }[];
  }[];
}
