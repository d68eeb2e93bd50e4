import type { Role, RoomView, SeatView, ServerMessage } from '../protocol/messages.ts';
import type { Peer } from './peer.types.ts';

/**
 * How often the facilitator's and the projector's join and vote counts are refreshed at most: many votes,
 * one update. The count is a progress display; the tally itself is exact.
 */
const COUNT_INTERVAL_MS = 150;

/**
 * The connections of one room and what they are sent. A broadcast serialises each view once however
 * many phones there are; join and vote counts are coalesced and go only to the facilitator and the
 * projector, never who voted for what.
 */
export class RoomAudience {
  private readonly peers = new Set<Peer>();
  /** The facilitator's consoles and the projectors among `peers`: what goes to them alone need not visit every phone. */
  private readonly screens = new Set<Peer>();
  /** Open connections per participant: a phone may briefly have two (a new one before the old one closed). */
  private readonly connections = new Map<string, number>();
  private countTimer: NodeJS.Timeout | undefined;
  private lastActive: number;

  constructor(
    private readonly sessionId: string,
    private readonly now: () => number,
  ) {
    this.lastActive = now();
  }

  /** Gives the connection its role in this room: called only once the room has accepted it. */
  attach(peer: Peer, role: Role, participantId?: string) {
    if (this.peers.has(peer)) return;
    peer.role = role;
    peer.participantId = participantId;
    peer.sessionId = this.sessionId;
    this.peers.add(peer);
    if (role !== 'participant') this.screens.add(peer);
    if (participantId) this.connections.set(participantId, (this.connections.get(participantId) ?? 0) + 1);
    this.lastActive = this.now();
  }

  /** The connection closed. */
  leave(peer: Peer) {
    if (!this.peers.delete(peer)) return;
    this.screens.delete(peer);
    const id = peer.participantId;
    if (id) {
      const left = (this.connections.get(id) ?? 1) - 1;
      if (left > 0) this.connections.set(id, left);
      else this.connections.delete(id);
    }
    this.lastActive = this.now();
  }

  /** Takes the role from every connection of a removed participant, telling each why. */
  dismiss(participantId: string, message: ServerMessage) {
    for (const peer of this.peers) {
      if (peer.participantId !== participantId) continue;
      this.leave(peer);
      this.send(peer, message);
      peer.role = undefined;
      peer.participantId = undefined;
      peer.sessionId = undefined;
    }
  }

  /** Whether the participant has a connection open now. */
  isConnected(participantId: string): boolean {
    return this.connections.has(participantId);
  }

  /** Participants with a connection open now. */
  get connected(): number {
    return this.connections.size;
  }

  /** Nobody connected for `idleMs`. */
  idleSince(now: number, idleMs: number): boolean {
    return this.peers.size === 0 && now - this.lastActive >= idleMs;
  }

  send(peer: Peer, message: ServerMessage) {
    peer.send(JSON.stringify(message));
  }

  /**
   * Sends the room to everyone, or only to the roles in `only`; each phone's own doings (its vote, its
   * guess, its moment) ride along with the shared view, which is serialised once. `seatOf` should give
   * one object for one set of doings (`SeatViews.of`): each is encoded once, however many phones share it.
   */
  broadcast(
    view: (forFacilitator: boolean) => RoomView,
    seatOf: (participantId: string) => SeatView,
    only?: readonly Role[],
  ) {
    let facilitator: string | undefined;
    let shared: string | undefined;
    // One encoded message for each different seat view (there are as many as choices × guesses × moment,
    // not phones): `seatOf` gives the same object for the same doings (see `SeatViews`), so thousands of
    // phones get the same bytes, and the loop builds nothing per phone for the collector to clear mid-reveal.
    const bySeat = new Map<SeatView, Buffer>();
    // Consoles and projectors are kept apart too: a broadcast for them alone never walks the phones.
    const audience = only && !only.includes('participant') ? this.screens : this.peers;
    for (const peer of audience) {
      if (only && !only.includes(peer.role as Role)) continue;
      if (peer.role === 'facilitator') {
        facilitator ??= JSON.stringify({ type: 'room', room: view(true) });
        peer.send(facilitator);
        continue;
      }
      shared ??= JSON.stringify(view(false));
      if (peer.role !== 'participant') {
        peer.send(`{"type":"room","room":${shared}}`);
        continue;
      }
      const seat = seatOf(peer.participantId ?? '');
      let message = bySeat.get(seat);
      if (!message) {
        message = Buffer.from(`{"type":"room",${JSON.stringify(seat).slice(1, -1)},"room":${shared}}`);
        bySeat.set(seat, message);
      }
      peer.send(message);
    }
  }

  /**
   * A message for the other open connections of the participant `from` speaks for: a phone may be
   * open in two tabs, and `from` has its own answer already.
   */
  toOtherTabs(from: Peer, message: ServerMessage) {
    const id = from.participantId;
    if (id === undefined || (this.connections.get(id) ?? 0) < 2) return;
    for (const peer of this.peers) if (peer !== from && peer.participantId === id) this.send(peer, message);
  }

  /** A message for the facilitator's consoles only, such as a failure nobody asked about. */
  toFacilitator(message: ServerMessage) {
    for (const peer of this.screens) if (peer.role === 'facilitator') this.send(peer, message);
  }

  /** Join, connection and vote counts for the facilitator and the projector, at most every COUNT_INTERVAL_MS. */
  scheduleCount(counts: () => { joined: number; connected: number; voted: number }) {
    if (this.countTimer) return;
    this.countTimer = setTimeout(() => {
      this.countTimer = undefined;
      const message = JSON.stringify({ type: 'count', ...counts() });
      for (const peer of this.screens) peer.send(message);
    }, COUNT_INTERVAL_MS);
  }

  dispose() {
    clearTimeout(this.countTimer);
    this.peers.clear();
    this.screens.clear();
    this.connections.clear();
  }
}

/**
 * Seat views, one object for each set of doings: a broadcast to thousands of phones encodes each once,
 * found by identity rather than by serialising every phone's. There are at most choices × (guesses + 1)
 * × 2 of them in a decision; `clear` at the next decision keeps it that size.
 */
export class SeatViews {
  private readonly views = new Map<string | null, Map<string | null, [SeatView, SeatView]>>();

  of(myVote: string | null, myGuess: string | null, myMoment: boolean): SeatView {
    let byGuess = this.views.get(myVote);
    if (!byGuess) {
      byGuess = new Map();
      this.views.set(myVote, byGuess);
    }
    let pair = byGuess.get(myGuess);
    if (!pair) {
      pair = [
        { myVote, myGuess, myMoment: false },
        { myVote, myGuess, myMoment: true },
      ];
      byGuess.set(myGuess, pair);
    }
    return pair[myMoment ? 1 : 0];
  }

  clear() {
    this.views.clear();
  }
}
