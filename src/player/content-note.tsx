import { Link } from 'wouter';
import type { Scenario } from '../engine/scenario.types.ts';
import { walkStates } from '../engine/scenario-walk.ts';
import { contentLanguage, scenarioText } from '../engine/text.ts';
import { useT } from '../ui/i18n.ts';
import { useSettings } from '../ui/settings.ts';
import { textAttributes } from '../ui/text-direction.ts';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { useSettled } from '../ui/use-settled.ts';

/**
 * Before a scenario starts: what it depicts, whether its choices may be timed (and where to change
 * that), and three ways on, none needing a reason.
 */
export function ContentNote({
  scenario,
  onContinue,
  onSkip,
  canChooseAnother = true,
  takesFocus = true,
  children,
}: {
  scenario: Scenario;
  onContinue: () => void;
  onSkip: () => void;
  /** False inside an LMS module, which has no library to go back to (skipping is the way on). */
  canChooseAnother?: boolean;
  /** False where something above the note is read first: focus and scroll are then left where they are. */
  takesFocus?: boolean;
  /**
   * Shown after the note, before the ways on: questions asked before the first scenario, read only
   * once the learner knows what the scenario depicts.
   */
  children?: React.ReactNode;
}) {
  const { t, language } = useT();
  const heading = useFocusOnChange<HTMLHeadingElement>(scenario.id, takesFocus);
  const { text } = scenarioText(scenario, language);
  const content = textAttributes(contentLanguage(scenario, language));
  const { settings } = useSettings();
  const settled = useSettled(scenario.id);
  const timed = [...walkStates(scenario)].some(({ state }) => state.after !== undefined);
  return (
    <section className="panel" aria-labelledby="note-title">
      <h1 id="note-title" ref={heading} tabIndex={-1} {...content}>
        {text(scenario.meta.title)}
      </h1>
      <p {...content}>{text(scenario.meta.summary)}</p>
      <div className="content-note">
        <h2 lang={language}>{t('note.title')}</h2>
        <p {...content}>{text(scenario.meta.contentNote)}</p>
        {timed && <p lang={language}>{t(settings.timers === 'off' ? 'note.timersOff' : 'note.timed')}</p>}
        <p lang={language}>{t('note.leaveAnyTime')}</p>
        <p lang={language}>
          <Link href="/support" replace>
            {t('note.getHelp')}
          </Link>
        </p>
      </div>
      {children}
      <div className="actions" lang={language}>
        <button type="button" className="primary" {...settled(onContinue)}>
          {t('note.continue')}
        </button>
        {canChooseAnother && (
          <Link href="/" replace className="button">
            {t('note.chooseAnother')}
          </Link>
        )}
        <button type="button" {...settled(onSkip)}>
          {t('note.skip')}
        </button>
      </div>
    </section>
  );
}
