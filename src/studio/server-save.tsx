import { useId, useState } from 'react';
import { Link } from 'wouter';
import { useT } from '../ui/i18n.ts';
import { libraryChanged } from '../ui/served-library.ts';

type Outcome =
  | { readonly kind: 'idle' | 'saving' }
  | { readonly kind: 'saved'; readonly id: string; readonly replaced: boolean }
  | { readonly kind: 'refused'; readonly message: string; readonly problems?: readonly string[] };

/**
 * Saves the scenario in the editor into the server's scenarios folder (`PUT api/scenarios` with the
 * author key), where the library offers it at once. Says plainly why when it cannot: errors in the
 * scenario, no key, a wrong key, saving turned off, or no server at all (a static build). The key is
 * kept only while the page is open.
 */
export function ServerSave({ text, valid }: { text: string; valid: boolean }) {
  const { t } = useT();
  const [key, setKey] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const hintId = useId();
  const save = async () => {
    if (!valid) return setOutcome({ kind: 'refused', message: t('studio.saveFixFirst') });
    if (!key.trim()) return setOutcome({ kind: 'refused', message: t('studio.saveNeedsKey') });
    setOutcome({ kind: 'saving' });
    let response: Response;
    let body: { id?: string; replaced?: boolean; error?: string; problems?: string[] };
    try {
      response = await fetch(new URL('api/scenarios', window.location.href), {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key.trim()}` },
        body: JSON.stringify({ text }),
      });
      body = await response.json();
    } catch {
      // No answer, or not the server's (a static host answers with a page, or not at all).
      return setOutcome({ kind: 'refused', message: t('studio.saveNoServer') });
    }
    if (response.ok && body.id) {
      libraryChanged();
      return setOutcome({ kind: 'saved', id: body.id, replaced: body.replaced === true });
    }
    const message =
      response.status === 401
        ? t('studio.saveWrongKey')
        : response.status === 403
          ? t('studio.saveOff')
          : response.status === 422
            ? t('studio.saveProblems')
            : t('studio.saveRefused', { reason: body.error ?? response.statusText });
    setOutcome({ kind: 'refused', message, problems: body.problems });
  };
  return (
    <fieldset className="studio-toolbar studio-save">
      <legend>{t('studio.saveGroup')}</legend>
      <label>
        {t('studio.authorKey')}{' '}
        <input
          type="password"
          autoComplete="current-password"
          value={key}
          aria-describedby={hintId}
          onChange={(e) => setKey(e.target.value)}
        />
      </label>
      <button type="button" onClick={() => void save()} disabled={outcome.kind === 'saving'}>
        {outcome.kind === 'saving' ? t('studio.saving') : t('studio.save')}
      </button>
      <p id={hintId} className="hint">
        {t('studio.authorKeyHint')}
      </p>
      {outcome.kind === 'saved' && (
        <p role="status">
          {t(outcome.replaced ? 'studio.savedReplaced' : 'studio.saved', { id: outcome.id })}{' '}
          <Link href="/">{t('studio.savedLink')}</Link>
        </p>
      )}
      {outcome.kind === 'refused' && (
        <div role="alert">
          <p>{outcome.message}</p>
          {outcome.problems && (
            <ul className="studio-save-problems">
              {outcome.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}
