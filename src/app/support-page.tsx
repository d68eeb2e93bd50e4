import support from './support.json' with { type: 'json' };

/** Where to get help and how to report: read from support.json, which an organisation edits. */
export function SupportPage() {
  return (
    <section className="panel" aria-labelledby="support-title">
      <h1 id="support-title">Getting help and reporting</h1>
      {support.sections.map((section) => (
        <section key={section.title} aria-labelledby={`support-${section.title}`}>
          <h2 id={`support-${section.title}`}>{section.title}</h2>
          <dl>
            {section.items.map((item) => (
              <div key={item.name}>
                <dt>{item.name}</dt>
                <dd>{item.detail}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}

export const QUICK_EXIT_URL: string = support.quickExitUrl;
