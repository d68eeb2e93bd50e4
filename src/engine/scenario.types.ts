/**
 * The scenario format, version 1: a valid XState v5 machine config in JSON.
 * `scenarios/scenario.schema.json` is the same contract for editors; the schema test keeps them in step.
 */

/** A language tag such as `en` or `es`. */
export type LanguageTag = string;

/** Text a person reads: plain, or one string per language. */
export type Text = string | Readonly<Record<LanguageTag, string>>;

/** One text, or paragraphs of text. */
export type Paragraphs = Text | readonly Text[];

/** Where a scenario takes place. */
export type Setting = 'workplace' | 'transit' | 'social' | 'campus' | 'online';

/** The bystander step a scene exercises (Latané & Darley). */
export type Stage = 'notice' | 'interpret' | 'responsibility' | 'choose' | 'act';

/** How an ending turned out for the person targeted. */
export type EndingKind = 'good' | 'mixed' | 'poor';

/** A library scenario, or a short booster practised weeks later from a reminder. */
export type ScenarioKind = 'full' | 'booster';

/** A value a story variable can hold. */
export type VariableValue = number | string | boolean;

/** The story's variables by name. */
export type ScenarioContext = Readonly<Record<string, VariableValue>>;

/** An action from the engine's closed vocabulary. */
export type ActionRef =
  | {
      /** Add a number to a number variable. */
      readonly type: 'add';
      /** Which variable, and by how much (negative to subtract). */
      readonly params: { readonly var: string; readonly by: number };
    }
  | {
      /** Give a variable a new value. */
      readonly type: 'set';
      /** Which variable, and its new value. */
      readonly params: { readonly var: string; readonly value: VariableValue };
    };

/** A guard from the engine's closed vocabulary. */
export type GuardRef =
  | {
      /** `atLeast`: variable >= value; `atMost`: variable <= value. */
      readonly type: 'atLeast' | 'atMost';
      /** The number variable and the value compared with it. */
      readonly params: { readonly var: string; readonly value: number };
    }
  | {
      /** Variable === value. */
      readonly type: 'equals';
      /** The variable and the value compared with it. */
      readonly params: { readonly var: string; readonly value: VariableValue };
    };

/** One action, or several run in order. */
export type Actions = ActionRef | readonly ActionRef[];

/** What the learner reads about a choice. */
export interface ChoiceMeta {
  /** What the learner clicks. */
  readonly label: Text;
  /** Why this response helps or hurts, in one or two sentences. */
  readonly feedback: Text;
  /** Tactic id → points (0–3) this response earns. */
  readonly tactics?: Readonly<Record<string, number>>;
  /** Points lost for a response that makes things worse (0–3). */
  readonly harm?: number;
  /** True on the transition taken when time runs out. */
  readonly timeout?: boolean;
  /**
   * Why a real bystander would respond this way: a barrier id from `src/engine/barriers.json`
   * (e.g. `othersWillAct`). Library scenarios give one on every choice that does harm, lets the
   * moment pass, or is taken when time runs out.
   */
  readonly barrier?: string;
}

/** A choice: a transition on an event (or after a delay) that the learner can take. */
export interface Choice {
  /** The state it leads to: a sibling key, `.child`, or `#id`; none stays in place. */
  readonly target?: string;
  /** When given, the choice is on offer only while this holds. */
  readonly guard?: GuardRef;
  /** What it changes in the story's variables. */
  readonly actions?: Actions;
  /** A note for authors; never shown to learners. */
  readonly description?: string;
  /** What the learner reads. */
  readonly meta: ChoiceMeta;
}

/** A choice, or guarded alternatives of which the first whose guard holds is taken. */
export type Choices = Choice | readonly Choice[];

/** An eventless transition: taken at once when its guard holds. Routes the story; not a choice. */
export interface Route {
  /** The state it leads to. */
  readonly target: string;
  /** When given, the route is taken only while this holds. */
  readonly guard?: GuardRef;
  /** What it changes in the story's variables. */
  readonly actions?: Actions;
  /** A note for authors. */
  readonly description?: string;
}

/** How a story ends, and what the learner takes from it. */
export interface Ending {
  /** The ending's title. */
  readonly title: Text;
  /** What happened and what to do afterwards. */
  readonly debrief: Paragraphs;
  /** How it turned out for the person targeted. */
  readonly kind: EndingKind;
}

