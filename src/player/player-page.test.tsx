// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { lazy, StrictMode, Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { compileScenario } from '../engine/compile-scenario.ts';
import { loadScenarioValue } from '../engine/load-scenario.ts';
import { startRunAt } from '../engine/scene-start.ts';
import { fakeScenario } from '../test-util/fakes.ts';
import type { LibraryEntry } from '../ui/library-entry.ts';
import { toLibraryEntry } from '../ui/library-entry.ts';
import { DEFAULT_SETTINGS, SettingsContext, type TimerMode } from '../ui/settings.ts';
import { ShelfContext } from '../ui/shelf.ts';
import { SETTLE_MS } from '../ui/use-settled.ts';
import { PlayerPage } from './player-page.tsx';

const { scenario } = loadRealScenario('hand-on-the-back');

function renderPlayer({
  strict = false,
  timers = DEFAULT_SETTINGS.timers,
  shelf = [],
}: {
  strict?: boolean;
  timers?: TimerMode;
  /** The library, where the app has one (for the debrief's suggestion of what to practise next). */
  shelf?: readonly LibraryEntry[];
} = {}) {
  const tree = (
    <SettingsContext.Provider value={{ settings: { ...DEFAULT_SETTINGS, timers }, change: () => {} }}>
      <ShelfContext.Provider value={shelf}>
        <PlayerPage scenario={scenario} />
      </ShelfContext.Provider>
    </SettingsContext.Provider>
  );
  return render(strict ? <StrictMode>{tree}</StrictMode> : tree);
}

/** The learner takes in a view that just appeared before acting on it: its buttons settle first. */
const settle = () => act(() => vi.advanceTimersByTime(SETTLE_MS));
// Keys go where a browser sends them: to the focused element, bubbling up to the window.
const press = (key: string) => {
  settle();
  fireEvent.keyDown(document.activeElement ?? document.body, { key });
};
const click = (name: string | RegExp) => {
  settle();
  fireEvent.click(screen.getByRole('button', { name }));
};

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

