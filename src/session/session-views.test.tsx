// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../engine/scenario.types.ts';
import type { ClientRequest, RoomView, Tally } from '../protocol/messages.ts';
import { fakeChoice, fakeEnding, fakeRoom, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { i18next, loadLanguage } from '../ui/i18n.ts';
import { GoOnControls, useGoOn } from './go-on-controls.tsx';
import { GroupDebrief } from './group-debrief.tsx';
import { JoinPanel } from './join-panel.tsx';
import { PostCommitment } from './post-commitment.tsx';
import { ResultsExport } from './results-export.tsx';
import { RoomStatus } from './room-status.tsx';
import { SeatRemoval } from './seat-removal.tsx';
import { useRoomStory } from './use-room-story.ts';
import { VoteBars } from './vote-bars.tsx';

// The Spanish strings, fetched as the app fetches them when Spanish is chosen.
beforeAll(() => loadLanguage('es'));

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18next.changeLanguage('en');
});

const scenario = fakeScenario({
  states: {
    start: fakeScene({
      on: {
        STEP_IN: fakeChoice({
          target: 'end',
          meta: {
            label: '<img src=x onerror=alert(1)> Step in',
            feedback: 'You were there.',
            tactics: { stepForward: 2 },
          },
        }),
        LOOK_AWAY: fakeChoice({
          target: 'end',
          meta: { label: 'Look away', feedback: 'It went on.', tactics: {}, harm: 1 },
        }),
      },
    }),
    end: fakeEnding('good'),
  },
});
const choices = [
  { event: 'STEP_IN', timed: false },
  { event: 'LOOK_AWAY', timed: false },
];

function Bars({ room, tally }: { room: RoomView; tally: Tally }) {
  const story = useRoomStory(scenario as Scenario, room);
  return <VoteBars story={story} tally={tally} choices={story.choices} />;
}

function Debrief({ room }: { room: RoomView }) {
  return <GroupDebrief story={useRoomStory(scenario, room)} room={room} />;
}

const noViolations = async (container: HTMLElement) => {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
};

