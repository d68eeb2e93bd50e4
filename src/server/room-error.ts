import type { ErrorCode } from '../protocol/messages.ts';

/** A refusal the sender is told about; the room is left as it was. */
export class RoomError extends Error {
  override name = 'RoomError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
