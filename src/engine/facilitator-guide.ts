import type {
  FacilitatorGuide,
  GuideChoice,
  GuideDestination,
  GuideOptions,
  GuideScene,
  GuideTiming,
} from './facilitator-guide.types.ts';
import type { Choice, Scenario } from './scenario.types.ts';
import { stateChoices, stateRoutes, type WalkedChoice, type WalkedState } from './scenario-walk.ts';
import { indexStates, type StateIndex } from './state-targets.ts';
import { findTactic } from './tactics.ts';
import { contentLanguage, localize, scenarioText } from './text.ts';

/** Words a facilitator reads aloud in a minute, unhurried. */
export const READ_ALOUD_WORDS_PER_MINUTE = 130;
/** Minutes to read out the choices and let the room vote. */
export const VOTE_MINUTES = 1;
/** Minutes of reveal and discussion per discussion prompt (one prompt at least). */
export const DISCUSSION_MINUTES_PER_PROMPT = 2;
/** Minutes for the welcome, the content note and how to vote. */
export const INTRODUCTION_MINUTES = 5;
/** Minutes for the group debrief, the #IWill wall and the support resources. */
export const DEBRIEF_MINUTES = 10;

/**
 * Assembles a scenario's facilitator guide: its scenes (numbered breadth first from the start) with
 * their choices, tactics, harm, feedback and where each leads (through routers, to every scene or
 * ending they can reach), discussion prompts and facilitator notes; its endings and debriefs; timings
 * in minutes; and the support resources given. Pure: every text comes back as a plain string in the
 * reader's language (scenario text falls back to the scenario's own, data text to English), for a
 * view or a file to render as text. Expects a scenario the checker has passed.
 */
export function facilitatorGuide(scenario: Scenario, { language, support }: GuideOptions): FacilitatorGuide {
  const { text, paragraphs } = scenarioText(scenario, language);
  const data = (t: Parameters<typeof localize>[0]) => localize(t, language, 'en');
  const index = indexStates(scenario);
  const graph = sceneGraph(scenario, index);

  const endings = [...index.states.values()]
    .filter((w) => w.state.type === 'final')
    .map((w, i) => {
      const ending = w.state.meta?.ending;
      return {
        number: i + 1,
        key: w.keys.join('.'),
        title: ending ? text(ending.title) : w.keys.join('.'),
        kind: ending?.kind ?? 'mixed',
        debrief: ending ? paragraphs(ending.debrief) : [],
      };
    });
  const endingByKey = new Map(endings.map((e) => [e.key, e]));
  const destination = (key: string): GuideDestination => {
    const ending = endingByKey.get(key);
    if (ending) return { kind: 'ending', number: ending.number, title: ending.title };
    return { kind: 'scene', number: graph.order.indexOf(key) + 1 };
  };

  const scenes: GuideScene[] = graph.order.map((key, i) => {
    const walked = index.states.get(key) as WalkedState;
    const meta = walked.state.meta ?? {};
    const choices: GuideChoice[] = graph.choices(walked).map(({ walked: from, choice }) => ({
      label: text(choice.choice.meta.label),
      feedback: text(choice.choice.meta.feedback),
      tactics: Object.entries(choice.choice.meta.tactics ?? {}).map(([id, points]) => {
        const tactic = findTactic(id);
        return { id, name: tactic ? data(tactic.name) : id, points };
      }),
      harm: choice.choice.meta.harm ?? 0,
      timedSeconds: choice.group === 'after' ? Number(choice.key) / 1000 : undefined,
      condition: choice.choice.guard,
      effects: choice.choice.actions === undefined ? [] : [choice.choice.actions].flat(),
      leadsTo:
        choice.choice.target === undefined
          ? [{ kind: 'stay' }]
          : graph.destinations(from, choice.choice).map(destination),
    }));
    const narrative = meta.narrative === undefined ? [] : paragraphs(meta.narrative);
    const prompt = meta.prompt === undefined ? undefined : text(meta.prompt);
    const discussion = (meta.discussion ?? []).map(text);
    return {
      number: i + 1,
      key,
      stage: stageOf(walked),
      narrative,
      prompt,
      choices,
      discussion,
      notes: meta.facilitatorNotes === undefined ? [] : paragraphs(meta.facilitatorNotes),
      minutes: sceneMinutes([...narrative, prompt ?? ''].join(' '), discussion.length),
    };
  });

  const minutesByKey = new Map(scenes.map((s) => [s.key, s.minutes]));
  const sceneTotal = graph.longest((key) => minutesByKey.get(key) ?? 0);
  const timing: GuideTiming = {
    introduction: INTRODUCTION_MINUTES,
    scenes: sceneTotal,
    debrief: DEBRIEF_MINUTES,
    total: INTRODUCTION_MINUTES + sceneTotal + DEBRIEF_MINUTES,
  };
  const used = [...new Set(scenes.flatMap((s) => s.choices.flatMap((c) => c.tactics.map((t) => t.id))))];

  return {
    id: scenario.id,
    contentLanguage: contentLanguage(scenario, language),
    title: text(scenario.meta.title),
    summary: text(scenario.meta.summary),
    contentNote: text(scenario.meta.contentNote),
    minutes: scenario.meta.minutes,
    timing,
    scenes,
    endings,
    tactics: used.flatMap((id) => {
      const tactic = findTactic(id);
      return tactic ? [{ id, name: data(tactic.name), description: data(tactic.description) }] : [];
    }),
    support: support.map((section) => ({
      title: data(section.title),
      items: section.items.map((item) => ({ name: data(item.name), detail: data(item.detail) })),
    })),
  };
}

