import { Link } from 'wouter';
import { useT } from '../ui/i18n.ts';

/**
 * The facilitator ended the session: said to everyone, with where to find support. `message` replaces
 * the participants' thanks (the console says what the facilitator can still do).
 */
export function SessionEnded({ children, message }: { children?: React.ReactNode; message?: string }) {
  const { t } = useT();
  return (
    <section className="panel session-ended" aria-labelledby="ended-title">
      <h2 id="ended-title">{t('sessionView.endedTitle')}</h2>
      <p role="status">{message ?? t('sessionView.endedText')}</p>
      <p>
        <Link href="/support" replace>
          {t('sessionView.support')}
        </Link>
      </p>
      {children}
    </section>
  );
}
