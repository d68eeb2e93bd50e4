import { useMemo } from 'react';
import { Link } from 'wouter';
import { facilitatorGuide } from '../engine/facilitator-guide.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { useT } from '../ui/i18n.ts';
import { useOrganisation } from '../ui/organisation.tsx';
import { GuideDocument } from './guide-document.tsx';
import { supportSections } from './support-sections.ts';
import './guide.css';

/** The facilitator guide of one scenario, in the interface language, with a print button (`#/guide/<id>`). */
export function GuidePage({ scenario }: { scenario: Scenario }) {
  const { t, language } = useT();
  const organisation = useOrganisation();
  const guide = useMemo(
    () => facilitatorGuide(scenario, { language, support: supportSections(organisation) }),
    [scenario, language, organisation],
  );
  return (
    <section className="panel guide-page">
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('guide.print')}
        </button>{' '}
        <Link href="/" replace>
          {t('guide.back')}
        </Link>
      </p>
      <GuideDocument guide={guide} />
    </section>
  );
}