/** What a learner reads in a state. */
export interface StateMeta {
  /** The scene's story, one text or paragraphs. */
  readonly narrative?: Paragraphs;
  /** The question put to the learner, e.g. "What do you do?". */
  readonly prompt?: Text;
  /** The bystander step this scene exercises. */
  readonly stage?: Stage;
  /** Prompts a facilitator may use with a group. */
  readonly discussion?: readonly Text[];
  /** A heads-up for the facilitator only (never shown to learners): one text or several. */
  readonly facilitatorNotes?: Paragraphs;
  /** Present on final states: how the story ends. */
  readonly ending?: Ending;
  /**
   * On an ending: the choices (event names, keys of `on`) every path to it has taken, because its
   * text says so ("with your dated account"). The checker walks every path and reports one without.
   */
  readonly assumes?: readonly string[];
  /** Who from the cast is in this scene (their ids in `meta.cast`), in the order shown. */
  readonly present?: readonly string[];
}

/** A state of the story: a scene, a group of scenes, a router, or an ending. */
export interface ScenarioState {
  /** `final` marks an ending; the rest is inferred. */
  readonly type?: 'atomic' | 'compound' | 'final';
  /** A unique id so other states can target it as `#id`. */
  readonly id?: string;
  /** A note for authors. */
  readonly description?: string;
  /** XState tags, as Stately's editor writes them: kept, with no effect on play. */
  readonly tags?: string | readonly string[];
  /** The child state entered first (compound states). */
  readonly initial?: string;
  /** Child states (compound states). */
  readonly states?: Readonly<Record<string, ScenarioState>>;
  /** Actions run on entering the state. */
  readonly entry?: Actions;
  /** Actions run on leaving the state. */
  readonly exit?: Actions;
  /** The learner's choices, by event name. */
  readonly on?: Readonly<Record<string, Choices>>;
  /** Timed choices, by delay in milliseconds: what happens if the learner waits. */
  readonly after?: Readonly<Record<string, Choices>>;
  /** Eventless routes, taken at once when their guard holds. */
  readonly always?: Route | readonly Route[];
  /** What the learner reads here. */
  readonly meta?: StateMeta;
}

/** The scenario as a whole: who it is for and what it is about. */
export interface ScenarioMeta {
  /** The format version; always 1 here. */
  readonly format: 1;
  /** The scenario's title. */
  readonly title: Text;
  /** Where it takes place. */
  readonly setting: Setting;
  /** One or two sentences on what happens. */
  readonly summary: Text;
  /** What the scenario depicts, shown before it starts. */
  readonly contentNote: Text;
  /** An honest estimate of playing time, in minutes. */
  readonly minutes: number;
  /** The main language of the text. */
  readonly language: LanguageTag;
  /** Every language the text is written in (defaults to `[language]`). */
  readonly languages?: readonly LanguageTag[];
  /** Who wrote it. */
  readonly authors?: readonly string[];
  /** `full` (the default): a library scenario; `booster`: a 2–3 minute refresher with its own house rules. */
  readonly kind?: ScenarioKind;
  /** The people in the story, by id (e.g. `priya`); a scene's `present` lists who is in it. */
  readonly cast?: Readonly<Record<string, Person>>;
}

/** Someone in the story, shown with the scenes they are in. */
export interface Person {
  /** What the story calls them, e.g. "Priya": a plain string is the same in every language. */
  readonly name: Text;
  /** Who they are in the story, e.g. "your colleague". */
  readonly role?: Text;
  /** The word their illustrated portrait is drawn from; the person's id by default. */
  readonly portrait?: string;
}

/** A scenario file, as loaded. */
export interface Scenario {
  /** A path to the schema, for editors. */
  readonly $schema?: string;
  /** The id: lower-case letters and digits joined by single hyphens, equal to the file name. */
  readonly id: string;
  /** A note for authors. */
  readonly description?: string;
  /** The machine's own version (XState's `version`): kept, with no effect on play. */
  readonly version?: string;
  /** XState tags on the whole machine: kept, with no effect on play. */
  readonly tags?: string | readonly string[];
  /** The first state. */
  readonly initial: string;
  /** The story's variables and their starting values. */
  readonly context?: ScenarioContext;
  /** Who it is for and what it is about. */
  readonly meta: ScenarioMeta;
  /** The story's states. */
  readonly states: Readonly<Record<string, ScenarioState>>;
}
