import { useEffect, useState } from 'react';
import { displayJoinCode } from '../protocol/limits.ts';
import { useT } from '../ui/i18n.ts';
import { QrCode } from './qr-code.tsx';

/** The join page for phones: the server knows the address phones can reach (not the facilitator's localhost). */
function useJoinPage(): string {
  const [base, setBase] = useState(() => new URL('./', window.location.href).href.split('#')[0]);
  useEffect(() => {
    fetch(new URL('api/info', window.location.href))
      .then((r) => (r.ok ? r.json() : undefined))
      .then((info: { joinBase?: string } | undefined) => info?.joinBase && setBase(info.joinBase))
      .catch(() => {});
  }, []);
  return `${base}#/join`;
}

interface JoinPanelProps {
  readonly code: string;
  /** The session's id: the QR code's link carries it (see below). */
  readonly sessionId: string;
  /** Seats taken. */
  readonly joined: number;
  /** Of those, connected now. */
  readonly connected: number;
  /** While a vote is open. */
  readonly voted?: number;
  /** The facilitator locked the room: no code and no QR code invite anyone in; the panel says it is closed. */
  readonly locked?: boolean;
}

/**
 * The code, large, with a QR code and the address: what the projector shows while people join, with
 * who joined beside who is connected now (only they can still vote or be counted as not voting). The
 * QR code's link also carries the session's id, which nobody can guess: a phone that scans it joins
 * without its code being checked as a guess, so no wrong-code limit (a school's network shares one)
 * ever stops it. While the room is locked it shows neither: it says the room is closed to new people.
 */
export function JoinPanel({ code, sessionId, joined, connected, voted, locked }: JoinPanelProps) {
  const { t } = useT();
  const joinPage = useJoinPage();
  const address = `${joinPage}/${code}`;
  const counts = (
    <p className="room-counts" aria-live="polite">
      {t('session.joined', { count: joined })} · {t('session.connected', { count: connected })}
      {voted !== undefined && ` · ${t('session.voted', { count: voted })}`}
    </p>
  );
  if (locked)
    return (
      <section className="panel join-panel join-locked" aria-labelledby="join-title">
        <div>
          <h2 id="join-title">{t('session.lockedTitle')}</h2>
          <p className="join-closed">{t('session.lockedText')}</p>
          {counts}
        </div>
      </section>
    );
  return (
    <section className="panel join-panel" aria-labelledby="join-title">
      <div>
        <h2 id="join-title">{t('session.joinAt')}</h2>
        <p className="join-address">{joinPage}</p>
        <p className="join-code">
          <span aria-hidden="true">{displayJoinCode(code)}</span>
          <span className="visually-hidden">{t('session.codeIs', { code: code.split('').join(' ') })}</span>
        </p>
        {counts}
      </div>
      <QrCode value={`${address}/${sessionId}`} label={t('session.qrLabel', { address })} />
    </section>
  );
}
