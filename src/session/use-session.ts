import { useEffect, useRef, useState } from 'react';
import type { ClientRequest, ErrorCode, Role, RoomView, ServerMessage } from '../protocol/messages.ts';
import { type ConnectionStatus, SessionConnection } from './session-connection.ts';

export interface SessionState {
  readonly status: ConnectionStatus;
  readonly room: RoomView | undefined;
  readonly role: Role | undefined;
  /** A participant's seat number, as the server gave it. */
  readonly seat: number | undefined;
  /** A participant's own vote on the decision on the screen. */
  readonly myVote: string | null;
  /** The last refusal, to show to the person who caused it. */
  readonly error: { code: ErrorCode; message: string } | undefined;
  /** The number of the last request the server acknowledged with `ok`. */
  readonly acknowledged: number | undefined;
  /** When the room view was received, so countdowns run on this device's clock. */
  readonly receivedAt: number;
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
    error: undefined,
    acknowledged: undefined,
    receivedAt: 0,
  });
  const connection = useRef<SessionConnection | undefined>(undefined);
  const latest = useRef({ greeting, onWelcome });
  latest.current = { greeting, onWelcome };

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key (another session or code) means a new connection; callbacks are read through a ref.
  useEffect(() => {
    const receive = (message: ServerMessage) => {
      if (message.type === 'welcome') latest.current.onWelcome?.(message);
      // Taken out by the facilitator: this device no longer has a place in the room, and must not
      // quietly come back into it by reconnecting.
      if (message.type === 'error' && message.code === 'removed') connection.current?.close();
      setState((s) => {
        switch (message.type) {
          case 'welcome':
            return { ...s, role: message.role, seat: message.seat, error: undefined };
          case 'room':
            return {
              ...s,
              room: message.room,
              myVote: 'myVote' in message ? (message.myVote ?? null) : s.myVote,
              receivedAt: Date.now(),
            };
          case 'count':
            return s.room
              ? {
                  ...s,
                  room: { ...s.room, joined: message.joined, connected: message.connected, voted: message.voted },
                }
              : s;
          case 'voted':
            return { ...s, myVote: message.choice, error: undefined };
          case 'error':
            return message.code === 'removed'
              ? {
                  ...s,
                  room: undefined,
                  role: undefined,
                  seat: undefined,
                  error: { code: message.code, message: message.message },
                }
              : { ...s, error: { code: message.code, message: message.message } };
          case 'ok':
            return { ...s, acknowledged: message.replyTo, error: undefined };
          default:
            return { ...s, error: undefined };
        }
      });
    };
    const c = new SessionConnection(
      () => latest.current.greeting(),
      receive,
      (status) => setState((s) => ({ ...s, status })),
    );
    connection.current = c;
    c.open();
    return () => c.close();
  }, [key]);

  const send = (request: ClientRequest) => connection.current?.send(request);
  return { ...state, send };
}
