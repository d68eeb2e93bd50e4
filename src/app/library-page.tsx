import { useState } from 'react';
import { Link } from 'wouter';
import type { Setting } from '../engine/scenario.types.ts';
import { contentLanguage, scenarioText } from '../engine/text.ts';
import { progressStatus } from '../player/progress-store.ts';
import { runningSessions } from '../session/session-keys.ts';
import { useT } from '../ui/i18n.ts';
import type { LibraryEntry, ScenarioSummary } from '../ui/library-entry.ts';
import { BrokenScenario } from './broken-scenario.tsx';

/** The scenario library: every file in scenarios/, valid ones described, broken ones with their problems. */
export function LibraryPage({ entries }: { entries: readonly LibraryEntry[] }) {
  const { t } = useT();
  const [setting, setSetting] = useState<Setting | 'all'>('all');
  const settings = [...new Set(entries.flatMap((e) => (e.ok ? [e.summary.meta.setting] : [])))];
  const shown = entries.filter((e) => !e.ok || setting === 'all' || e.summary.meta.setting === setting);
  return (
    <section className="library" aria-labelledby="library-title">
      <h1 id="library-title">{t('library.title')}</h1>
      <p className="lede">{t('library.lede')}</p>
      <RunningSessions entries={entries} />
      <label className="filter">
        {t('library.setting')}{' '}
        <select value={setting} onChange={(e) => setSetting(e.target.value as Setting | 'all')}>
          <option value="all">{t('library.allSettings')}</option>
          {settings.map((s) => (
            <option key={s} value={s}>
              {t(`setting.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <ul className="scenario-list">
        {shown.map((entry) => (
          <li key={entry.file}>
            {entry.ok ? (
              <ScenarioCard scenario={entry.summary} />
            ) : (
              <BrokenScenario file={entry.file} issues={entry.issues} />
            )}
          </li>
        ))}
      </ul>
      <p className="for-authors">
        <Link href="/studio">{t('library.studioLink')}</Link>
      </p>
    </section>
  );
}

/** The sessions this browser is running, so a facilitator who left the console can go back to it. */
function RunningSessions({ entries }: { entries: readonly LibraryEntry[] }) {
  const { t, language } = useT();
  const running = runningSessions();
  if (running.length === 0) return null;
  const title = (id: string) => {
    const entry = entries.find((e) => e.ok && e.summary.id === id);
    return entry?.ok ? scenarioText(entry.summary, language).text(entry.summary.meta.title) : id;
  };
  return (
    <section className="panel running-sessions" aria-labelledby="running-title">
      <h2 id="running-title">{t('sessionView.running')}</h2>
      <p>{t('sessionView.runningNote')}</p>
      <ul>
        {running.map((s) => (
          <li key={s.sessionId}>
            <Link href={`/console/${s.sessionId}`} replace>
              {t('sessionView.returnTo', { title: title(s.scenarioId) })}
            </Link>{' '}
            ({t('sessionView.codeLabel', { code: s.code })})
          </li>
        ))}
      </ul>
    </section>
  );
}

function ScenarioCard({ scenario }: { scenario: ScenarioSummary }) {
  const { t, tacticName, language } = useT();
  const { meta, id } = scenario;
  const { text } = scenarioText(scenario, language);
  return (
    <article className="scenario-card" aria-labelledby={`${id}-title`} lang={contentLanguage(scenario, language)}>
      <h2 id={`${id}-title`}>
        <Link href={`/play/${id}`} replace>
          {text(meta.title)}
        </Link>
      </h2>
      <p className="facts" lang={language}>
        {t(`setting.${meta.setting}`)} · {t('library.minutes', { count: meta.minutes })} ·{' '}
        {t(`library.status.${progressStatus(id)}`)}
      </p>
      <p>{text(meta.summary)}</p>
      <p className="content-note">
        <strong lang={language}>{t('library.contentNote')}</strong> {text(meta.contentNote)}
      </p>
      <p lang={language}>
        {t('library.practises')} {scenario.tactics.map(tacticName).join(', ')}
      </p>
      <p lang={language}>
        <Link href={`/host/${id}`} replace aria-label={`${t('session.runWithGroup')}: ${text(meta.title)}`}>
          {t('session.runWithGroup')}
        </Link>
        {' · '}
        <Link href={`/guide/${id}`} replace aria-label={t('guide.linkLabel', { title: text(meta.title) })}>
          {t('guide.link')}
        </Link>
      </p>
    </article>
  );
}
