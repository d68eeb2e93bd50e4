import type { FileIssue } from '../engine/load-scenario.types.ts';
import { useT } from '../ui/i18n.ts';

/** A scenario file that cannot be played, with each of its problems: never a blank page. */
export function BrokenScenario({
  file,
  issues,
  headingLevel: H = 'h3',
}: {
  file: string;
  issues: readonly FileIssue[];
  headingLevel?: 'h1' | 'h3';
}) {
  const { t } = useT();
  return (
    <article className="scenario-card broken" aria-labelledby={`${file}-title`}>
      <H id={`${file}-title`}>{t('library.cannotPlay', { file })}</H>
      {/* The checker's messages are for authors, in English. */}
      <ul lang="en">
        {issues.map((issue) => (
          <li key={`${issue.path}|${issue.message}`}>
            <code>{issue.path || '/'}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </article>
  );
}
