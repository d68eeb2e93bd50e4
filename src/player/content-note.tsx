import { Link } from 'wouter';
import type { Scenario } from '../engine/scenario.types.ts';
import { scenarioText } from '../engine/text.ts';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';

/** Before a scenario starts: what it depicts, and three ways on, none needing a reason. */
export function ContentNote({
  scenario,
  onContinue,
  onSkip,
}: {
  scenario: Scenario;
  onContinue: () => void;
  onSkip: () => void;
}) {
  const heading = useFocusOnChange<HTMLHeadingElement>(scenario.id);
  const { text } = scenarioText(scenario);
  return (
    <section className="panel" aria-labelledby="note-title">
      <h1 id="note-title" ref={heading} tabIndex={-1}>
        {text(scenario.meta.title)}
      </h1>
      <p>{text(scenario.meta.summary)}</p>
      <div className="content-note">
        <h2>Content note</h2>
        <p>{text(scenario.meta.contentNote)}</p>
        <p>You can leave at any time with Quick exit, or by pressing Escape twice.</p>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={onContinue}>
          Continue
        </button>
        <Link href="/" replace className="button">
          Choose another
        </Link>
        <button type="button" onClick={onSkip}>
          Skip this one
        </button>
      </div>
    </section>
  );
}