/** Suggested minutes for one scene with a group: read aloud, vote, then reveal and discuss. */
function sceneMinutes(words: string, prompts: number): number {
  const count = words.split(/\s+/).filter(Boolean).length;
  return Math.ceil(
    count / READ_ALOUD_WORDS_PER_MINUTE + VOTE_MINUTES + DISCUSSION_MINUTES_PER_PROMPT * Math.max(1, prompts),
  );
}

/** The scene's stage: its own, or the nearest enclosing state's. */
function stageOf(walked: WalkedState) {
  for (let w: WalkedState | undefined = walked; w; w = w.parent) if (w.state.meta?.stage) return w.state.meta.stage;
  return undefined;
}

/** A choice on offer in a scene, with the state that defines it (the scene or an enclosing one). */
interface SceneChoice {
  readonly walked: WalkedState;
  readonly choice: WalkedChoice;
}

/** The scenes a group can meet, how they connect, and where a choice can lead through routers. */
function sceneGraph(scenario: Scenario, index: StateIndex) {
  const isLeaf = (w: WalkedState) => !w.state.states;
  const choicesOf = (walked: WalkedState): SceneChoice[] => {
    const seen = new Set<string>();
    const found: SceneChoice[] = [];
    for (let w: WalkedState | undefined = walked; w; w = w.parent) {
      const own = [...stateChoices(w.state, w.at)].filter((c) => !seen.has(`${c.group}:${c.key}`));
      for (const c of own) found.push({ walked: w, choice: c });
      for (const c of own) seen.add(`${c.group}:${c.key}`);
    }
    return found;
  };
  const isScene = (w: WalkedState) => isLeaf(w) && w.state.type !== 'final' && choicesOf(w).length > 0;

  /** The scenes and endings entering `keys` can lead to, following eventless routes. */
  const landings = (keys: readonly string[] | undefined, seen = new Set<string>()): string[] => {
    const leaf = keys && index.enteredLeaf(keys);
    const walked = leaf && index.states.get(leaf.join('.'));
    if (!walked || seen.has(leaf.join('.'))) return [];
    seen.add(leaf.join('.'));
    if (walked.state.type === 'final' || isScene(walked)) return [leaf.join('.')];
    const out: string[] = [];
    for (let w: WalkedState | undefined = walked; w; w = w.parent) {
      for (const { route } of stateRoutes(w.state, w.at)) out.push(...landings(index.resolve(w, route.target), seen));
    }
    return [...new Set(out)];
  };
  const destinations = (from: WalkedState, choice: Choice) =>
    choice.target === undefined ? [] : landings(index.resolve(from, choice.target));
  const next = (key: string) =>
    choicesOf(index.states.get(key) as WalkedState).flatMap((c) => destinations(c.walked, c.choice.choice));

  // Breadth first from the start, so scenes are numbered as a group meets them; any left over follow.
  const start = landings([scenario.initial]);
  const order: string[] = [];
  const queue = [...start];
  while (queue.length) {
    const key = queue.shift() as string;
    if (order.includes(key) || !isScene(index.states.get(key) as WalkedState)) continue;
    order.push(key);
    queue.push(...next(key));
  }
  for (const [key, walked] of index.states) if (isScene(walked) && !order.includes(key)) order.push(key);

  /** The most minutes a path from the start can take, each scene counted once (a loop is cut). */
  const longest = (minutes: (key: string) => number): number => {
    const memo = new Map<string, number>();
    const onPath = new Set<string>();
    const visit = (key: string): number => {
      const known = memo.get(key);
      if (known !== undefined) return known;
      if (onPath.has(key) || !order.includes(key)) return 0;
      onPath.add(key);
      const best = minutes(key) + Math.max(0, ...next(key).map(visit));
      onPath.delete(key);
      memo.set(key, best);
      return best;
    };
    return Math.max(0, ...start.map(visit));
  };

  return { order, choices: choicesOf, destinations, longest };
}
