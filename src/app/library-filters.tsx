import type { Setting } from '../engine/scenario.types.ts';
import { useT } from '../ui/i18n.ts';
import { type LibraryQuery, MINUTES_BANDS } from './library-query.ts';
import { languageName } from './scenario-card.tsx';

/** What the library can be narrowed by: the values its scenarios actually have. */
export interface FilterOptions {
  readonly settings: readonly Setting[];
  readonly tactics: readonly string[];
  readonly languages: readonly string[];
}

/** Search and filters as native, labelled controls; each change is applied at once. */
export function LibraryFilters({
  query,
  options,
  onChange,
}: {
  query: LibraryQuery;
  options: FilterOptions;
  onChange: (query: LibraryQuery) => void;
}) {
  const { t, tacticName, language } = useT();
  const set = (field: keyof LibraryQuery) => (e: { target: { value: string } }) =>
    onChange({ ...query, [field]: e.target.value || undefined });
  const any = Object.values(query).some((v) => v?.trim());
  return (
    <search className="library-filters">
      <label className="search-field">
        <span>{t('library.search')}</span>
        <input type="search" value={query.q ?? ''} onChange={set('q')} />
      </label>
      <label>
        <span>{t('library.setting')}</span>
        <select value={query.setting ?? ''} onChange={set('setting')}>
          <option value="">{t('library.allSettings')}</option>
          {options.settings.map((s) => (
            <option key={s} value={s}>
              {t(`setting.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('library.tactic')}</span>
        <select value={query.tactic ?? ''} onChange={set('tactic')}>
          <option value="">{t('library.allTactics')}</option>
          {options.tactics.map((id) => (
            <option key={id} value={id}>
              {tacticName(id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('library.language')}</span>
        <select value={query.language ?? ''} onChange={set('language')}>
          <option value="">{t('library.allLanguages')}</option>
          {options.languages.map((tag) => (
            <option key={tag} value={tag}>
              {languageName(tag, language)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('library.length')}</span>
        <select value={query.minutes ?? ''} onChange={set('minutes')}>
          <option value="">{t('library.anyLength')}</option>
          {MINUTES_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(`library.band.${band}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="clear-filters" onClick={() => onChange({})} aria-disabled={!any}>
        {t('library.clear')}
      </button>
    </search>
  );
}
