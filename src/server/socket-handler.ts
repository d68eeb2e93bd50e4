import { MAX_MESSAGE_BYTES, normaliseJoinCode } from '../protocol/limits.ts';
import { type ClientMessage, clientMessage, type ServerMessage } from '../protocol/messages.ts';
import type { AddressLimiter } from './address-limiter.ts';
import type { Peer } from './peer.types.ts';
import type { Room } from './room.ts';
import { RoomError } from './room-error.ts';
import type { Rooms } from './rooms.ts';

export interface SocketLimits {
  /** Wrong codes per client address. */
  readonly wrongCodes: AddressLimiter;
  /** Wrong codes from all addresses together, under the key `ALL`. */
  readonly wrongCodesTotal: AddressLimiter;
  readonly joins: AddressLimiter;
}

const ALL = '*';

/**
 * One connection's messages: each is size-checked, parsed and validated against the shared schema, then
 * handed to its room. Anything refused gets an error reply naming why; nothing refused changes a room,
 * and nothing a client sends can stop the server. `address` is the client's, as `addressKey` gives it.
 */
export function socketHandler(
  rooms: Rooms,
  limits: SocketLimits,
  address: string,
  peer: Peer,
  log: (e: unknown) => void,
) {
  let room: Room | undefined;
  const reply = (message: ServerMessage) => peer.send(JSON.stringify(message));
  const refuse = (code: RoomError['code'], message: string, replyTo?: number) =>
    reply({ type: 'error', code, message, replyTo });

  /**
   * The room a join or watch names. By the QR code's link (the session's id with its code) nothing is
   * guessed and nothing is counted. A typed code is checked only while its address, and the server as
   * a whole, have wrong-code attempts left (a spent budget answers nothing, right or wrong: it is no
   * oracle), and only a wrong code spends one: a class sharing one address is never locked out by its
   * own joins. Codes checked at once may overdraw a budget by what is in flight; the debt is repaid
   * before the next check, so the rate over time holds.
   */
  async function roomFor(message: { code: string; sessionId?: string }): Promise<Room> {
    const code = normaliseJoinCode(message.code);
    if (message.sessionId) {
      const named = await rooms.get(message.sessionId).catch(() => undefined);
      if (named && named.code === code) return named;
    }
    if (!limits.wrongCodes.allowed(address))
      throw new RoomError(
        'rate-limited',
        `Too many wrong codes from this network: try again in ${seconds(limits.wrongCodes.retryAfterMs(address))} s, or scan the QR code.`,
      );
    if (!limits.wrongCodesTotal.allowed(ALL))
      throw new RoomError(
        'rate-limited',
        `Too many wrong codes on this server just now: try again in ${seconds(limits.wrongCodesTotal.retryAfterMs(ALL))} s, or scan the QR code.`,
      );
    const found = await rooms.byCode(code);
    if (found) return found;
    limits.wrongCodes.count(address);
    limits.wrongCodesTotal.count(ALL);
    throw new RoomError('unknown-code', 'No session has that code: check it on the screen.');
  }

  async function handle(message: ClientMessage) {
    switch (message.type) {
      case 'join':
      case 'watch': {
        if (message.type === 'join' && !limits.joins.allowed(address))
          throw new RoomError(
            'rate-limited',
            'Too many joins from this network just now: wait a few seconds and try again.',
          );
        const found = await roomFor(message);
        if (message.type === 'watch') return enter(found, () => found.watch(peer, message.id));
        limits.joins.count(address);
        return enter(found, () => found.join(peer, message.id));
      }
      case 'resume':
      case 'host': {
        const found = await rooms.get(message.sessionId);
        if (!found) throw new RoomError('unknown-session', 'This session has ended or was deleted.');
        return enter(found, () =>
          message.type === 'resume'
            ? found.resume(peer, message.participantId, message.resumeSecret, message.id)
            : found.host(peer, message.secret, message.id),
        );
      }
    }
    if (!room) throw new RoomError('not-joined', 'Join a session first.');
    switch (message.type) {
      case 'vote':
        return room.vote(peer, message.decision, message.choice, message.id);
      case 'guess':
        return room.guess(peer, message.decision, message.choice, message.id);
      case 'moment':
        return room.moment(peer, message.on, message.id);
      case 'post':
        return room.post(peer, message.text, message.id);
      case 'start':
        return room.start(peer).then(() => reply({ type: 'ok', replyTo: message.id }));
      case 'reveal':
        return room.reveal(peer).then(() => reply({ type: 'ok', replyTo: message.id }));
      case 'advance':
        return room.advance(peer, message.choice).then(() => reply({ type: 'ok', replyTo: message.id }));
      case 'end':
        return room.end(peer).then(() => reply({ type: 'ok', replyTo: message.id }));
      case 'scenePart':
        return room.turnScene(peer, message.part).then(() => reply({ type: 'ok', replyTo: message.id }));
      case 'stageParts':
        return room
          .reportParts(peer, message.parts, message.decision, message.phase)
          .then(() => reply({ type: 'ok', replyTo: message.id }));
      case 'lock':
        return room.lock(peer, message.locked).then(() => reply({ type: 'ok', replyTo: message.id }));
      case 'moderate':
        return room.moderate(peer, message.post, message.show).then(() => reply({ type: 'ok', replyTo: message.id }));
      case 'remove':
        return room.remove(peer, message.seat).then(() => reply({ type: 'ok', replyTo: message.id }));
    }
  }

  /** The room takes the connection only if it accepts the greeting; a refused one leaves its role as it was. */
  async function enter(next: Room, greet: () => Promise<void> | void) {
    await greet();
    if (room && room !== next) room.leave(peer);
    room = next;
  }

  return {
    async message(data: Buffer | string) {
      const text = typeof data === 'string' ? data : data.toString('utf8');
      if (Buffer.byteLength(text) > MAX_MESSAGE_BYTES)
        return refuse('too-large', `Messages are limited to ${MAX_MESSAGE_BYTES} bytes.`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return refuse('malformed', 'The message is not JSON.');
      }
      const checked = clientMessage.safeParse(parsed);
      const replyTo = typeof (parsed as { id?: unknown })?.id === 'number' ? (parsed as { id: number }).id : undefined;
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const at = issue.path.length ? ` at ${issue.path.join('.')}` : '';
        return refuse('malformed', `The message is not one the server accepts${at}: ${issue.message}.`, replyTo);
      }
      try {
        await handle(checked.data);
      } catch (error) {
        if (error instanceof RoomError) return refuse(error.code, error.message, replyTo);
        log(error);
        refuse('server-error', 'Something went wrong on the server; nothing was changed. Try again.', replyTo);
      }
    },
    close() {
      room?.leave(peer);
    },
  };
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
