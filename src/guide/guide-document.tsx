import type { FacilitatorGuide, GuideChoice, GuideScene } from '../engine/facilitator-guide.types.ts';
import { useT } from '../ui/i18n.ts';
import { textAttributes } from '../ui/text-direction.ts';
import { choiceFacts, sceneHeading } from './guide-wording.ts';

/** What makes a guide a review script (the studio's): its own heading and lede, and no timings or support. */
export interface ReviewFraming {
  readonly title: string;
  readonly lede: string;
}

/**
 * A facilitator guide as a document: the same markup in the app (`#/guide/<id>`) and in the file
 * `npm run guide` writes (rendered to static HTML). With `review`, the same scenes, choices and
 * endings as a script for sign-off (the studio's review script): no timings, no support section.
 * Every scenario text is rendered as text.
 */
export function GuideDocument({ guide, review }: { guide: FacilitatorGuide; review?: ReviewFraming }) {
  const { t } = useT();
  // Scenario text in its own language and direction (an Arabic scenario reads right to left).
  const text = textAttributes(guide.contentLanguage);
  return (
    <article className="facilitator-guide" aria-labelledby="guide-title">
      <h1 id="guide-title">{review ? review.title : t('guide.title', { title: guide.title })}</h1>
      <p className="guide-lede">{review ? review.lede : t('guide.lede')}</p>
      <p {...text}>{guide.summary}</p>
      <p className="content-note">
        <strong>{t('note.title')}</strong> <span {...text}>{guide.contentNote}</span>
      </p>
      {!review && <Timing guide={guide} />}

      {guide.tactics.length > 0 && (
        <section aria-labelledby="guide-tactics">
          <h2 id="guide-tactics">{t('guide.tacticsTitle')}</h2>
          <dl>
            {guide.tactics.map((tactic) => (
              <div key={tactic.id}>
                <dt>{tactic.name}</dt>
                <dd>{tactic.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {guide.scenes.map((scene) => (
        <Scene key={scene.key} scene={scene} text={text} review={review !== undefined} />
      ))}

      <section aria-labelledby="guide-endings">
        <h2 id="guide-endings">{t('guide.endings')}</h2>
        {guide.endings.map((ending) => (
          <section key={ending.key} className="guide-ending" aria-labelledby={`guide-ending-${ending.number}`}>
            <h3 id={`guide-ending-${ending.number}`}>
              {t('guide.ending', { number: ending.number, title: ending.title })}
            </h3>
            <p>{t('guide.kind', { kind: t(`debrief.kind.${ending.kind}`) })}</p>
            {ending.debrief.map((paragraph, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no id and never reorder
              <p key={i} {...text}>
                {paragraph}
              </p>
            ))}
          </section>
        ))}
      </section>

      {!review && <Support guide={guide} />}
    </article>
  );
}

type TextAttributes = ReturnType<typeof textAttributes>;

function Timing({ guide }: { guide: FacilitatorGuide }) {
  const { t } = useT();
  return (
    <>
      <p>{t('guide.minutesAlone', { count: guide.minutes })}</p>

      <section aria-labelledby="guide-timing">
        <h2 id="guide-timing">{t('guide.timing')}</h2>
        <table className="guide-timing">
          <thead>
            <tr>
              <th scope="col">{t('guide.part')}</th>
              <th scope="col">{t('guide.minutes')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('guide.introduction')}</th>
              <td>{guide.timing.introduction}</td>
            </tr>
            <tr>
              <th scope="row">{t('guide.scenesRow')}</th>
              <td>{guide.timing.scenes}</td>
            </tr>
            <tr>
              <th scope="row">{t('guide.debrief')}</th>
              <td>{guide.timing.debrief}</td>
            </tr>
            <tr>
              <th scope="row">{t('guide.total')}</th>
              <td>{guide.timing.total}</td>
            </tr>
          </tbody>
        </table>
        <p>{t('guide.timingNote')}</p>
      </section>
    </>
  );
}

function Support({ guide }: { guide: FacilitatorGuide }) {
  const { t } = useT();
  return (
    <section aria-labelledby="guide-support">
      <h2 id="guide-support">{t('guide.support')}</h2>
      {guide.support.map((section, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sections come from a data file, in its order
        <section key={i} aria-labelledby={`guide-support-${i}`}>
          <h3 id={`guide-support-${i}`}>{section.title}</h3>
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

function Scene({ scene, text, review }: { scene: GuideScene; text: TextAttributes; review: boolean }) {
  const { t } = useT();
  const id = `guide-scene-${scene.number}`;
  return (
    <section className="guide-scene" aria-labelledby={id}>
      <h2 id={id}>{sceneHeading(t, scene)}</h2>
      {!review && <p className="guide-facts">{t('guide.sceneMinutes', { count: scene.minutes })}</p>}
      {scene.notes.length > 0 && (
        // Named with its scene too: every scene's notes are an aside, each told apart in a landmark list.
        <aside className="guide-notes" aria-labelledby={`${id}-notes ${id}`}>
          <h3 id={`${id}-notes`}>{t('guide.notes')}</h3>
          <List items={scene.notes} text={text} />
        </aside>
      )}
      {scene.narrative.map((paragraph, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no id and never reorder
        <p key={i} {...text}>
          {paragraph}
        </p>
      ))}
      {/* What the room is asked: the scene's own question, or the one the player puts by default. */}
      <p className="guide-prompt" {...(scene.prompt ? text : {})}>
        <strong>{scene.prompt ?? t('scene.defaultPrompt')}</strong>
      </p>
      <h3>{t('guide.choices')}</h3>
      <ol className="guide-choices">
        {scene.choices.map((choice, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a scene's choices keep the file's order
          <Choice key={i} choice={choice} text={text} />
        ))}
      </ol>
      {scene.discussion.length > 0 && (
        <>
          <h3>{t('guide.discussion')}</h3>
          <List items={scene.discussion} text={text} />
        </>
      )}
    </section>
  );
}

function Choice({ choice, text }: { choice: GuideChoice; text: TextAttributes }) {
  const { t } = useT();
  const facts = choiceFacts(t, choice);
  return (
    <li>
      <p className="guide-choice-label" {...text}>
        {choice.label}
      </p>
      {facts.timed && <p>{facts.timed}</p>}
      {facts.conditional && <p>{facts.conditional}</p>}
      {facts.effects && <p>{facts.effects}</p>}
      <p>{facts.points}</p>
      <p>
        {t('guide.feedback')} <span {...text}>{choice.feedback}</span>
      </p>
      <p>{facts.leadsTo}</p>
    </li>
  );
}

function List({ items, text }: { items: readonly string[]; text: TextAttributes }) {
  return (
    <ul {...text}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: texts from the file, in its order
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