describe('the spread of votes', () => {
  it('shows a bar per choice with its count, share, tactics and feedback, and scenario text as text', async () => {
    const room = fakeRoom({ phase: 'revealed', choices });
    const { container } = render(
      <Bars room={room} tally={{ shown: true, total: 6, counts: { STEP_IN: 4, LOOK_AWAY: 2 } }} />,
    );
    expect(screen.getByText('<img src=x onerror=alert(1)> Step in')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('4 votes (67%)')).toBeTruthy();
    expect(screen.getByText('2 votes (33%)')).toBeTruthy();
    expect(screen.getByText('Step forward.')).toBeTruthy();
    expect(screen.getByText('Does harm.')).toBeTruthy();
    await noViolations(container);
  });

  it('draws each bar as long as its share of all the votes, so a 57% lead never fills the track', async () => {
    const room = fakeRoom({ phase: 'revealed', choices });
    const { container } = render(
      <Bars room={room} tally={{ shown: true, total: 7, counts: { STEP_IN: 4, LOOK_AWAY: 3 } }} />,
    );
    expect(screen.getByText('4 votes (57%)')).toBeTruthy();
    const widths = () =>
      [...container.querySelectorAll<HTMLElement>('.vote-bars .bar')].map((b) => Number.parseFloat(b.style.width));
    // Once the bars have grown: the track is all the votes.
    await waitFor(() => expect(widths().map((w) => w.toFixed(1))).toEqual(['57.1', '42.9']), { timeout: 5000 });
    expect(widths()[0] + widths()[1]).toBeCloseTo(100, 1);
  });

  it('says why the spread is withheld when too few voted, and shows no counts', async () => {
    const { container } = render(
      <Bars room={fakeRoom({ phase: 'revealed', choices })} tally={{ shown: false, total: 2, needed: 5 }} />,
    );
    expect(
      screen.getByText('2 voted; the spread is shown from 5 votes, so that nobody can be singled out.'),
    ).toBeTruthy();
    expect(screen.queryByText(/votes? \(/)).toBeNull();
    await noViolations(container);
  });
});

describe('the group debrief', () => {
  it('shows the ending, the path with its votes, and the room against the best and worst paths', async () => {
    const room = fakeRoom({
      phase: 'debrief',
      scene: ['end'],
      choices: [],
      path: [
        {
          scene: ['start'],
          choice: 'STEP_IN',
          chosenBy: 'majority',
          tally: { shown: true, total: 6, counts: { STEP_IN: 3, LOOK_AWAY: 3 } },
        },
      ],
    });
    const { container } = render(<Debrief room={room} />);
    expect(screen.getByRole('heading', { name: 'The path the group took' })).toBeTruthy();
    // One pair of brackets: the count and the share inside it, never brackets within brackets.
    expect(screen.getByText(/chosen by the majority \(3 votes, 50%\)$/)).toBeTruthy();
    // Path taken 2, the room's votes half of that (and half the harm), best 2, worst 0.
    expect(screen.getByRole('row', { name: 'Step forward 2 1 2 0' })).toBeTruthy();
    expect(screen.getByRole('row', { name: 'Harm 0 0.5 0 1' })).toBeTruthy();
    expect(screen.getByRole('row', { name: 'Total 2 0.5 2 -1' })).toBeTruthy();
    await noViolations(container);
  });
});

describe('a decision the clock took, in the group debrief', () => {
  const ranOut = (tally: Tally) =>
    fakeRoom({
      phase: 'debrief',
      scene: ['end'],
      choices: [],
      path: [{ scene: ['start'], choice: 'LOOK_AWAY', chosenBy: 'time-ran-out', tally }],
    });

  it('says the time ran out and how many did not vote in time, never that the majority chose it', async () => {
    const { container, unmount } = render(
      <Debrief room={ranOut({ shown: true, total: 7, counts: { STEP_IN: 0, LOOK_AWAY: 7 } })} />,
    );
    const path = container.querySelector('.group-path li')?.textContent ?? '';
    expect(path).toContain('Look away the time ran out: 7 did not vote in time (100%)');
    expect(path).not.toMatch(/majority|votes/);
    await noViolations(container);
    unmount();
    await i18next.changeLanguage('es');
    const { container: es } = render(
      <Debrief room={ranOut({ shown: true, total: 1, counts: { STEP_IN: 0, LOOK_AWAY: 1 } })} />,
    );
    expect(es.querySelector('.group-path li')?.textContent).toContain(
      'se acabó el tiempo: 1 persona no votó a tiempo (100 %)',
    );
  });

  it('says the time ran out beside a withheld spread too', () => {
    const { container } = render(<Debrief room={ranOut({ shown: false, total: 2, needed: 5 })} />);
    expect(container.querySelector('.group-path li')?.textContent).toContain(
      'the time ran out (spread withheld: 2 in the count, 5 needed)',
    );
  });
});

describe('the group debrief’s score table', () => {
  it('shows every figure to at most one decimal, in the viewer’s notation, with a legend under it', async () => {
    // A third of the room stepped in: the room's votes score 2/3 on the tactic and 2/3 harm.
    const room = fakeRoom({
      phase: 'debrief',
      scene: ['end'],
      choices: [],
      path: [
        {
          scene: ['start'],
          choice: 'LOOK_AWAY',
          chosenBy: 'majority',
          tally: { shown: true, total: 6, counts: { STEP_IN: 2, LOOK_AWAY: 4 } },
        },
      ],
    });
    const { container, unmount } = render(<Debrief room={room} />);
    expect(screen.getByRole('row', { name: 'Step forward 0 0.7 2 0' })).toBeTruthy();
    expect(screen.getByRole('row', { name: 'Harm 1 0.7 0 1' })).toBeTruthy();
    const legend = container.querySelector('table + .score-legend');
    expect(legend?.textContent).toMatch(
      /share of the votes, so where the room's votes differ from the path taken, its figures can even exceed the best path's/,
    );
    unmount();
    await i18next.changeLanguage('es');
    render(<Debrief room={room} />);
    expect(screen.getByRole('row', { name: /^Dar un paso al frente 0 0,7 2 0$/ })).toBeTruthy();
  });
});

describe('a decision whose spread was withheld, in the group debrief', () => {
  it('is shown as withheld, and the facilitator’s pick is never scored as the room’s votes', async () => {
    const room = fakeRoom({
      phase: 'debrief',
      scene: ['end'],
      choices: [],
      path: [
        {
          scene: ['start'],
          choice: 'LOOK_AWAY',
          chosenBy: 'facilitator',
          tally: { shown: false, total: 4, needed: 5 },
        },
      ],
    });
    const { container } = render(<Debrief room={room} />);
    expect(screen.getByText(/spread withheld: 4 in the count, 5 needed/)).toBeTruthy();
    expect(screen.getByText(/1 of 1 was withheld \(too few voted\)/)).toBeTruthy();
    // The path taken did harm; the room's column says the spread was withheld instead of scoring it.
    expect(screen.getByRole('row', { name: 'Harm 1 spread withheld 0 1' })).toBeTruthy();
    expect(screen.getByRole('row', { name: 'Total -1 spread withheld 2 -1' })).toBeTruthy();
    await noViolations(container);
  });
});

describe('the room counts', () => {
  it('shows who is connected now beside who joined, and the votes while voting', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
    const { container } = render(
      <JoinPanel code="ABCDEF" sessionId="s3ss10n-1d" joined={10} connected={4} voted={3} />,
    );
    expect(container.querySelector('.room-counts')?.textContent).toBe('10 joined · 4 connected now · 3 voted');
    await noViolations(container);
  });

  it('invites nobody in once the room is locked: no code, no QR code, and says it is closed, in Spanish too', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
    const panel = (locked: boolean) => (
      <JoinPanel code="ABCDEF" sessionId="s3ss10n-1d" joined={10} connected={4} locked={locked} />
    );
    const { container, rerender } = render(panel(false));
    expect(container.textContent).toContain('ABC DEF');
    expect(container.querySelector('.qr')).not.toBeNull();
    rerender(panel(true));
    expect(screen.getByRole('heading', { name: 'Closed to new people' })).toBeTruthy();
    expect(screen.getByText('The facilitator has locked the room: nobody new can join.')).toBeTruthy();
    expect(container.textContent).not.toContain('ABC DEF');
    expect(container.textContent).not.toMatch(/A B C D E F|#\/join/);
    expect(container.querySelector('.qr, svg, img, canvas')).toBeNull();
    expect(container.querySelector('.room-counts')?.textContent).toBe('10 joined · 4 connected now');
    await noViolations(container);
    await i18next.changeLanguage('es');
    rerender(panel(true));
    expect(screen.getByRole('heading', { name: 'Cerrada a nuevas personas' })).toBeTruthy();
    // Unlocked again, the invitation comes back.
    rerender(panel(false));
    expect(container.textContent).toContain('ABC DEF');
  });
});

