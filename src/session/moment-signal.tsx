import { useEffect } from 'react';
import { MOMENT_MS } from '../protocol/limits.ts';
import type { ClientRequest } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';
import { useQuickExit } from '../ui/quick-exit.tsx';
import { useSeatState } from './use-seat-state.ts';

interface MomentSignalProps {
  /** Whether this seat signals, as the server last said (after a reload too), and when that was said. */
  readonly confirmed: boolean;
  readonly receivedAt: number;
  readonly send: (request: ClientRequest) => number | undefined;
  /** The number of the last request the server acknowledged. */
  readonly acknowledged: number | undefined;
  readonly offline: boolean;
}

/**
 * "I need a moment", on a phone at any time: an anonymous signal (the facilitator sees how many, never
 * who). Once the server has it, the phone offers the support page, quick exit, and a way to withdraw;
 * like the server's, the signal lapses after a few minutes.
 */
export function MomentSignal({ confirmed, receivedAt, send, acknowledged, offline }: MomentSignalProps) {
  const { t } = useT();
  const leave = useQuickExit();
  const moment = useSeatState(confirmed, receivedAt, acknowledged);
  const active = moment.value;
  const { settle } = moment;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the lapse is timed from when the signal began; `settle` is new each render.
  useEffect(() => {
    if (!active) return;
    const lapse = setTimeout(() => settle(false), MOMENT_MS);
    return () => clearTimeout(lapse);
  }, [active]);
  const signal = (on: boolean) => moment.sent(send({ type: 'moment', on }), on);
  return (
    <section className="panel moment-signal" aria-labelledby="moment-title">
      <h2 id="moment-title" className="visually-hidden">
        {t('session.momentTitle')}
      </h2>
      <div role="status">{active && <p>{t('session.momentNoted')}</p>}</div>
      {active ? (
        <p className="moment-actions">
          <a href="#/support" target="_blank" rel="noopener">
            {t('session.momentSupport')}
          </a>{' '}
          <button type="button" onClick={leave}>
            {t('app.quickExit')}
          </button>{' '}
          <button type="button" disabled={offline} onClick={() => signal(false)}>
            {t('session.momentWithdraw')}
          </button>
        </p>
      ) : (
        <button type="button" disabled={offline} onClick={() => signal(true)}>
          {t('session.momentAsk')}
        </button>
      )}
    </section>
  );
}
