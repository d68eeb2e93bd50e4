import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
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

/**
 * The one header of every page but the stage: one row, kept at the top while the page scrolls, with
 * the name, the links and settings, and Quick exit in its own place (never over the page's text). On
 * a small screen the links and settings sit behind a Menu button (a disclosure: Escape, a click
 * elsewhere or a new page closes it); from 75rem (1200 px) wide they are shown in the row itself.
 */
export function AppHeader({ chrome, module }: { chrome: Exclude<Chrome, 'stage'>; module: boolean }) {
  const { t } = useT();
  const { settings, change } = useSettings();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const header = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const [location] = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setOpen(false), [location]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!header.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <header className="app-header" ref={header}>
      <Link href="/" replace className="brand">
        {t('app.name')}
      </Link>
      <OrganisationBrand />
      <button
        type="button"
        className="menu-toggle"
        ref={toggle}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
        </svg>
        <span className="visually-hidden">{t('app.menu')}</span>
      </button>
      <div id={menuId} className={open ? 'app-menu open' : 'app-menu'}>
        <nav aria-label={t('app.nav')}>
          {chrome !== 'session' && !module && (
            <Link href="/" replace>
              {t('app.scenarios')}
            </Link>
          )}
          {!module && chrome === 'app' && (
            <Link href="/join" replace>
              {t('app.joinSession')}
            </Link>
          )}
          <Link href="/support" replace>
            {t('app.getHelp')}
          </Link>
        </nav>
        <label className="setting">
          {t('app.language')}{' '}
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
        {chrome === 'app' && (
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
      </div>
      <QuickExit />
    </header>
  );
}
