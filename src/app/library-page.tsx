import { Link, useSearch } from 'wouter';
import { TACTICS } from '../engine/tactics.ts';
import { scenarioText } from '../engine/text.ts';
import { readProgress } from '../player/progress-store.ts';
import { runningSessions } from '../session/session-keys.ts';
import { useT } from '../ui/i18n.ts';
import type { LibraryEntry, ScenarioSummary } from '../ui/library-entry.ts';
import { BrokenScenario } from './broken-scenario.tsx';
import { replaceHashSearch } from './hash-location.ts';
import { type FilterOptions, LibraryFilters } from './library-filters.tsx';
import { formatQuery, type LearnerStatus, learnerStatus, matchesQuery, parseQuery, suggest } from './library-query.ts';
import { ScenarioCard } from './scenario-card.tsx';

const CORE_TACTICS = TACTICS.filter((t) => t.core).map((t) => t.id);
const unique = <T,>(values: readonly T[]) => [...new Set(values)].sort();

/**
 * The scenario library: a grid of every scenario with search and filters (kept in the URL hash's
 * query, so a reload keeps them), the suggested one first; broken files are shown with their problems.
 */
export function LibraryPage({ entries }: { entries: readonly LibraryEntry[] }) {
  const { t, language } = useT();
  const query = parseQuery(useSearch());
  const summaries = entries.flatMap((e) => (e.ok ? [e.summary] : []));
  const statuses = new Map<string, LearnerStatus>(
    summaries.map((s) => {
      const stored = readProgress(s.id);
      return [s.id, learnerStatus(stored.state === 'ok' ? stored.value.phase : undefined)];
    }),
  );
  const status = (id: string) => statuses.get(id) ?? 'new';
  const suggestion = suggest(summaries, status, language, CORE_TACTICS);
  const options: FilterOptions = {
    settings: unique(summaries.map((s) => s.meta.setting)),
    tactics: unique(summaries.flatMap((s) => s.tactics)),
    languages: unique(summaries.flatMap((s) => s.meta.languages ?? [s.meta.language])),
  };
  const shown = summaries
    .filter((s) => matchesQuery(s, query, t(`setting.${s.meta.setting}`)))
    .sort((a, b) => Number(b.id === suggestion?.id) - Number(a.id === suggestion?.id));
  const broken = entries.flatMap((e) => (e.ok ? [] : [e]));
  return (
    <section className="library" aria-labelledby="library-title">
      <h1 id="library-title">{t('library.title')}</h1>
      <p className="lede">{t('library.lede')}</p>
      <RunningSessions summaries={summaries} />
      <LibraryFilters query={query} options={options} onChange={(next) => replaceHashSearch(formatQuery(next))} />
      <p className="result-count" role="status">
        {t('library.count', { count: shown.length, total: summaries.length })}
      </p>
      <ul className="scenario-grid">
        {shown.map((summary: ScenarioSummary) => (
          <li key={summary.id}>
            <ScenarioCard
              scenario={summary}
              status={status(summary.id)}
              suggestion={summary.id === suggestion?.id ? suggestion : undefined}
            />
          </li>
        ))}
        {broken.map((entry) => (
          <li key={entry.file}>
            <BrokenScenario file={entry.file} issues={entry.issues} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The sessions this browser is running, so a facilitator who left the console can go back to it. */
function RunningSessions({ summaries }: { summaries: readonly ScenarioSummary[] }) {
  const { t, language } = useT();
  const running = runningSessions();
  if (running.length === 0) return null;
  const title = (id: string) => {
    const summary = summaries.find((s) => s.id === id);
    return summary ? scenarioText(summary, language).text(summary.meta.title) : id;
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
