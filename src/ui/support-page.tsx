import { useT } from './i18n.ts';
import support from './support.json' with { type: 'json' };

/** Where to get help and how to report: read from support.json, which an organisation edits. */
export function SupportPage() {
  const { t, data } = useT();
  return (
    <section className="panel" aria-labelledby="support-title">
      <h1 id="support-title">{t('support.title')}</h1>
      {support.sections.map((section, i) => (
        <section key={section.title.en} aria-labelledby={`support-${i}`}>
          <h2 id={`support-${i}`}>{data(section.title)}</h2>
          <dl>
            {section.items.map((item) => (
              <div key={item.name.en}>
                <dt>{data(item.name)}</dt>
                <dd>{data(item.detail)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}

export const QUICK_EXIT_URL: string = support.quickExitUrl;
