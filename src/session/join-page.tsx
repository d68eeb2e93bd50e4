import { useState } from 'react';
import { JOIN_CODE_LENGTH, normaliseJoinCode } from '../protocol/limits.ts';
import { useT } from '../ui/i18n.ts';
import type { ScenarioLoaders } from '../ui/scenario-loader.tsx';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { PhoneSession } from './phone-session.tsx';
import { displayName, keepDisplayName, phoneIdentity, sessionIdFromLink } from './session-keys.ts';

/**
 * A participant joins from a phone with the code, or the QR code's link (the code and the session's
 * id); no account, an optional name kept on the phone.
 */
export function JoinPage({
  code,
  sessionId,
  loaders,
}: {
  code?: string;
  sessionId?: string;
  loaders: ScenarioLoaders;
}) {
  const { t } = useT();
  const initial = normaliseJoinCode(code ?? '');
  const [joining, setJoining] = useState(() => (initial && phoneIdentity(initial) ? initial : ''));
  const [typed, setTyped] = useState(initial);
  const [name, setName] = useState(displayName);
  // Back from a code that did not work ("Try another code"): the code box is empty and has focus.
  const [retrying, setRetrying] = useState(false);
  const codeInput = useFocusOnChange<HTMLInputElement>(joining, retrying);
  if (joining)
    return (
      <PhoneSession
        code={joining}
        sessionId={joining === initial ? sessionIdFromLink(sessionId) : undefined}
        loaders={loaders}
        onLeave={() => {
          window.history.replaceState(window.history.state, '', '#/join');
          setTyped('');
          setRetrying(true);
          setJoining('');
        }}
      />
    );
  return (
    <section className="panel" aria-labelledby="join-form-title">
      <h1 id="join-form-title">{t('session.joinTitle')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          keepDisplayName(name.trim());
          const joined = normaliseJoinCode(typed);
          // The address carries the code from now on, as the QR code's link does: a reload comes back to
          // this session and the seat kept on this phone, not to an empty form. (Written without telling
          // the router, which would open the join page afresh.)
          window.history.replaceState(window.history.state, '', `#/join/${joined}`);
          setJoining(joined);
        }}
      >
        <p>
          <label>
            {t('session.codeLabel')}
            <br />
            <input
              ref={codeInput}
              className="code-input"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              pattern={`[A-Za-z0-9 \\-]{${JOIN_CODE_LENGTH},${JOIN_CODE_LENGTH + 2}}`}
            />
          </label>
        </p>
        <p>
          <label>
            {t('session.nameLabel')}
            <br />
            <input
              className="text-input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={40}
              autoComplete="nickname"
            />
          </label>
          <br />
          <small>{t('session.nameHint')}</small>
        </p>
        <button type="submit" className="primary">
          {t('session.join')}
        </button>
      </form>
    </section>
  );
}
