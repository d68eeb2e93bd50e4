import { useBoosters } from '../ui/boosters.ts';
import { useT } from '../ui/i18n.ts';

/**
 * After the #IWill commitment: a calendar file with three reminders (2, 6 and 12 weeks), each with the
 * commitment, a booster link and the follow-up question. Built in the browser; nothing is sent.
 */
export function RemindersDownload({ commitment }: { commitment: string }) {
  const { t } = useT();
  const boosterIds = useBoosters();
  if (boosterIds.length === 0) return null;

  const download = async () => {
    const { remindersCalendar } = await import('./reminders.ts');
    const ics = remindersCalendar({
      now: new Date(),
      commitment,
      appUrl: `${location.origin}${location.pathname}`,
      boosterIds,
      words: {
        summary: t('reminders.summary'),
        commitmentIntro: t('reminders.commitmentIntro'),
        question: t('reminders.question'),
        boosterIntro: t('reminders.boosterIntro'),
      },
    });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'upstander-reminders.ics';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="reminders" aria-labelledby="reminders-title">
      <h3 id="reminders-title">{t('reminders.title')}</h3>
      <p>{t('reminders.intro')}</p>
      <button type="button" onClick={() => void download()}>
        {t('reminders.download')}
      </button>
    </section>
  );
}
