import type { Role } from '../protocol/messages.ts';

/** One open connection as a room sees it. */
export interface Peer {
  /** Set once the connection has joined, resumed, watched or proven itself the facilitator. */
  role?: Role;
  participantId?: string;
  sessionId?: string;
  /** Sends an already serialised message: a broadcast is serialised once, not once per phone. */
  send(data: string): void;
}
