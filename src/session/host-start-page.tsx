import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Scenario } from '../engine/scenario.types.ts';
import { scenarioText } from '../engine/text.ts';
import {
  DEFAULT_MIN_REVEAL,
  DEFAULT_PARTICIPANT_CAP,
  MAX_PARTICIPANT_CAP,
  MIN_REVEAL_FLOOR,
} from '../protocol/limits.ts';
import type { SessionCreated, SessionRequest } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';
import { keepHostSecret } from './session-keys.ts';

/** A facilitator starts a group session for a scenario and gets its console. */
export function HostStartPage({ scenario }: { scenario: Scenario }) {
  const { t, language } = useT();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { text } = scenarioText(scenario, language);

  const start = async (form: FormData) => {
    setBusy(true);
    setError(undefined);
    const request: SessionRequest = {
      scenario: scenario.id,
      cap: Number(form.get('cap')),
      minReveal: Number(form.get('minReveal')),
      timers: form.get('timers') === 'on',
    };
    try {
      const response = await fetch(new URL('api/sessions', window.location.href), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error ?? response.statusText);
      const created = body as SessionCreated;
      keepHostSecret(created.sessionId, created.secret);
      navigate(`/console/${created.sessionId}`, { replace: true });
    } catch (e) {
      setError(t('session.startFailed', { reason: (e as Error).message }));
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="host-title">
      <h1 id="host-title">{t('session.hostTitle', { title: text(scenario.meta.title) })}</h1>
      <p>{t('session.hostLede')}</p>
      <p className="content-note">
        <strong>{t('note.title')}</strong> {text(scenario.meta.contentNote)}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          start(new FormData(e.currentTarget));
        }}
      >
        <p>
          <label>
            {t('session.capLabel')}{' '}
            <input
              name="cap"
              type="number"
              min={1}
              max={MAX_PARTICIPANT_CAP}
              defaultValue={DEFAULT_PARTICIPANT_CAP}
              required
            />
          </label>
        </p>
        <p>
          <label>
            {t('session.minRevealLabel')}{' '}
            <input
              name="minReveal"
              type="number"
              min={MIN_REVEAL_FLOOR}
              max={MAX_PARTICIPANT_CAP}
              defaultValue={DEFAULT_MIN_REVEAL}
              required
            />
          </label>
          <br />
          <small>{t('session.minRevealHint', { floor: MIN_REVEAL_FLOOR })}</small>
        </p>
        <p>
          <label>
            <input name="timers" type="checkbox" defaultChecked /> {t('session.timersLabel')}
          </label>
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {t('session.start')}
        </button>
      </form>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
