import { createContext, useContext } from 'react';
import type { OfferedChoice } from '../engine/choices.ts';
import { isUiLanguage, preferredLanguage, type UiLanguage } from './i18n.ts';
import { isRecord, readStored, writeStored } from './local-store.ts';

/** How timed choices behave: real time, twice as long, or no timer (the timeout becomes a choice). */
export type TimerMode = 'on' | 'slower' | 'off';

export interface Settings {
  readonly timers: TimerMode;
  /** The interface language; scenarios written in it are shown in it too. */
  readonly language: UiLanguage;
}

export const DEFAULT_SETTINGS: Settings = { timers: 'on', language: 'en' };
const TIMER_MODES: readonly TimerMode[] = ['on', 'slower', 'off'];

function isSettings(value: unknown): value is Partial<Settings> {
  return isRecord(value) && TIMER_MODES.includes(value.timers as TimerMode);
}

/** Whether this browser holds settings the learner chose (a changed language or timer), as against defaults. */
export function hasStoredSettings(): boolean {
  return readStored('settings', isSettings).state === 'ok';
}

/** Stored settings, with anything missing or unknown (an older save) taken from the defaults. */
export function loadSettings(): Settings {
  const stored = readStored('settings', isSettings);
  const saved = stored.state === 'ok' ? stored.value : {};
  return {
    timers: saved.timers ?? DEFAULT_SETTINGS.timers,
    language: isUiLanguage(saved.language) ? saved.language : preferredLanguage(),
  };
}

export function storeSettings(settings: Settings): void {
  writeStored('settings', settings);
}

/** How a scene's timed choice runs: the choice, its time to decide and the reading time before it. */
export interface TimedChoice {
  readonly choice: OfferedChoice;
  /** Milliseconds to decide once the clock starts; undefined when timers are off. */
  readonly ms: number | undefined;
  /** Milliseconds of reading time before the clock starts (0 when timers are off). */
  readonly readingMs: number;
}

/**
 * The scene's timed choice, if it has one, under a timer mode: `readingMs` (the scene's reading
 * allowance, `readingAllowanceMs` in the engine) comes first, then the choice's own delay; 'slower'
 * doubles both; 'off' leaves `ms` undefined, and the choice is then offered like any other.
 */
export function timedChoice(
  choices: readonly OfferedChoice[],
  mode: TimerMode,
  readingMs = 0,
): TimedChoice | undefined {
  const choice = choices.find((c) => c.delay !== undefined);
  if (choice?.delay === undefined) return undefined;
  if (mode === 'off') return { choice, ms: undefined, readingMs: 0 };
  const factor = mode === 'slower' ? 2 : 1;
  return { choice, ms: choice.delay * factor, readingMs: readingMs * factor };
}

/**
 * The settings and how to change them: `change` is the learner's own choice, kept on this device;
 * `remember: false` applies a default from elsewhere (an LMS's language preference) without keeping it.
 */
export const SettingsContext = createContext<{
  settings: Settings;
  change: (settings: Settings, options?: { remember?: boolean }) => void;
}>({
  settings: DEFAULT_SETTINGS,
  change: () => {},
});

export function useSettings() {
  return useContext(SettingsContext);
}
