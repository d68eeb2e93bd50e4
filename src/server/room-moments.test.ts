import { afterEach, describe, expect, it, vi } from 'vitest';
import { MOMENT_MS } from '../protocol/limits.ts';
import { RoomMoments } from './room-moments.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('RoomMoments', () => {
  it('clears a signal by itself after a few minutes, and says so', () => {
    vi.useFakeTimers();
    const expired = vi.fn();
    const moments = new RoomMoments(Date.now, expired);
    expect(moments.set('a', true)).toBe(true);
    vi.advanceTimersByTime(MOMENT_MS - 1);
    expect(moments.count).toBe(1);
    vi.advanceTimersByTime(1);
    expect(moments.count).toBe(0);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('holds one signal per seat, and a withdrawn one does not expire later', () => {
    vi.useFakeTimers();
    const expired = vi.fn();
    const moments = new RoomMoments(Date.now, expired);
    moments.set('a', true);
    expect(moments.set('a', true)).toBe(false);
    expect(moments.count).toBe(1);
    expect(moments.set('a', false)).toBe(true);
    vi.advanceTimersByTime(MOMENT_MS);
    expect(expired).not.toHaveBeenCalled();
    expect(moments.count).toBe(0);
  });
});
