import { useT } from '../app/i18n.ts';
import type { SessionState } from './use-session.ts';

/**
 * Connection trouble and refusals, said out loud in the viewer's language (from the protocol's closed
 * error code, never the server's English): a phone that lost the network knows it is coming back.
 */
export function RoomStatus({ session }: { session: Pick<SessionState, 'status' | 'error'> }) {
  const { t } = useT();
  return (
    <>
      {session.status === 'reconnecting' && (
        <p className="notice" role="status">
          {t('session.reconnecting')}
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
