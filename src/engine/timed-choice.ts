import type { Scenario, StateMeta, Text } from './scenario.types.ts';
import { declaredLanguages, localize, localizeParagraphs } from './text.ts';

/**
 * The longest a timed choice may wait, in milliseconds: 10 minutes. Real situations do not wait that
 * long, and past 2,147,483,647 ms (about 24.8 days) timers in browsers and Node overflow and fire at
 * once, so a typo of a few zeros would end the scene the moment it opens.
 */
export const MAX_DELAY_MS = 600_000;

/**
 * The reading speed a timed scene allows for, in words a minute: a slow but ordinary reader (adults
 * read 200–300 words a minute on screen; 150 leaves room for a second language, dyslexia or a small
 * phone). Nobody reading at this speed is timed out before they have read the scene.
 */
export const READING_WORDS_PER_MINUTE = 150;

const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

/** How many words a text holds, by Unicode word boundaries (UAX #29), so "don't" is one and "—" none. */
export function countWords(text: string): number {
  let words = 0;
  for (const segment of WORDS.segment(text)) if (segment.isWordLike) words++;
  return words;
}

/**
 * The reading allowance of a timed scene, in milliseconds: the time to read every text on screen
 * (narrative paragraphs, prompt, choice labels) at `wordsPerMinute`, rounded up to a whole second.
 * A timed choice's countdown starts only after it, so its `after` delay is pure decision time.
 * Throws a RangeError for a speed that is not a positive finite number.
 */
export function readingAllowanceMs(
  texts: readonly string[],
  wordsPerMinute: number = READING_WORDS_PER_MINUTE,
): number {
  if (!(wordsPerMinute > 0 && Number.isFinite(wordsPerMinute))) {
    throw new RangeError(`A reading speed must be a positive number of words a minute, got ${wordsPerMinute}.`);
  }
  const words = texts.reduce((sum, text) => sum + countWords(text), 0);
  return Math.ceil((words / wordsPerMinute) * 60) * 1000;
}

/** A worked example for messages: the wait most scenes use. */
const EXAMPLE = '"20000" for 20 seconds';

/**
 * Why an `after` key is not a delay a scenario may use, in words a trainer understands, or undefined
 * when it is a whole number of milliseconds from 1 to MAX_DELAY_MS (written without leading zeros).
 */
export function delayProblem(key: string): string | undefined {
  if (!/^[1-9][0-9]*$/.test(key)) {
    return `"${key}" is not a wait the player can count down: write it in milliseconds, as a whole number from 1 to ${MAX_DELAY_MS}, e.g. ${EXAMPLE}.`;
  }
  const ms = Number(key);
  if (ms <= MAX_DELAY_MS) return undefined;
  return `This timed choice waits ${key} ms (${roughly(ms)}); the longest a timed choice may wait is ${MAX_DELAY_MS} ms (10 minutes). Use a shorter wait, e.g. ${EXAMPLE}.`;
}

const UNITS: readonly [string, number][] = [
  ['days', 86_400_000],
  ['hours', 3_600_000],
  ['minutes', 60_000],
];

/** A long wait as a person would say it, e.g. "about 34.7 days". */
function roughly(ms: number): string {
  const [unit, size] = UNITS.find(([, size]) => ms >= size) ?? UNITS[UNITS.length - 1];
  return `about ${Number((ms / size).toFixed(1))} ${unit}`;
}

/**
 * The reading allowance of a scene read together (a group session: one countdown for the whole room),
 * in milliseconds: `readingAllowanceMs` of its narrative, prompt and choice labels in each of the
 * scenario's languages, the longest of them, so nobody is hurried whichever language they read.
 */
export function sharedReadingAllowanceMs(
  scenario: Pick<Scenario, 'meta'>,
  scene: Pick<StateMeta, 'narrative' | 'prompt'> | undefined,
  labels: readonly Text[],
): number {
  const fallback = scenario.meta.language;
  return Math.max(
    0,
    ...declaredLanguages(scenario).map((language) =>
      readingAllowanceMs([
        ...(scene?.narrative ? localizeParagraphs(scene.narrative, language, fallback) : []),
        ...(scene?.prompt ? [localize(scene.prompt, language, fallback)] : []),
        ...labels.map((label) => localize(label, language, fallback)),
      ]),
    ),
  );
}
