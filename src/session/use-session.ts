import { useEffect, useRef, useState } from 'react';
import type { ClientRequest, ErrorCode, Role, RoomView, ServerMessage } from '../protocol/messages.ts';
import { type ConnectionStatus, SessionConnection } from './session-connection.ts';

/** A vote tapped and not yet acknowledged: sent again when the connection comes back. */
export interface PendingVote {
  readonly id: number;
  readonly decision: number;
  readonly choice: string;
}

export interface SessionState {
  readonly status: ConnectionStatus;
  readonly room: RoomView | undefined;
  readonly role: Role | undefined;
  /** A participant's seat number, as the server gave it. */
  readonly seat: number | undefined;
  /** A participant's own vote on the decision on the screen, as the server counted it. */
  readonly myVote: string | null;
  /** A participant's own guess (predict the room) on the decision on the screen, as the server last said. */
  readonly myGuess: string | null;
  /** Whether this seat signals "I need a moment", as the server last said (so a reload shows it). */
  readonly myMoment: boolean;
  /** A vote on its way (the line may be down): it counts once the server acknowledges it. */
  readonly pendingVote: PendingVote | undefined;
  /** A vote that never reached the room in time (the votes were revealed, or it was refused): not counted. */
  readonly lostVote: { readonly decision: number; readonly choice: string; readonly code?: ErrorCode } | undefined;
  /** The last refusal, to show to the person who caused it, with the number of the request refused. */
  readonly error: { code: ErrorCode; message: string; replyTo?: number } | undefined;
  /** The number of the last request the server acknowledged with `ok`. */
  readonly acknowledged: number | undefined;
  /** When the room view was received, so countdowns run on this device's clock. */
  readonly receivedAt: number;
}

const VOTE_SLOT = 'vote';

/** What a message does to the session's state. */
function received(s: SessionState, message: ServerMessage): SessionState {
  switch (message.type) {
    case 'welcome':
      return { ...s, role: message.role, seat: message.seat, error: undefined };
    case 'room': {
      const pending = s.pendingVote;
      // The room moved on before the vote arrived: it can no longer count.
      const missed =
        pending && (message.room.phase !== 'voting' || message.room.decision !== pending.decision)
          ? pending
          : undefined;
      return {
        ...s,
        room: message.room,
        myVote: 'myVote' in message ? (message.myVote ?? null) : s.myVote,
        myGuess: 'myGuess' in message ? (message.myGuess ?? null) : s.myGuess,
        myMoment: 'myMoment' in message ? message.myMoment === true : s.myMoment,
        pendingVote: missed ? undefined : pending,
        lostVote: missed ? { decision: missed.decision, choice: missed.choice } : s.lostVote,
        receivedAt: Date.now(),
      };
    }
    case 'seat':
      return { ...s, myVote: message.myVote, myGuess: message.myGuess, myMoment: message.myMoment };
    case 'count':
      return s.room
        ? { ...s, room: { ...s.room, joined: message.joined, connected: message.connected, voted: message.voted } }
        : s;
    case 'voted':
      return {
        ...s,
        myVote: message.choice,
        pendingVote: s.pendingVote?.id === message.replyTo ? undefined : s.pendingVote,
        error: undefined,
      };
    case 'error': {
      // Taken out by the facilitator: this device no longer has a place in the room (a vote on its
      // way left the tally with it).
      if (message.code === 'removed')
        return {
          ...s,
          room: undefined,
          role: undefined,
          seat: undefined,
          pendingVote: undefined,
          error: { code: message.code, message: message.message },
        };
      const refused = s.pendingVote && s.pendingVote.id === message.replyTo ? s.pendingVote : undefined;
      return {
        ...s,
        error: { code: message.code, message: message.message, replyTo: message.replyTo },
        pendingVote: refused ? undefined : s.pendingVote,
        lostVote: refused ? { decision: refused.decision, choice: refused.choice, code: message.code } : s.lostVote,
      };
    }
    case 'ok':
      return { ...s, acknowledged: message.replyTo, error: undefined };
    default:
      return { ...s, error: undefined };
  }
}

/**
 * A live session for one view. `greeting` says who this device is (it may change, e.g. from join to
 * resume once the server has welcomed a phone); `onWelcome` keeps what the server hands out.
 */
export function useSession(
  greeting: () => ClientRequest,
  onWelcome?: (message: Extract<ServerMessage, { type: 'welcome' }>) => void,
  key = '',
) {
  const [state, setState] = useState<SessionState>({
    status: 'connecting',
    room: undefined,
    role: undefined,
    seat: undefined,
    myVote: null,
    myGuess: null,
    myMoment: false,
    pendingVote: undefined,
    lostVote: undefined,
    error: undefined,
    acknowledged: undefined,
    receivedAt: 0,
  });
  const connection = useRef<SessionConnection | undefined>(undefined);
  const latest = useRef({ greeting, onWelcome });
  latest.current = { greeting, onWelcome };

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key (another session or code) means a new connection; callbacks are read through a ref.
  useEffect(() => {
    const c = new SessionConnection(
      () => latest.current.greeting(),
      (message) => {
        if (message.type === 'welcome') latest.current.onWelcome?.(message);
        // Removed by the facilitator: this device must not quietly come back into the room by reconnecting.
        if (message.type === 'error' && message.code === 'removed') c.close();
        setState((s) => {
          const next = received(s, message);
          if (s.pendingVote && !next.pendingVote) c.forget(VOTE_SLOT);
          return next;
        });
      },
      (status) => setState((s) => ({ ...s, status })),
    );
    connection.current = c;
    c.open();
    return () => c.close();
  }, [key]);

  const send = (request: ClientRequest) => connection.current?.send(request);
  /** A participant's vote: it reaches the room even if the line is down when tapped, unless the room moves on first. */
  const vote = (decision: number, choice: string) => {
    const c = connection.current;
    if (!c) return;
    const id = c.deliver({ type: 'vote', decision, choice }, VOTE_SLOT);
    setState((s) => ({ ...s, pendingVote: { id, decision, choice }, lostVote: undefined }));
  };
  return { ...state, send, vote };
}
