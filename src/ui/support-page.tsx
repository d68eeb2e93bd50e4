import type { Channel } from '../protocol/organisation.types.ts';
import './organisation.css';
import { useT } from './i18n.ts';
import { linkInWords, useOrganisation } from './organisation.tsx';

/**
 * Where to get help and how to report, from the organisation file (`organisation.tsx`): every channel
 * a link a phone can tap (`tel:` calls, `https:` opens in a new tab, outside any LMS frame). The
 * shipped example says so at the top.
 */
export function SupportPage() {
  const { t, data } = useT();
  const organisation = useOrganisation();
  return (
    <section className="panel support-page" aria-labelledby="support-title">
      <h1 id="support-title">{t('support.title')}</h1>
      {organisation.example && (
        <p className="notice" role="note">
          {t('support.example')}
        </p>
      )}
      <Channels id="support-support" title={t('support.supportTitle')} channels={organisation.support} />
      <Channels id="support-report" title={t('support.reportTitle')} channels={organisation.reporting} />
      <section aria-labelledby="support-policy">
        <h2 id="support-policy">{t('support.policyTitle')}</h2>
        <p>
          <ChannelLink link={organisation.policy.link}>{data(organisation.policy.label)}</ChannelLink>
        </p>
      </section>
      <section aria-labelledby="support-you">
        <h2 id="support-you">{t('support.ifItHappenedTitle')}</h2>
        <p>{t('support.notOverreacting')}</p>
        <p>{t('support.talkToSomeone')}</p>
      </section>
    </section>
  );
}

function Channels({ id, title, channels }: { id: string; title: string; channels: readonly Channel[] }) {
  const { data } = useT();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="channels">
        {channels.map((channel) => (
          <li key={channel.link}>
            <ChannelLink link={channel.link}>
              {data(channel.label)} <span className="channel-address">{linkInWords(channel.link)}</span>
            </ChannelLink>
            <p>{data(channel.description)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A `tel:` link calls; an `https:` one opens a new tab (an LMS frame may refuse to show the page). */
function ChannelLink({ link, children }: { link: string; children: React.ReactNode }) {
  const { t } = useT();
  if (link.startsWith('tel:')) return <a href={link}>{children}</a>;
  return (
    <a href={link} target="_blank" rel="noopener noreferrer">
      {children} <span className="visually-hidden">{t('support.newTab')}</span>
    </a>
  );
}
