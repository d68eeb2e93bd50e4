// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MOMENT_MS } from '../protocol/limits.ts';
import type { ClientRequest, RoomView, Tally } from '../protocol/messages.ts';
import { fakeChoice, fakeEnding, fakeRoom, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { i18next, loadLanguage } from '../ui/i18n.ts';
import { GuessBars } from './guess-bars.tsx';
import { MomentCount } from './moment-count.tsx';
import { MomentSignal } from './moment-signal.tsx';
import { PredictRoom } from './predict-room.tsx';
import { useRoomStory } from './use-room-story.ts';

// The Spanish strings, fetched as the app fetches them when Spanish is chosen.
beforeAll(() => loadLanguage('es'));

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await i18next.changeLanguage('en');
});

const scenario = fakeScenario({
  states: {
    start: fakeScene({
      on: {
        STEP_IN: fakeChoice({ target: 'end', meta: { label: 'Step in', tactics: { stepForward: 2 } } }),
        LOOK_AWAY: fakeChoice({ target: 'end', meta: { label: 'Look away', harm: 1 } }),
      },
    }),
    end: fakeEnding('good'),
  },
});
const choices = [
  { event: 'STEP_IN', timed: false },
  { event: 'LOOK_AWAY', timed: false },
];

const noViolations = async (container: HTMLElement) => {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
};

function Predict(props: {
  send: (r: ClientRequest) => number | undefined;
  acknowledged: number | undefined;
  confirmed?: string | null;
  receivedAt?: number;
}) {
  const story = useRoomStory(scenario, fakeRoom({ choices }));
  return <PredictRoom story={story} decision={2} offline={false} confirmed={null} receivedAt={0} {...props} />;
}

function Guesses({ room, guesses, tally }: { room: RoomView; guesses: Tally; tally: Tally }) {
  const story = useRoomStory(scenario, room);
  return <GuessBars story={story} guesses={guesses} tally={tally} choices={story.choices} />;
}

