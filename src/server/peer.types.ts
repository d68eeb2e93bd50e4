import type { Role } from '../protocol/messages.ts';

/** One open connection as a room sees it. */
export interface Peer {
  /** Set once the connection has joined, resumed, watched or proven itself the facilitator. */
  role?: Role;
  participantId?: string;
  sessionId?: string;
  /**
   * Sends an already serialised message, always as a text frame: a broadcast is serialised once, not
   * once per phone, and a message many phones get alike is given as its UTF-8 bytes, encoded once.
   */
  send(data: string | Buffer): void;
}
