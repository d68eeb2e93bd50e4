import { Link } from 'wouter';
import { contentLanguage, declaredLanguages, scenarioText } from '../engine/text.ts';
import { useT } from '../ui/i18n.ts';
import type { ScenarioSummary } from '../ui/library-entry.ts';
import { SettingLabel } from '../ui/setting-icon.tsx';
import { TacticChip } from '../ui/tactic-chip.tsx';
import type { LearnerStatus, Suggestion } from './library-query.ts';

/** A language tag's name in the interface language ("Spanish", "español"), or the tag if the browser has none. */
export function languageName(tag: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** One scenario in the library grid: what it is, how long, in which languages, what it practises, and where the learner is. */
export function ScenarioCard({
  scenario,
  status,
  suggestion,
}: {
  scenario: ScenarioSummary;
  status: LearnerStatus;
  suggestion?: Suggestion;
}) {
  const { t, tacticName, language } = useT();
  const { meta, id } = scenario;
  const { text } = scenarioText(scenario, language);
  return (
    <article
      className={`scenario-card${suggestion ? ' suggested' : ''}`}
      aria-labelledby={`${id}-title`}
      lang={contentLanguage(scenario, language)}
    >
      {suggestion && (
        <p className="suggested-badge" lang={language}>
          {t(suggestion.reason === 'first' ? 'library.startHere' : 'library.tryNext')}
          {suggestion.reason === 'next' && (
            <span className="suggested-why">
              {t('library.adds', { tactics: suggestion.newTactics.map(tacticName).join(', ') })}
            </span>
          )}
        </p>
      )}
      <h2 id={`${id}-title`}>
        <Link href={`/play/${id}`} replace>
          {text(meta.title)}
        </Link>
      </h2>
      <p className={`status status-${status}`} lang={language}>
        {t(`library.status.${status}`)}
      </p>
      <p className="facts" lang={language}>
        <SettingLabel setting={meta.setting} />
        <span>{t('library.minutes', { count: meta.minutes })}</span>
        <span>
          {declaredLanguages(scenario)
            .map((tag) => languageName(tag, language))
            .join(', ')}
        </span>
      </p>
      <p>{text(meta.summary)}</p>
      <p className="content-note">
        <strong lang={language}>{t('library.contentNote')}</strong> {text(meta.contentNote)}
      </p>
      <div className="practises" lang={language}>
        <span className="practises-label">{t('library.practises')}</span>
        <ul className="tactic-chips">
          {scenario.tactics.map((tactic) => (
            <li key={tactic}>
              <TacticChip tactic={tactic} />
            </li>
          ))}
        </ul>
      </div>
      <p className="card-links" lang={language}>
        <Link href={`/host/${id}`} replace aria-label={`${t('session.runWithGroup')}: ${text(meta.title)}`}>
          {t('session.runWithGroup')}
        </Link>
        <Link href={`/guide/${id}`} replace aria-label={t('guide.linkLabel', { title: text(meta.title) })}>
          {t('guide.link')}
        </Link>
      </p>
    </article>
  );
}
