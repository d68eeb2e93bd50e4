import { findTactic, localize, practisedTactics } from '../engine/index.ts';
import type { LibraryEntry } from './scenario-library.ts';

const SETTINGS: Readonly<Record<string, string>> = {
  workplace: 'Workplace',
  transit: 'Public transport',
  social: 'Social event',
  campus: 'Campus',
  online: 'Online',
};

/** The scenario library: every file in scenarios/, valid ones described, broken ones with their problems. */
export function LibraryPage({ entries }: { entries: readonly LibraryEntry[] }) {
  return (
    <main className="library">
      <h1>Upstander</h1>
      <p className="lede">
        Practise what to do when you see sexual harassment, in scenes from work, travel, nights out, campus and online.
      </p>
      <h2>Scenarios</h2>
      <ul className="scenario-list">
        {entries.map((entry) => (
          <li key={entry.file}>
            <ScenarioCard entry={entry} />
          </li>
        ))}
      </ul>
    </main>
  );
}

function ScenarioCard({ entry: { file, result } }: { entry: LibraryEntry }) {
  if (!result.ok) {
    return (
      <article className="scenario-card broken" aria-labelledby={`${file}-title`}>
        <h3 id={`${file}-title`}>{file} cannot be played</h3>
        <ul>
          {result.issues.map((issue) => (
            <li key={`${issue.path}|${issue.message}`}>
              <code>{issue.path || '/'}</code>: {issue.message}
            </li>
          ))}
        </ul>
      </article>
    );
  }
  const { meta } = result.scenario;
  const text = (t: Parameters<typeof localize>[0]) => localize(t, meta.language, meta.language);
  return (
    <article className="scenario-card" aria-labelledby={`${result.scenario.id}-title`}>
      <h3 id={`${result.scenario.id}-title`}>{text(meta.title)}</h3>
      <p className="facts">
        {SETTINGS[meta.setting]} · about {meta.minutes} minutes
      </p>
      <p>{text(meta.summary)}</p>
      <p className="content-note">
        <strong>Content note:</strong> {text(meta.contentNote)}
      </p>
      <p>
        Practises:{' '}
        {practisedTactics(result.scenario)
          .map((id) => findTactic(id)?.name ?? id)
          .join(', ')}
      </p>
    </article>
  );
}
