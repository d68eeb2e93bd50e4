import { useState } from 'react';
import type { ClientRequest } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';

interface SeatRemovalProps {
  readonly send: (request: ClientRequest) => number | undefined;
  /** The number of the last request the server acknowledged. */
  readonly acknowledged: number | undefined;
  readonly offline: boolean;
}

/**
 * The facilitator takes a participant out by the seat number their phone shows: the seat frees up and
 * its vote leaves the tally. Said as done only once the server has acknowledged it.
 */
export function SeatRemoval({ send, acknowledged, offline }: SeatRemovalProps) {
  const { t } = useT();
  const [seat, setSeat] = useState('');
  const [sent, setSent] = useState<{ id: number; seat: number } | undefined>();
  return (
    <section className="panel" aria-labelledby="participants-title">
      <h2 id="participants-title">{t('session.participantsTitle')}</h2>
      <p>{t('session.participantsNote')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(seat);
          if (!Number.isInteger(n) || n < 1) return;
          const id = send({ type: 'remove', seat: n });
          if (id !== undefined) setSent({ id, seat: n });
        }}
      >
        <label>
          {t('session.seatLabel')}{' '}
          <input type="number" min={1} step={1} required value={seat} onChange={(e) => setSeat(e.target.value)} />
        </label>{' '}
        <button type="submit" disabled={offline}>
          {t('session.remove')}
        </button>
      </form>
      <p role="status">{sent && acknowledged === sent.id ? t('session.removedSeat', { seat: sent.seat }) : ''}</p>
    </section>
  );
}
