import { useState } from 'react';
import { useT } from '../ui/i18n.ts';

/**
 * Downloads the session's results in the console's language, with the #IWill posts shown on the wall
 * when the facilitator ticks it; the secret travels in a header, so it never lands in a URL or history.
 */
export function ResultsExport({ sessionId, secret }: { sessionId: string; secret: string }) {
  const { t, language } = useT();
  const [error, setError] = useState<string>();
  const [withPosts, setWithPosts] = useState(false);
  const download = async (format: 'csv' | 'json') => {
    setError(undefined);
    try {
      const response = await fetch(
        new URL(
          `api/sessions/${sessionId}/results?format=${format}&lang=${encodeURIComponent(language)}${withPosts ? '&posts=1' : ''}`,
          window.location.href,
        ),
        {
          headers: { authorization: `Bearer ${secret}` },
        },
      );
      if (!response.ok) throw new Error(response.statusText);
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `results.${format}`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    } catch (e) {
      setError(t('session.exportFailed', { reason: (e as Error).message }));
    }
  };
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('session.export')}</h2>
      <p>{t('session.exportNote')}</p>
      <p>
        <label>
          <input type="checkbox" checked={withPosts} onChange={(e) => setWithPosts(e.target.checked)} />{' '}
          {t('session.exportPosts')}
        </label>
      </p>
      <button type="button" onClick={() => download('csv')}>
        {t('session.exportCsv')}
      </button>{' '}
      <button type="button" onClick={() => download('json')}>
        {t('session.exportJson')}
      </button>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
