import { motion, useReducedMotion } from 'framer-motion';
import { lazy, Suspense, useMemo } from 'react';
import { presentPeople } from '../engine/cast.ts';
import { currentScene } from '../engine/choices.ts';
import { compileScenario } from '../engine/compile-scenario.ts';
import { type Run, runEnding } from '../engine/run-state.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { contentLanguage, scenarioText } from '../engine/text.ts';
import { readingAllowanceMs } from '../engine/timed-choice.ts';
import { useT } from '../ui/i18n.ts';
import { timedChoice, useSettings } from '../ui/settings.ts';
import { textAttributes } from '../ui/text-direction.ts';
import { ContentNote } from './content-note.tsx';
import { DebriefView } from './debrief-view.tsx';
import { FeedbackView } from './feedback-view.tsx';
import type { ProgressStore } from './progress-store.ts';
import { SceneView } from './scene-view.tsx';
import { SkipReading } from './skip-reading.tsx';
import { type PlayerObserver, usePlayer } from './use-player.ts';

// Loaded only where asked (a first visit's content note, a debrief): the scene itself never waits for it.
const ConfidenceCheck = lazy(() => import('./confidence-check.tsx').then((m) => ({ default: m.ConfidenceCheck })));

interface PlayerPageProps {
  readonly scenario: Scenario;
  /** Where progress is kept (this device unless a module says otherwise). */
  readonly store?: ProgressStore;
  readonly observer?: PlayerObserver;
  /** Shown below the debrief or the skip reading: a module's way on to its next scenario. */
  readonly after?: React.ReactNode;
  /** False inside an LMS module: there is no library to choose another scenario from. */
  readonly canChooseAnother?: boolean;
  /** Shown with the debrief's score: a module's word on what the score is and, at its end, the module's result. */
  readonly scoreNote?: React.ReactNode;
  /** Ask the learner's confidence to act before their first scenario and after a debrief (self-paced only). */
  readonly confidence?: boolean;
  /** False where the player is part of a page with its own h1 (the studio's preview): the scenario's name is then no h1. */
  readonly ownsPage?: boolean;
  /** False where something above the player is read first (a reminder's follow-up question): its content note leaves focus and scroll alone. */
  readonly noteTakesFocus?: boolean;
  /** An author's try-out (the studio's preview): the run to open in, a scene with variables set (`startRunAt` with this scenario's `compileScenario` machine). */
  readonly from?: Run;
}

/** Plays one scenario from its content note to its debrief. */
export function PlayerPage({
  scenario,
  store,
  observer,
  after,
  canChooseAnother,
  scoreNote,
  confidence = false,
  ownsPage = true,
  noteTakesFocus = true,
  from,
}: PlayerPageProps) {
  const compiled = compileScenario(scenario);
  const { machine } = compiled;
  const player = usePlayer(machine, scenario.id, store, observer, from);
  const reduceMotion = useReducedMotion();
  const { t, language } = useT();
  const { text, paragraphs } = useMemo(() => scenarioText(scenario, language), [scenario, language]);
  // Scenario text goes in its own language's direction: an Arabic scene reads right to left in an English interface.
  const content = textAttributes(contentLanguage(scenario, language));
  const { run, phase } = player;
  const scene = currentScene(machine, run.snapshot);
  const ending = runEnding(machine, run);
  const { settings } = useSettings();
  const meta = scene.config.meta ?? {};
  const narrative = paragraphs(meta.narrative ?? []);
  const prompt = meta.prompt ? text(meta.prompt) : t('scene.defaultPrompt');
  // The clock starts once every word on screen can be read at 150 words a minute.
  const labels = player.choices.map((c) => text(c.meta.label));
  const timed = timedChoice(player.choices, settings.timers, readingAllowanceMs([...narrative, prompt, ...labels]));
  // What a screen reader announces for a new scene: any time limit first, with how to lift it, then the story.
  const announcement =
    phase === 'scene'
      ? [
          timed?.ms ? t('scene.timedNote', { reading: timed.readingMs / 1000, seconds: timed.ms / 1000 }) : '',
          ...narrative,
        ]
          .join(' ')
          .trim()
      : '';

  // A scene and its feedback have the scenario's name as the page's one h1 (what a screen reader's list
  // of headings starts with); the debrief and skip reading have their own.
  const Name = ownsPage && (phase === 'scene' || phase === 'feedback') ? 'h1' : 'p';
  const view =
    phase === 'note' ? (
      <ContentNote
        scenario={scenario}
        onContinue={player.begin}
        onSkip={player.skip}
        canChooseAnother={canChooseAnother}
        takesFocus={noteTakesFocus}
      >
        {confidence && (
          <Suspense fallback={null}>
            <ConfidenceCheck moment="before" />
          </Suspense>
        )}
      </ContentNote>
    ) : phase === 'skipped' ? (
      <SkipReading
        scenario={scenario}
        title={text(scenario.meta.title)}
        onPlay={player.reconsider}
        canChooseAnother={canChooseAnother}
      />
    ) : phase === 'feedback' && player.lastStep ? (
      <FeedbackView step={player.lastStep} text={text} onContinue={player.proceed} />
    ) : phase === 'debrief' && ending && compiled.analysis ? (
      <DebriefView
        scenario={scenario}
        machine={machine}
        run={run}
        ending={ending}
        analysis={compiled.analysis}
        text={text}
        paragraphs={paragraphs}
        onRestart={player.restart}
        onRewind={player.rewind}
        canChooseAnother={canChooseAnother}
        scoreNote={scoreNote}
        triedFrom={from && currentScene(machine, from.snapshot).keys.join(' › ')}
        measure={
          confidence && (
            <Suspense fallback={null}>
              <ConfidenceCheck moment="after" />
            </Suspense>
          )
        }
      />
    ) : (
      <SceneView
        narrative={narrative}
        prompt={prompt}
        people={presentPeople(scenario, meta, text)}
        choices={player.choices}
        timed={timed}
        sceneKey={`${scene.keys.join('.')}|${run.steps.length}`}
        text={text}
        onChoose={player.choose}
        content={content}
        promptContent={meta.prompt ? content : undefined}
      />
    );

  return (
    <div className="player" lang={contentLanguage(scenario, language)}>
      {phase !== 'note' && (
        <Name className="scenario-name" {...content}>
          {text(scenario.meta.title)}
        </Name>
      )}
      {player.notice && (
        <p className="notice" role="alert" lang={language}>
          {t(`notice.${player.notice}`)}
        </p>
      )}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      <motion.div
        className="view"
        key={`${phase}|${run.steps.length}`}
        initial={{ opacity: reduceMotion ? 1 : 0, y: reduceMotion ? 0 : 12 }}
        animate={{ opacity: 1, y: 0 }}
        transition={{ duration: reduceMotion ? 0 : 0.25 }}
      >
        {view}
      </motion.div>
      {(phase === 'debrief' || phase === 'skipped') && after}
    </div>
  );
}
