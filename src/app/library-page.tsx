import { useState } from 'react';
import { Link } from 'wouter';
import type { Scenario, Setting } from '../engine/scenario.types.ts';
import { practisedTactics } from '../engine/scenario-walk.ts';
import { findTactic } from '../engine/tactics.ts';
import { scenarioText } from '../engine/text.ts';
import { type ProgressStatus, progressStatus } from '../player/progress-store.ts';
import { BrokenScenario } from './broken-scenario.tsx';
import type { LibraryEntry } from './library-entry.ts';

export const SETTING_NAMES: Readonly<Record<Setting, string>> = {
  workplace: 'Workplace',
  transit: 'Public transport',
  social: 'Social event',
  campus: 'Campus',
  online: 'Online',
};

const STATUS_NAMES: Readonly<Record<ProgressStatus, string>> = {
  new: 'Not started',
  started: 'In progress',
  finished: 'Finished',
};

/** The scenario library: every file in scenarios/, valid ones described, broken ones with their problems. */
export function LibraryPage({ entries }: { entries: readonly LibraryEntry[] }) {
  const [setting, setSetting] = useState<Setting | 'all'>('all');
  const settings = [...new Set(entries.flatMap((e) => (e.ok ? [e.scenario.meta.setting] : [])))];
  const shown = entries.filter((e) => !e.ok || setting === 'all' || e.scenario.meta.setting === setting);
  return (
    <section className="library" aria-labelledby="library-title">
      <h1 id="library-title">Practise stepping in</h1>
      <p className="lede">
        Short scenes from work, travel, nights out, campus and online. You are the bystander: choose what to do, and see
        why it helps.
      </p>
      <label className="filter">
        Setting{' '}
        <select value={setting} onChange={(e) => setSetting(e.target.value as Setting | 'all')}>
          <option value="all">All settings</option>
          {settings.map((s) => (
            <option key={s} value={s}>
              {SETTING_NAMES[s]}
            </option>
          ))}
        </select>
      </label>
      <ul className="scenario-list">
        {shown.map((entry) => (
          <li key={entry.file}>
            {entry.ok ? (
              <ScenarioCard scenario={entry.scenario} />
            ) : (
              <BrokenScenario file={entry.file} issues={entry.issues} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ScenarioCard({ scenario }: { scenario: Scenario }) {
  const { meta, id } = scenario;
  const { text } = scenarioText(scenario);
  return (
    <article className="scenario-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Link href={`/play/${id}`} replace>
          {text(meta.title)}
        </Link>
      </h2>
      <p className="facts">
        {SETTING_NAMES[meta.setting]} · about {meta.minutes} minutes · {STATUS_NAMES[progressStatus(id)]}
      </p>
      <p>{text(meta.summary)}</p>
      <p className="content-note">
        <strong>Content note:</strong> {text(meta.contentNote)}
      </p>
      <p>
        Practises:{' '}
        {practisedTactics(scenario)
          .map((t) => findTactic(t)?.name ?? t)
          .join(', ')}
      </p>
    </article>
  );
}