describe('predict the room, on a phone', () => {
  it('sends a guess for the decision on the screen, and says it only once the server acknowledged it', async () => {
    const sent: ClientRequest[] = [];
    const send = (r: ClientRequest) => sent.push(r);
    const { container, rerender } = render(<Predict send={send} acknowledged={undefined} />);
    expect(screen.getByRole('heading', { name: 'Predict the room' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Look away' }));
    expect(sent).toEqual([{ type: 'guess', decision: 2, choice: 'LOOK_AWAY' }]);
    expect(screen.getByRole('status').textContent).toBe('No guess yet (optional).');
    rerender(<Predict send={send} acknowledged={1} />);
    expect(screen.getByRole('status').textContent).toBe('Your guess: Look away');
    expect(screen.getByRole('button', { name: 'Look away' }).getAttribute('aria-pressed')).toBe('true');
    // Changed: the new guess stands once acknowledged.
    fireEvent.click(screen.getByRole('button', { name: 'Step in' }));
    rerender(<Predict send={send} acknowledged={2} />);
    expect(screen.getByRole('status').textContent).toBe('Your guess: Step in');
    await noViolations(container);
  });

  it('shows the guess the server holds for this seat (a reloaded phone), until a newer one is acknowledged', () => {
    const { rerender } = render(
      <Predict send={() => 1} acknowledged={undefined} confirmed="LOOK_AWAY" receivedAt={5} />,
    );
    expect(screen.getByRole('status').textContent).toBe('Your guess: Look away');
    expect(screen.getByRole('button', { name: 'Look away' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Step in' }));
    rerender(<Predict send={() => 1} acknowledged={1} confirmed="LOOK_AWAY" receivedAt={5} />);
    expect(screen.getByRole('status').textContent).toBe('Your guess: Step in');
    // A later room view is the server's word, which has the newer guess by then.
    rerender(<Predict send={() => 1} acknowledged={1} confirmed="STEP_IN" receivedAt={Date.now() + 1} />);
    expect(screen.getByRole('button', { name: 'Step in' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('the guesses beside the votes', () => {
  const room = fakeRoom({ phase: 'revealed', choices });
  const tally: Tally = { shown: true, total: 6, counts: { STEP_IN: 5, LOOK_AWAY: 1 } };

  it('shows how many guessed each choice, and whether the room guessed itself right', async () => {
    const guesses: Tally = { shown: true, total: 5, counts: { STEP_IN: 1, LOOK_AWAY: 4 } };
    const { container } = render(<Guesses room={room} guesses={guesses} tally={tally} />);
    expect(screen.getByText('Most people guessed “Look away”, but the room picked “Step in”.')).toBeTruthy();
    expect(screen.getByText('guessed by 4 (80%)')).toBeTruthy();
    expect(screen.getByText('guessed by 1 (20%)')).toBeTruthy();
    // Each bar is its share of all the guesses (80% of the track), not scaled to the most guessed.
    const widths = [...container.querySelectorAll<HTMLElement>('.bar.guess')].map((b) => b.style.width);
    expect(widths).toEqual(['20%', '80%']);
    await noViolations(container);
  });

  it('withholds them below the reveal minimum, with no counts, in Spanish too', async () => {
    await i18next.changeLanguage('es');
    const { container } = render(<Guesses room={room} guesses={{ shown: false, total: 2, needed: 5 }} tally={tally} />);
    expect(screen.getByText(/^Han hecho su predicción 2; las predicciones se muestran a partir de 5/)).toBeTruthy();
    expect(container.textContent).not.toMatch(/%/);
    await noViolations(container);
  });
});

describe('I need a moment, on a phone', () => {
  it('signals anonymously, then offers the support page, quick exit and a way to withdraw', async () => {
    const sent: ClientRequest[] = [];
    const send = (r: ClientRequest) => sent.push(r);
    const { container, rerender } = render(
      <MomentSignal confirmed={false} receivedAt={0} send={send} acknowledged={undefined} offline={false} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'I need a moment' }));
    expect(sent).toEqual([{ type: 'moment', on: true }]);
    rerender(<MomentSignal confirmed={false} receivedAt={0} send={send} acknowledged={1} offline={false} />);
    expect(screen.getByRole('status').textContent).toMatch(/knows someone needs a moment; not who/);
    expect(screen.getByRole('link', { name: /Support and helplines/ }).getAttribute('href')).toBe('#/support');
    expect(screen.getByRole('button', { name: 'Quick exit' })).toBeTruthy();
    await noViolations(container);
    fireEvent.click(screen.getByRole('button', { name: 'I’m OK now' }));
    expect(sent[1]).toEqual({ type: 'moment', on: false });
    rerender(<MomentSignal confirmed={false} receivedAt={0} send={send} acknowledged={2} offline={false} />);
    expect(screen.getByRole('button', { name: 'I need a moment' })).toBeTruthy();
  });

  it('shows a signal the server holds for this seat (a reloaded phone), with a way to withdraw it', () => {
    const sent: ClientRequest[] = [];
    const { rerender } = render(
      <MomentSignal
        confirmed={true}
        receivedAt={5}
        send={(r) => sent.push(r)}
        acknowledged={undefined}
        offline={false}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/knows someone needs a moment/);
    fireEvent.click(screen.getByRole('button', { name: 'I’m OK now' }));
    expect(sent).toEqual([{ type: 'moment', on: false }]);
    rerender(<MomentSignal confirmed={true} receivedAt={5} send={() => 1} acknowledged={1} offline={false} />);
    expect(screen.getByRole('button', { name: 'I need a moment' })).toBeTruthy();
  });

  it('lapses on the phone when it lapses on the server', () => {
    vi.useFakeTimers();
    const { rerender } = render(
      <MomentSignal confirmed={false} receivedAt={0} send={() => 1} acknowledged={undefined} offline={false} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'I need a moment' }));
    rerender(<MomentSignal confirmed={false} receivedAt={0} send={() => 1} acknowledged={1} offline={false} />);
    expect(screen.queryByRole('button', { name: 'I need a moment' })).toBeNull();
    act(() => {
      vi.advanceTimersByTime(MOMENT_MS);
    });
    expect(screen.getByRole('button', { name: 'I need a moment' })).toBeTruthy();
  });
});

describe('I need a moment, on the console', () => {
  it('shows how many, never who, with what to do; nothing when nobody signals', async () => {
    const { container, rerender } = render(<MomentCount moments={0} />);
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(<MomentCount moments={2} />);
    expect(screen.getByRole('heading', { name: '2 people need a moment' })).toBeTruthy();
    expect(screen.getByText(/remind everyone of the support page/)).toBeTruthy();
    expect(screen.getByText(/skip this scene/)).toBeTruthy();
    await noViolations(container);
    await i18next.changeLanguage('es');
    rerender(<MomentCount moments={1} />);
    expect(screen.getByRole('heading', { name: '1 persona necesita un momento' })).toBeTruthy();
  });
});
