import { MOMENT_CHANGES_PER_MINUTE, MOMENT_MS } from '../protocol/limits.ts';
import { AddressLimiter } from './address-limiter.ts';
import { RoomError } from './room-error.ts';

/**
 * "I need a moment" in one room: one active signal per seat, each cleared after `MOMENT_MS` unless
 * withdrawn first, and at most `MOMENT_CHANGES_PER_MINUTE` changes per seat a minute. Kept in memory
 * only (a signal lives minutes, and nothing records who asked); anyone outside learns only how many.
 */
export class RoomMoments {
  private readonly active = new Map<string, NodeJS.Timeout>();
  private readonly changes: AddressLimiter;

  /** `expired` is told when a signal clears by itself. */
  constructor(
    now: () => number,
    private readonly expired: () => void,
  ) {
    this.changes = new AddressLimiter(MOMENT_CHANGES_PER_MINUTE, 60_000, now);
  }

  /** Signals (`on`) or withdraws; whether the count changed. Throws `rate-limited` on a flood. */
  set(participantId: string, on: boolean): boolean {
    if (on === this.active.has(participantId)) return false;
    if (!this.changes.allowed(participantId))
      throw new RoomError('rate-limited', 'That was changed too often: wait a minute and try again.');
    this.changes.count(participantId);
    if (!on) return this.clear(participantId);
    const timer = setTimeout(() => this.clear(participantId) && this.expired(), MOMENT_MS);
    timer.unref();
    this.active.set(participantId, timer);
    return true;
  }

  /** Clears a seat's signal (withdrawn, expired or the seat removed); whether there was one. */
  clear(participantId: string): boolean {
    clearTimeout(this.active.get(participantId));
    return this.active.delete(participantId);
  }

  /** Whether this seat signals now (told only to that seat's own phone). */
  has(participantId: string): boolean {
    return this.active.has(participantId);
  }

  /** How many signal now. */
  get count(): number {
    return this.active.size;
  }

  dispose() {
    for (const timer of this.active.values()) clearTimeout(timer);
    this.active.clear();
  }
}
