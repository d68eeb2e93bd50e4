import type { Participant } from './room-state.types.ts';

/**
 * The seats of one room: who holds one, by participant id and by the seat number their phone shows.
 * A removed participant's seat is free again (it no longer counts against the cap) and its number is
 * never given out again.
 */
export class RoomSeats {
  private readonly byId = new Map<string, Participant>();
  private readonly idBySeat = new Map<number, string>();
  private lastSeat = 0;

  constructor(participants: readonly Participant[]) {
    for (const p of participants) this.add(p);
  }

  /** Seats held now, connected or not. */
  get size(): number {
    return this.idBySeat.size;
  }

  /** The number the next seat gets. */
  get nextSeat(): number {
    return this.lastSeat + 1;
  }

  /** The participant holding a seat, by id; none once removed. */
  holder(participantId: string): Participant | undefined {
    const p = this.byId.get(participantId);
    return p && !p.removed ? p : undefined;
  }

  /** The participant holding seat number `seat`. */
  at(seat: number): Participant | undefined {
    const id = this.idBySeat.get(seat);
    return id ? this.holder(id) : undefined;
  }

  /** Ids of the participants holding a seat. */
  ids(): IterableIterator<string> {
    return this.idBySeat.values();
  }

  add(p: Participant) {
    this.byId.set(p.id, p);
    this.lastSeat = Math.max(this.lastSeat, p.seat);
    if (!p.removed) this.idBySeat.set(p.seat, p.id);
  }

  remove(participantId: string) {
    const p = this.byId.get(participantId);
    if (!p) return;
    this.byId.set(participantId, { ...p, removed: true });
    this.idBySeat.delete(p.seat);
  }
}
