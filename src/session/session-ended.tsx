import { Link } from 'wouter';
import { useT } from '../ui/i18n.ts';

/**
 * The facilitator ended the session: said to everyone, with where to find support. `message` replaces
 * the participants' thanks (the console says what the facilitator can still do).
 */
export function SessionEnded({
  children,
  message,
  headingLevel: Heading = 'h2',
}: {
  children?: React.ReactNode;
  message?: string;
  /** 'h1' where it is all the page shows (a phone). */
  headingLevel?: 'h1' | 'h2';
}) {
  const { t } = useT();
  return (
    <section className="panel session-ended" aria-labelledby="ended-title">
      <Heading id="ended-title">{t('sessionView.endedTitle')}</Heading>
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