describe('refusals and failures', () => {
  it('says each protocol error code in the viewer’s language, never the server’s English', async () => {
    const error = { code: 'store-failed' as const, message: 'Server text that must not be shown.' };
    const { container, rerender } = render(<RoomStatus session={{ status: 'open', error }} />);
    expect(screen.getByRole('alert').textContent).toMatch(/^Time ran out, but the server could not save the reveal/);
    await i18next.changeLanguage('es');
    rerender(<RoomStatus session={{ status: 'open', error: { ...error, code: 'removed' } }} />);
    expect(screen.getByRole('alert').textContent).toBe('Quien facilita ha sacado este teléfono de la sesión.');
    expect(container.textContent).not.toContain('Server text');
    await noViolations(container);
  });

  it('says the realtime channel cannot open in the viewer’s language: what to fix on the console, whom to tell on a phone', async () => {
    await i18next.changeLanguage('es');
    const { container, rerender } = render(
      <RoomStatus session={{ status: 'blocked', error: undefined }} facilitator />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(
      /^La conexión en directo no puede abrirse.*Upgrade y Connection/,
    );
    rerender(<RoomStatus session={{ status: 'blocked', error: undefined }} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'La votación en directo no puede conectarse desde esta red. Avisa a quien facilita la sesión; esta página sigue intentándolo.',
    );
    await noViolations(container);
  });
});

describe('removing a participant', () => {
  it('sends the seat number, and says it was removed only once the server acknowledged it', async () => {
    const sent: unknown[] = [];
    const send = (request: unknown) => sent.push(request);
    const { container, rerender } = render(<SeatRemoval send={send} acknowledged={undefined} offline={false} />);
    fireEvent.change(screen.getByLabelText('Seat number'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove from the session' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove seat 7' }));
    expect(sent).toEqual([{ type: 'remove', seat: 7 }]);
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(<SeatRemoval send={send} acknowledged={1} offline={false} />);
    expect(screen.getByRole('status').textContent).toBe('Seat 7 was removed.');
    await noViolations(container);
  });
});

