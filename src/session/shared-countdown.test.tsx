// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SharedCountdown } from './room-choices.tsx';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-05-01T10:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The bar's width as a fraction of the track. */
const bar = (container: HTMLElement) =>
  Number.parseFloat((container.querySelector('.countdown-bar') as HTMLElement).style.width) / 100;
const timer = () => screen.getByRole('timer').textContent ?? '';

describe('the room’s shared countdown', () => {
  it('shows reading time first, with a full bar, then counts the time to decide', () => {
    // 10 s to read, 20 s to decide; 4 s spent when the room was sent.
    const { container } = render(
      <SharedCountdown
        room={{ remainingMs: 26_000, readingMs: 10_000, timerMs: 20_000 }}
        receivedAt={Date.now()}
        label="Wait"
      />,
    );
    expect(timer()).toMatch(/^Reading time: the clock starts in 6 s, then you have 20 s\./);
    expect(bar(container)).toBe(1);
    act(() => vi.advanceTimersByTime(11_000));
    expect(timer()).toMatch(/^15 s left/);
    expect(bar(container)).toBeCloseTo(15 / 20, 2);
  });

  it('after a reload, fills its bar by the time left over the timer’s full length, not from full', () => {
    // A phone opened 15 s into a 20 s countdown (reading time over): 5 s left is a quarter of the bar.
    const { container } = render(
      <SharedCountdown
        room={{ remainingMs: 5_000, readingMs: 8_000, timerMs: 20_000 }}
        receivedAt={Date.now()}
        label="Wait"
      />,
    );
    expect(timer()).toMatch(/^5 s left/);
    expect(bar(container)).toBeCloseTo(0.25, 2);
  });

  it('goes on where it was when another room message arrives (a vote, a count)', () => {
    const room = { remainingMs: 20_000, readingMs: 0, timerMs: 20_000 };
    const { container, rerender } = render(<SharedCountdown room={room} receivedAt={Date.now()} label="Wait" />);
    act(() => vi.advanceTimersByTime(8_000));
    expect(bar(container)).toBeCloseTo(12 / 20, 2);
    // A new view, 8 s later, with the server's 12 s left: the bar does not jump back to full.
    rerender(<SharedCountdown room={{ ...room, remainingMs: 12_000 }} receivedAt={Date.now()} label="Wait" />);
    expect(bar(container)).toBeCloseTo(12 / 20, 2);
    expect(timer()).toMatch(/^12 s left/);
    act(() => vi.advanceTimersByTime(6_000));
    expect(bar(container)).toBeCloseTo(6 / 20, 2);
    expect(timer()).toMatch(/^6 s left/);
  });
});
