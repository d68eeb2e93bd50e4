import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useT } from '../ui/i18n.ts';
import { libraryChanged } from '../ui/served-library.ts';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';

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
export function ServerSave({
  text,
  valid,
  replaces,
}: {
  text: string;
  valid: boolean;
  /** The title of the library's scenario with this text's id, if there is one: saving replaces it, so it is asked first. */
  replaces?: string;
}) {
  const { t } = useT();
  const here = useSavingHere();
  const [key, setKey] = useState('');
  // What came of the last save, and the text it was about: it is said only while that is the text.
  const [last, setLast] = useState<{ outcome: Outcome; text: string }>({ outcome: { kind: 'idle' }, text });
  const setOutcome = (outcome: Outcome) => setLast({ outcome, text });
  const changed = last.text !== text && last.outcome.kind !== 'saving';
  const outcome: Outcome = changed ? { kind: 'idle' } : last.outcome;
  const hintId = useId();
  const legendId = useId();
  // One save at a time: clicks faster than the button can be disabled are ignored.
  const busy = useRef(false);
  // What came of a save is where focus goes, so it is heard and the next step is a Tab away.
  const said = useFocusOnChange<HTMLDivElement>(outcome, outcome.kind !== 'idle' && outcome.kind !== 'saving');
  const save = async () => {
    if (busy.current) return;
    if (!valid) return setOutcome({ kind: 'refused', message: t('studio.saveFixFirst') });
    if (!key.trim()) return setOutcome({ kind: 'refused', message: t('studio.saveNeedsKey') });
    if (replaces !== undefined && !window.confirm(t('studio.saveReplaceConfirm', { title: replaces }))) return;
    busy.current = true;
    setOutcome({ kind: 'saving' });
    try {
      setOutcome(await put(text, key.trim()));
    } finally {
      busy.current = false;
    }
  };
  /** Sends the scenario; what came of it, in the interface's words. */
  const put = async (body: string, authorKey: string): Promise<Outcome> => {
    let response: Response;
    let answer: { id?: string; replaced?: boolean; problems?: string[] };
    try {
      response = await fetch(new URL('api/scenarios', window.location.href), {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${authorKey}` },
        body: JSON.stringify({ text: body }),
      });
      answer = response.status === 413 ? {} : await response.json();
    } catch {
      // No answer, or not the server's (a static host answers with a page, or not at all).
      return { kind: 'refused', message: t('studio.saveNoServer') };
    }
    if (response.ok && answer.id) {
      libraryChanged();
      return { kind: 'saved', id: answer.id, replaced: answer.replaced === true };
    }
    const message =
      {
        401: t('studio.saveWrongKey'),
        403: t('studio.saveOff'),
        413: t('studio.saveTooLarge'),
        422: t('studio.saveProblems'),
        429: t('studio.saveTooMany'),
      }[response.status] ?? t('studio.saveFailed');
    return { kind: 'refused', message, problems: answer.problems };
  };
  if (here === 'off' || here === 'no-server')
    return (
      <section className="studio-toolbar studio-save" aria-labelledby={legendId}>
        <h2 id={legendId} className="studio-save-title">
          {t('studio.saveGroup')}
        </h2>
        <p className="hint">{t(here === 'off' ? 'studio.saveOffHere' : 'studio.saveNoServer')}</p>
      </section>
    );
  return (
    <form
      className="studio-toolbar studio-save"
      aria-labelledby={legendId}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={legendId} className="studio-save-title">
        {t('studio.saveGroup')}
      </h2>
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
      <button type="submit" disabled={outcome.kind === 'saving'}>
        {outcome.kind === 'saving' ? t('studio.saving') : t('studio.save')}
      </button>
      <p id={hintId} className="hint">
        {t('studio.authorKeyHint')}
      </p>
      {outcome.kind === 'saved' && (
        <div role="status" ref={said} tabIndex={-1}>
          <p>
            {t(outcome.replaced ? 'studio.savedReplaced' : 'studio.saved', { id: outcome.id })}{' '}
            <Link href={`/play/${outcome.id}`}>{t('studio.savedLink')}</Link>
          </p>
        </div>
      )}
      {changed && last.outcome.kind === 'saved' && (
        <p className="hint">{t('studio.savedChanged', { id: last.outcome.id })}</p>
      )}
      {outcome.kind === 'refused' && (
        <div role="alert" ref={said} tabIndex={-1}>
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
    </form>
  );
}

/**
 * Whether this server takes saves (`GET api/author`), asked once: 'unknown' until it answers (the form
 * shows meanwhile), 'no-server' where nothing answers as the server would (a static build, an LMS).
 */
function useSavingHere(): 'unknown' | 'on' | 'off' | 'no-server' {
  const [here, setHere] = useState<'unknown' | 'on' | 'off' | 'no-server'>('unknown');
  useEffect(() => {
    let current = true;
    fetch(new URL('api/author', window.location.href), { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then(
        (answer: { saving?: unknown }) => {
          if (current && typeof answer?.saving === 'boolean') setHere(answer.saving ? 'on' : 'off');
        },
        () => current && setHere('no-server'),
      );
    return () => {
      current = false;
    };
  }, []);
  return here;
}
