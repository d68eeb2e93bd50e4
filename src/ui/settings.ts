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

/**
 * The scene's timed choice, if it has one, and how long it waits under a timer mode: `ms` is
 * undefined when timers are off, and the choice is then offered like any other.
 */
export function timedChoice(
  choices: readonly OfferedChoice[],
  mode: TimerMode,
): { choice: OfferedChoice; ms: number | undefined } | undefined {
  const choice = choices.find((c) => c.delay !== undefined);
  if (choice?.delay === undefined) return undefined;
  return { choice, ms: mode === 'off' ? undefined : mode === 'slower' ? choice.delay * 2 : choice.delay };
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
