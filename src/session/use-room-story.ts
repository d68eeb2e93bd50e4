import { useMemo } from 'react';
import { choicesFor, currentScene } from '../engine/choices.ts';
import { compileScenario } from '../engine/compile-scenario.ts';
import { replayRun } from '../engine/run-state.ts';
import type { ChoiceMeta, Scenario } from '../engine/scenario.types.ts';
import { scenarioText } from '../engine/text.ts';
import type { ChoiceOnScreen, RoomView } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';

/** A choice on the screen with what it says. */
export interface RoomChoice extends ChoiceOnScreen {
  readonly meta: ChoiceMeta | undefined;
}

/**
 * The story the room is in, for the views: the server decides where the group is; the browser replays
 * the same choices through the engine to show that scene's words in the viewer's language.
 */
export function useRoomStory(scenario: Scenario, room: RoomView) {
  const { language } = useT();
  const { machine, analysis } = compileScenario(scenario);
  const { text, paragraphs } = useMemo(() => scenarioText(scenario, language), [scenario, language]);
  const pathKey = room.path.map((d) => d.choice).join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path's events are the key; the array is new with every room view.
  const run = useMemo(
    () =>
      replayRun(
        machine,
        room.path.map((d) => d.choice),
      ),
    [machine, pathKey],
  );
  const scene = run ? currentScene(machine, run.snapshot) : undefined;
  const offered = run ? choicesFor(machine, run.snapshot) : [];
  const choices: RoomChoice[] = room.choices.map((c) => ({
    ...c,
    meta: offered.find((o) => o.event === c.event)?.meta,
  }));
  return { scenario, machine, analysis, run, scene, choices, text, paragraphs };
}

export type RoomStory = ReturnType<typeof useRoomStory>;