beforeEach(() => {
  localStorage.clear();
  // A clock the tests move, which also runs on its own (axe waits on timers).
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    shouldAdvanceTime: true,
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe.each([false, true])('the player (StrictMode: %s)', (strict) => {
  it('shows the content note first, then the scene with each choice as a button named by its label', async () => {
    const { container } = renderPlayer({ strict });
    expect(screen.getByRole('heading', { name: 'The hand on the back' })).toBeTruthy();
    expect(screen.getByText(/Unwanted touching of a junior employee/)).toBeTruthy();
    click('Continue');
    expect(screen.getByText(/Friday team lunch in the break room/, { selector: 'p' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What do you do?' })).toBeTruthy();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(
      expect.arrayContaining(["2Catch Sam's eye across the table. He has seen it too."]),
    );
    expect(document.activeElement?.className).toBe('narrative');
    await expectNoAxeViolations(container);
  });

  it('picks a choice with its number key and gives feedback with the tactic it used', async () => {
    const { container } = renderPlayer({ strict });
    click('Continue');
    press('2');
    expect(screen.getByRole('heading', { name: /You chose: Catch Sam's eye/ })).toBeTruthy();
    expect(screen.getByText(/turns two unsure people into two people who can act together/)).toBeTruthy();
    expect(screen.getByText('Bring others in +1')).toBeTruthy();
    await expectNoAxeViolations(container);
    click('Continue');
    expect(screen.getByText(/Our new star needs to loosen up/, { selector: 'p' })).toBeTruthy();
  });

  it('ends a try-out started at a scene without a score, saying why', () => {
    const { machine } = compileScenario(scenario);
    const started = startRunAt(machine, ['checkIn'], { trust: 1, allies: 1 });
    if (!started.ok) throw new Error(started.error);
    render(
      <SettingsContext.Provider value={{ settings: DEFAULT_SETTINGS, change: () => {} }}>
        <PlayerPage scenario={scenario} from={started.run} />
      </SettingsContext.Provider>,
    );
    for (let i = 0; i < 6 && !screen.queryByText(/This try-out started at/); i++) {
      if (screen.queryByRole('heading', { name: /^You chose: / })) click('Continue');
      else press('1');
    }
    expect(screen.getByText(/This try-out started at “checkIn”, so it has no score/)).toBeTruthy();
    expect(screen.queryByText(/Your score|on a range from/)).toBeNull();
  });

  it('resumes at the same scene with the same choices after the page is gone', () => {
    const first = renderPlayer({ strict });
    click('Continue');
    press('2');
    click('Continue');
    press('2'); // Say it out loud
    click('Continue');
    first.unmount();
    renderPlayer({ strict });
    expect(screen.getByText(/The table goes quiet/, { selector: 'p' })).toBeTruthy();
    press('2'); // "Am I the only one who saw that?"
    expect(screen.getByText('Bring others in +2')).toBeTruthy();
  });
});

/** Every word on screen in a scene (narrative, question, choices and the countdown's "if you wait"), split at spaces. */
function wordsOnScreen(): number {
  const texts = [...document.querySelectorAll('.narrative p, #scene-prompt, .choice, [role="timer"] em')];
  return texts.flatMap((el) => (el.textContent ?? '').replace(/^\d/, '').split(/\s+/).filter(Boolean)).length;
}

describe('timed choices', () => {
  it('give time to read the scene at 150 words a minute, then count down and take the timeout', () => {
    renderPlayer();
    click('Continue');
    const reading = /^Reading time: the clock starts in (\d+) s, then you have 20 s\./;
    const seconds = Number(screen.getByRole('timer').textContent?.match(reading)?.[1]);
    // No one reading at 150 words a minute (0.4 s a word) is hurried: the clock waits at least that long.
    expect(seconds).toBeGreaterThanOrEqual(wordsOnScreen() * 0.4);
    act(() => vi.advanceTimersByTime(seconds * 1000 - 400));
    expect(screen.getByRole('timer').textContent).toMatch(/^Reading time: the clock starts in 1 s/);
    act(() => vi.advanceTimersByTime(10_400));
    expect(screen.getByRole('timer').textContent).toMatch(/^10 s left/);
    act(() => vi.advanceTimersByTime(9_600));
    expect(screen.queryByRole('heading', { name: /You chose/ })).toBeNull();
    act(() => vi.advanceTimersByTime(600));
    expect(screen.getByRole('heading', { name: 'You chose: You hesitate, unsure what you saw.' })).toBeTruthy();
  });

  it('take twice as long, reading included, when timers are slower', () => {
    renderPlayer();
    click('Continue');
    const on = Number(screen.getByRole('timer').textContent?.match(/starts in (\d+) s/)?.[1]);
    cleanup();
    localStorage.clear();
    renderPlayer({ timers: 'slower' });
    click('Continue');
    const slower = screen.getByRole('timer').textContent?.match(/starts in (\d+) s, then you have (\d+) s/);
    expect([Number(slower?.[1]), Number(slower?.[2])]).toEqual([on * 2, 40]);
  });

  it('are announced to screen readers before the story, with the reading time and how to change timers', () => {
    renderPlayer();
    click('Continue');
    const live = document.querySelector('[aria-live="polite"]')?.textContent ?? '';
    expect(live).toMatch(
      /^This choice is timed: you have \d+ seconds to read, then 20 seconds to decide\. You can slow timers down or turn them off with Timers/,
    );
    expect(live).toMatch(/turn them off with Timers .*\. Friday team lunch in the break room/);
  });

  it('ignore a click or key meant for the view before: no choice for a moment after the scene appears', () => {
    renderPlayer();
    click('Continue');
    // The second click of a double click, a moment after the first.
    act(() => vi.advanceTimersByTime(150));
    const first = document.querySelector('.choice') as HTMLButtonElement;
    expect(first.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(first);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: '2' });
    expect(screen.queryByRole('heading', { name: /You chose/ })).toBeNull();
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    expect(first.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(first);
    expect(screen.getByRole('heading', { name: /You chose/ })).toBeTruthy();
    // Likewise the feedback's Continue: a double click on a choice does not skip its feedback.
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { name: /You chose/ })).toBeTruthy();
  });

  it('are named in the content note, with where to change them', () => {
    renderPlayer();
    expect(screen.getByText(/^Some choices are timed.*turn them off with Timers at the top of the page/)).toBeTruthy();
    cleanup();
    renderPlayer({ timers: 'off' });
    expect(screen.getByText(/^Timers are off, so no choice is timed/)).toBeTruthy();
  });

  it('become a plain choice when timers are off', () => {
    renderPlayer({ timers: 'off' });
    click('Continue');
    expect(screen.queryByRole('timer')).toBeNull();
    expect(document.querySelector('[aria-live="polite"]')?.textContent).not.toMatch(/timed/);
    click('You hesitate, unsure what you saw.');
    expect(screen.getByRole('heading', { name: /You chose: You hesitate/ })).toBeTruthy();
  });
});

describe('the debrief', () => {
  function playToTheGoodEnding() {
    const view = renderPlayer();
    click('Continue');
    for (const key of ['2', '3', '1', '1']) {
      press(key);
      click('Continue');
    }
    return view;
  }

  it('shows the ending, the score against the best and worst, a bar per tactic and the path beside the best', async () => {
    const { container } = playToTheGoodEnding();
    expect(screen.getByRole('heading', { name: 'She reports it, and you back her' })).toBeTruthy();
    // The same 0–100 figure an LMS records: 7 points on a range from −4 to 8 is (7 + 4) / 12 → 92.
    expect(screen.getByText('out of 100', { exact: false }).textContent).toBe('92 out of 100');
    expect(screen.getByRole('meter', { name: 'Your score on that range' }).getAttribute('value')).toBe('92');
    expect(screen.getByText(/^0 is the worst path this scenario allows and 100 the best/)).toBeTruthy();
    // The points behind it stay as detail.
    expect(screen.getByText('In points: 7, on a range from -4 (the worst path) to 8 (the best path).')).toBeTruthy();
    expect(screen.getByText('Bring others in: 4 (best path: 4)')).toBeTruthy();
    expect(screen.getByText('Speak up: 0 (best path: 2)')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'The best path' })).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('names the step where the learner lost most, the barrier behind that choice, and the chances to act they took', async () => {
    // A library of two others: the second gives more chances to practise seeing it as a problem.
    const other = (id: string, title: string, interpret: number): LibraryEntry => {
      const e = toLibraryEntry(`scenarios/${id}.json`, loadScenarioValue(fakeScenario({ id })));
      return e.ok ? { ...e, summary: { ...e.summary, meta: { ...e.summary.meta, title }, stages: { interpret } } } : e;
    };
    const { container } = renderPlayer({ shelf: [other('one', 'One chance', 1), other('two', 'Two chances', 2)] });
    click('Continue');
    // Watch Priya (noticing, 1 point short), laugh along (seeing it as a problem: harm 2 where 2 were on
    // offer, 4 short, "worried how it will look"), let it go (taking responsibility, 3 short).
    for (const label of [/^Look properly/, /^Laugh along/, /^Let it go/]) {
      click(label);
      click('Continue');
    }
    const section = await screen.findByRole('region', { name: 'Where you got stuck' });
    expect(section.textContent).toContain(
      'You lost the most at this step: Seeing it as a problem (4 points left on the table).',
    );
    expect(section.textContent).toContain('What may have held you back: Worried how it will look.');
    expect(screen.getByRole('link', { name: 'Two chances' }).getAttribute('href')).toMatch(/\/play\/two$/);
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Noticing what is happening: 0 of 1 chance',
      'Seeing it as a problem: 0 of 1 chance',
      'Taking responsibility: 0 of 1 chance',
    ]);
    await expectNoAxeViolations(container);
  });

  it('says so when every choice was the strongest on offer', async () => {
    playToTheGoodEnding();
    const section = await screen.findByRole('region', { name: 'Where you got stuck' });
    expect(section.textContent).toContain('You took the strongest choice every time the story gave you one.');
    expect(section.textContent).not.toContain('Practise that step');
    expect(section.querySelectorAll('li')).toHaveLength(4);
  });

  it('keeps a profile of the chances taken per step over attempts on this device, and shows it from the second', async () => {
    renderPlayer();
    click('Continue');
    for (const label of [/^Look properly/, /^Laugh along/, /^Let it go/]) {
      click(label);
      click('Continue');
    }
    await screen.findByRole('region', { name: 'Where you got stuck' });
    expect(screen.queryByRole('table', { name: /over your latest attempts/ })).toBeNull();
    click('Try again');
    for (const key of ['2', '3', '1', '1']) {
      press(key);
      click('Continue');
    }
    const table = await screen.findByRole('table', { name: /over your latest attempts \(2 on this device\)/ });
    const row = (step: string) =>
      [...table.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === step);
    expect([...(row('Noticing what is happening')?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      '0 of 1',
      '1 of 1',
    ]);
    // The first attempt gave no chance at choosing how to help: a dash, not a zero.
    expect([...(row('Choosing how to help')?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      '—',
      '1 of 1',
    ]);
  });

  it('starts again from the first scene', () => {
    playToTheGoodEnding();
    click('Try again');
    expect(screen.getByText(/Friday team lunch in the break room/, { selector: 'p' })).toBeTruthy();
  });

  it('goes back to any decision to choose differently', () => {
    playToTheGoodEnding();
    click(/^Decision 2, instead of: Nod to Sam/);
    expect(screen.getByText(/Our new star needs to loosen up/, { selector: 'p' })).toBeTruthy();
    press('4'); // laugh along this time
    expect(screen.getByText('Made things worse −2')).toBeTruthy();
  });

  it('keeps an #IWill commitment on this device', () => {
    playToTheGoodEnding();
    fireEvent.click(screen.getByRole('radio', { name: /I will check in afterwards/ }));
    click('Save my commitment');
    expect(screen.getByRole('status').textContent).toMatch(/^Saved on this device: “I will check in afterwards/);
    expect(JSON.parse(localStorage.getItem('upstander:v1:commitment:hand-on-the-back') ?? '{}').text).toMatch(
      /^I will check in/,
    );
  });
});

describe('saved progress that cannot be used', () => {
  it.each([
    ['corrupt', '{not json', /could not be read/],
    [
      'from another version',
      JSON.stringify({ run: { format: 0, scenarioId: 'hand-on-the-back', snapshot: {}, choices: [] }, phase: 'scene' }),
      /no longer fits this scenario/,
    ],
  ])('%s starts afresh with a visible notice', (_name, stored, notice) => {
    localStorage.setItem('upstander:v1:progress:hand-on-the-back', stored);
    renderPlayer();
    expect(screen.getByRole('alert').textContent).toMatch(notice);
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy();
    expect(localStorage.getItem('upstander:v1:progress:hand-on-the-back')).toBeNull();
  });

  // React may render a view and throw that render away: here a view beside the player is still loading
  // (as the follow-up question is, beside the player, on a reminder's link), so React renders the player,
  // shows the fallback instead, and renders the player afresh once the other view is there.
  it('keeps its notice when React throws its first render away', async () => {
    vi.useRealTimers(); // React's retry once the other view has loaded runs on the real clock
    localStorage.setItem('upstander:v1:progress:hand-on-the-back', '{not json');
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const StillLoading = lazy(() => arrived.then(() => ({ default: () => null })));
    render(
      <SettingsContext.Provider value={{ settings: DEFAULT_SETTINGS, change: () => {} }}>
        <Suspense fallback={<p>Loading</p>}>
          <StillLoading />
          <PlayerPage scenario={scenario} />
        </Suspense>
      </SettingsContext.Provider>,
    );
    expect(screen.getByText('Loading')).toBeTruthy();
    await act(async () => arrive());
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be read/);
    expect(localStorage.getItem('upstander:v1:progress:hand-on-the-back')).toBeNull();
  });
});

describe('skipping', () => {
  it('needs no reason and shows the tactics as a short reading instead', () => {
    renderPlayer();
    click('Skip this one');
    expect(screen.getByRole('heading', { name: 'The hand on the back: the tactics in short' })).toBeTruthy();
    expect(screen.getByText('Speak up')).toBeTruthy();
    expect(JSON.parse(localStorage.getItem('upstander:v1:progress:hand-on-the-back') ?? '{}').phase).toBe('skipped');
  });

  it('can still be played after all, from the content note', () => {
    renderPlayer();
    click('Skip this one');
    click('Play it after all');
    expect(screen.getByText(/Unwanted touching of a junior employee/)).toBeTruthy();
    click('Continue');
    expect(screen.getByText(/Friday team lunch in the break room/, { selector: 'p' })).toBeTruthy();
  });
});
