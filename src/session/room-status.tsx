import { useT } from '../ui/i18n.ts';
import type { SessionState } from './use-session.ts';

/**
 * Connection trouble and refusals, said out loud in the viewer's language (from the protocol's closed
 * error code, never the server's English): a phone that lost the network knows it is coming back; a
 * realtime channel that cannot open at all says what to fix (to the facilitator's screens) or whom to
 * tell (on a phone).
 */
export function RoomStatus({
  session,
  facilitator = false,
}: {
  session: Pick<SessionState, 'status' | 'error'>;
  /** The console and the projector: the people who can fix the server's setup. */
  facilitator?: boolean;
}) {
  const { t } = useT();
  return (
    <>
      {session.status === 'reconnecting' && (
        <p className="notice" role="status">
          {t('session.reconnecting')}
        </p>
      )}
      {session.status === 'blocked' && (
        <p className="notice error" role="alert">
          {t(facilitator ? 'session.blockedFacilitator' : 'session.blockedParticipant')}
        </p>
      )}
      {session.error && (
        <p className="notice error" role="alert">
          {t(`sessionErrors.${session.error.code}`)}
        </p>
      )}
    </>
  );
}