describe('a removal the server refuses', () => {
  /** Asks to remove `n` and confirms it, as request 4; returns the seat field and the rerender. */
  function removeSeat(n: number) {
    const send = () => 4;
    const { rerender } = render(<SeatRemoval send={send} acknowledged={undefined} offline={false} />);
    const seat = screen.getByLabelText('Seat number') as HTMLInputElement;
    fireEvent.change(seat, { target: { value: String(n) } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove from the session' }));
    fireEvent.click(screen.getByRole('button', { name: `Remove seat ${n}` }));
    return { seat, send, rerender };
  }

  it('says why, and puts the seat number back in its field, focused, to put right', async () => {
    const { seat, send, rerender } = removeSeat(71);
    expect(seat.value).toBe('');
    // Nobody holds seat 71: the server refuses request 4.
    rerender(
      <SeatRemoval
        send={send}
        acknowledged={undefined}
        refusal={{ code: 'unknown-seat', replyTo: 4 }}
        offline={false}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Nobody holds that seat in this session.');
    expect(seat.value).toBe('71');
    expect(document.activeElement).toBe(seat);
  });

  it('is not taken for a refusal of another request', () => {
    const { seat, send, rerender } = removeSeat(7);
    rerender(
      <SeatRemoval
        send={send}
        acknowledged={undefined}
        refusal={{ code: 'not-facilitator', replyTo: 3 }}
        offline={false}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('');
    expect(seat.value).toBe('');
  });
});

describe('removing a participant is asked first', () => {
  it('names the seat before removing it, and Escape or Cancel removes nobody, from the keyboard', async () => {
    const sent: unknown[] = [];
    const send = (request: unknown) => sent.push(request);
    const { container } = render(<SeatRemoval send={send} acknowledged={undefined} offline={false} />);
    const seat = screen.getByLabelText('Seat number');
    // A typo: 17 for 7. Pressing Remove only asks, naming the seat; the focus is on Cancel.
    fireEvent.change(seat, { target: { value: '17' } });
    fireEvent.submit(seat.closest('form') as HTMLFormElement);
    const ask = screen.getByRole('alertdialog', { name: 'Remove seat 17 from the session?' });
    expect(sent).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await noViolations(container);
    // Escape cancels it, and the focus goes back to the seat number to put it right.
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(ask.isConnected).toBe(false);
    expect(document.activeElement).toBe(seat);
    // Cancel does the same.
    fireEvent.submit(seat.closest('form') as HTMLFormElement);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(sent).toEqual([]);
    // The right seat, confirmed: removed.
    fireEvent.change(seat, { target: { value: '7' } });
    fireEvent.submit(seat.closest('form') as HTMLFormElement);
    fireEvent.click(screen.getByRole('button', { name: 'Remove seat 7' }));
    expect(sent).toEqual([{ type: 'remove', seat: 7 }]);
    // Removed: the focus leaves the field (where a shortcut key would be typed as a letter) for the panel's heading.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Participants' }));
  });

  it('asks in Spanish too', async () => {
    await i18next.changeLanguage('es');
    render(<SeatRemoval send={() => 1} acknowledged={undefined} offline={false} />);
    fireEvent.change(screen.getByLabelText('Número de asiento'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Quitar de la sesión' }));
    expect(screen.getByRole('alertdialog', { name: '¿Quitar el asiento 3 de la sesión?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Quitar el asiento 3' })).toBeTruthy();
  });
});

describe('posting an #IWill from a phone', () => {
  it('sends the text, and moves the focus to the thanks that takes the form’s place', () => {
    const sent: ClientRequest[] = [];
    render(<PostCommitment session={{ send: (r) => sent.push(r) }} />);
    const field = screen.getByLabelText(/One thing you will do/);
    fireEvent.change(field, { target: { value: '  I will ask Sam if she is OK.  ' } });
    field.focus();
    fireEvent.click(screen.getByRole('button', { name: 'Post' }));
    expect(sent).toEqual([{ type: 'post', text: 'I will ask Sam if she is OK.' }]);
    expect(document.activeElement).toBe(screen.getByRole('status'));
    expect(document.activeElement?.textContent).toBe('Posted. Thank you.');
  });
});

describe('the results export', () => {
  it('asks for the results in the console’s language, and for the posts shown on the wall only when ticked', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', (url: URL, init: RequestInit) => {
      asked.push(`${url.search} ${(init.headers as Record<string, string>).authorization}`);
      return Promise.reject(new Error('offline'));
    });
    await i18next.changeLanguage('es');
    const { container } = render(<ResultsExport sessionId={'S'.repeat(22)} secret={'K'.repeat(22)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Descargar CSV' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Incluir los compromisos #IWill mostrados en el muro' }));
    fireEvent.click(screen.getByRole('button', { name: 'Descargar CSV' }));
    expect(asked).toEqual([
      `?format=csv&lang=es Bearer ${'K'.repeat(22)}`,
      `?format=csv&lang=es&posts=1 Bearer ${'K'.repeat(22)}`,
    ]);
    await screen.findByRole('alert');
    await noViolations(container);
  });
});

function Controls({ room, send }: { room: RoomView; send: (r: ClientRequest) => unknown }) {
  const goOn = useGoOn({ story: useRoomStory(scenario, room), room, send, offline: false });
  return <GoOnControls goOn={goOn} />;
}

describe('turning the stage from the console', () => {
  const previous = () => screen.getByRole('button', { name: /^Stage: previous part/ }) as HTMLButtonElement;
  const next = () => screen.getByRole('button', { name: /^Stage: next part/ }) as HTMLButtonElement;

  it('offers previous and next part only when the stages show more than one part', () => {
    const sent: ClientRequest[] = [];
    const send = (r: ClientRequest) => sent.push(r);
    const room = (partial: Partial<RoomView>) => fakeRoom({ phase: 'voting', choices, ...partial });
    const { rerender } = render(<Controls room={room({ stageParts: 1 })} send={send} />);
    // Everything fits one part: nothing to turn, by button or by key.
    expect([previous().disabled, next().disabled]).toEqual([true, true]);
    fireEvent.keyDown(document.body, { key: 'PageDown' });
    fireEvent.keyDown(document.body, { key: 'PageUp' });
    expect(sent).toEqual([]);
    // Three parts, at the first: only next.
    rerender(<Controls room={room({ stageParts: 3 })} send={send} />);
    expect([previous().disabled, next().disabled]).toEqual([true, false]);
    fireEvent.keyDown(document.body, { key: 'PageDown' });
    expect(sent).toEqual([{ type: 'scenePart', part: 1 }]);
    // At the second: both.
    rerender(<Controls room={room({ stageParts: 3, scenePart: 1 })} send={send} />);
    expect([previous().disabled, next().disabled]).toEqual([false, false]);
    // No stage has said yet (one on another network may never): offered, rather than stuck.
    rerender(<Controls room={room({ scenePart: 0 })} send={send} />);
    expect(next().disabled).toBe(false);
  });
});
