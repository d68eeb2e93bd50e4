import { Link } from 'wouter';
import { UI_LANGUAGES, type UiLanguage, useT } from '../ui/i18n.ts';
import { OrganisationBrand } from '../ui/organisation-brand.tsx';
import { QuickExit } from '../ui/quick-exit.tsx';
import { type TimerMode, useSettings } from '../ui/settings.ts';

/**
 * How much of the app surrounds a page: the whole header; a compact one on the console and the phone
 * (the Timers setting means nothing in a session, whose countdown the facilitator set); none on the
 * projected stage, where the room would read it.
 */
export type Chrome = 'app' | 'session' | 'console' | 'stage';

export function chromeFor(location: string): Chrome {
  if (location.startsWith('/screen/')) return 'stage';
  if (location.startsWith('/console/')) return 'console';
  if (location.startsWith('/join')) return 'session';
  return 'app';
}

/** The header with quick exit and settings, for `chrome` other than the stage. */
export function AppHeader({ chrome, module }: { chrome: Exclude<Chrome, 'stage'>; module: boolean }) {
  const { t } = useT();
  const { settings, change } = useSettings();
  const compact = chrome !== 'app';
  return (
    <header className={compact ? 'app-header chrome-session' : 'app-header'}>
      <Link href="/" replace className="brand">
        {t('app.name')}
      </Link>
      <OrganisationBrand />
      <nav aria-label={t('app.nav')}>
        {chrome !== 'session' && !module && (
          <Link href="/" replace>
            {t('app.scenarios')}
          </Link>
        )}
        {!module && !compact && (
          <Link href="/join" replace>
            {t('app.joinSession')}
          </Link>
        )}
        <Link href="/support" replace>
          {t('app.getHelp')}
        </Link>
      </nav>
      <label className="setting">
        <span className={compact ? 'visually-hidden' : undefined}>{t('app.language')}</span>{' '}
        <select
          value={settings.language}
          onChange={(e) => change({ ...settings, language: e.target.value as UiLanguage })}
        >
          {UI_LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {!compact && (
        <label className="setting">
          {t('app.timers')}{' '}
          <select
            value={settings.timers}
            onChange={(e) => change({ ...settings, timers: e.target.value as TimerMode })}
          >
            <option value="on">{t('app.timersOn')}</option>
            <option value="slower">{t('app.timersSlower')}</option>
            <option value="off">{t('app.timersOff')}</option>
          </select>
        </label>
      )}
      <QuickExit />
    </header>
  );
}
