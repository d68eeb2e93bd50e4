import { useEffect, useRef, useState } from 'react';
import type { ClientRequest, ErrorCode } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';

interface SeatRemovalProps {
  readonly send: (request: ClientRequest) => number | undefined;
  /** The number of the last request the server acknowledged. */
  readonly acknowledged: number | undefined;
  /** The last refusal, with the number of the request refused. */
  readonly refusal?: { readonly code: ErrorCode; readonly replyTo?: number } | undefined;
  readonly offline: boolean;
}

/**
 * The facilitator takes a participant out by the seat number their phone shows: the seat frees up and
 * its vote leaves the tally. Asked first, naming the seat (participants give no name: no personal data),
 * with Cancel focused so Enter or Escape on a typo changes nothing; said as done only once the server
 * has acknowledged it. Refused (nobody holds that seat): says why, and puts the number back in its field,
 * focused, to put right.
 */
export function SeatRemoval({ send, acknowledged, refusal, offline }: SeatRemovalProps) {
  const { t } = useT();
  const [seat, setSeat] = useState('');
  const [asking, setAsking] = useState<number | undefined>();
  const [sent, setSent] = useState<{ id: number; seat: number } | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const asked = useRef(false);
  const removed = useRef(false);
  // Opened: the focus on Cancel. Cancelled: back on the seat number, to put a typo right. Removed: on
  // this panel's heading, out of the field, so the console's one-key shortcuts work again.
  useEffect(() => {
    if (asking !== undefined) cancel.current?.focus();
    else if (asked.current) (removed.current ? heading : input).current?.focus();
    asked.current = asking !== undefined;
    removed.current = false;
  }, [asking]);
  const refused = sent !== undefined && refusal?.replyTo === sent.id ? refusal.code : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new refusal of the seat sent puts it back
  useEffect(() => {
    if (!refused || !sent) return;
    setSeat(String(sent.seat));
    input.current?.focus();
  }, [refused, sent?.id]);
  const close = () => setAsking(undefined);
  const remove = (n: number) => {
    const id = send({ type: 'remove', seat: n });
    if (id !== undefined) setSent({ id, seat: n });
    removed.current = true;
    setAsking(undefined);
    setSeat('');
  };
  return (
    <section className="panel seat-removal" aria-labelledby="participants-title">
      <h2 id="participants-title" ref={heading} tabIndex={-1}>
        {t('session.participantsTitle')}
      </h2>
      <p>{t('session.participantsNote')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(seat);
          if (Number.isInteger(n) && n >= 1) setAsking(n);
        }}
      >
        <label>
          {t('session.seatLabel')}{' '}
          <input
            ref={input}
            type="number"
            min={1}
            step={1}
            required
            value={seat}
            disabled={asking !== undefined}
            onChange={(e) => setSeat(e.target.value)}
          />
        </label>{' '}
        <button type="submit" disabled={offline || asking !== undefined}>
          {t('session.remove')}
        </button>
      </form>
      {asking !== undefined && (
        <div
          className="confirm-removal"
          role="alertdialog"
          aria-labelledby="confirm-removal-title"
          aria-describedby="confirm-removal-text"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <p id="confirm-removal-title">
            <strong>{t('session.removeAsk', { seat: asking })}</strong>
          </p>
          <p id="confirm-removal-text">{t('session.removeAskNote')}</p>
          <button type="button" className="danger" disabled={offline} onClick={() => remove(asking)}>
            {t('session.removeConfirm', { seat: asking })}
          </button>{' '}
          <button type="button" ref={cancel} onClick={close}>
            {t('session.removeCancel')}
          </button>
        </div>
      )}
      <p role="status">
        {refused
          ? t(`sessionErrors.${refused}`)
          : sent && acknowledged === sent.id
            ? t('session.removedSeat', { seat: sent.seat })
            : ''}
      </p>
    </section>
  );
}
