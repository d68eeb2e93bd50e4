import type { FileIssue } from '../engine/load-scenario.types.ts';

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
  return (
    <article className="scenario-card broken" aria-labelledby={`${file}-title`}>
      <H id={`${file}-title`}>{file} cannot be played</H>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.path}|${issue.message}`}>
            <code>{issue.path || '/'}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </article>
  );
}
