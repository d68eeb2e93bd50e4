import { useEffect, useState } from 'react';

/**
 * What one seat has done that its phone changes by a request (its guess, its "I need a moment") and
 * that the server also reports with every room view, so a phone that reloads shows it: the newer of
 * the two wins. A change counts only once the server has acknowledged its request.
 *
 * `fromServer` is the seat's value in the last room view, received at `receivedAt` (ms since the
 * epoch); `acknowledged` the number of the last request the server acknowledged. Returns the value
 * to show, `sent(id, value)` to call with the number of a request just sent, and `settle(value)` for a
 * change the phone knows of by itself (a signal lapsing).
 */
export function useSeatState<T>(fromServer: T, receivedAt: number, acknowledged: number | undefined) {
  const [sent, setSent] = useState<{ id: number; value: T }>();
  const [local, setLocal] = useState<{ value: T; at: number }>();
  useEffect(() => {
    if (sent && acknowledged === sent.id) setLocal({ value: sent.value, at: Date.now() });
  }, [sent, acknowledged]);
  return {
    value: local && local.at >= receivedAt ? local.value : fromServer,
    sent: (id: number | undefined, value: T) => {
      if (id !== undefined) setSent({ id, value });
    },
    settle: (value: T) => setLocal({ value, at: Date.now() }),
  };
}
