import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { FacilitatorGuide, GuideScene } from '../engine/facilitator-guide.types.ts';
import type { ReviewFraming } from '../guide/guide-document.tsx';
import { choiceFacts, sceneHeading } from '../guide/guide-wording.ts';
import type { useT } from '../ui/i18n.ts';
import { textDirection } from '../ui/text-direction.ts';

type T = ReturnType<typeof useT>['t'];

/**
 * The review script as a Word document (Office Open XML, `.docx`, written by the `docx` library): the
 * same contents, order and words as the review script on screen (`GuideDocument` with `review`):
 * heading and lede, summary, content note, the tactics practised; each scene with its facilitator
 * notes, narrative, prompt, choices (label, time limit, condition, tactic points and harm, feedback,
 * where it leads) and discussion prompts; then each ending with its kind and debrief. Scenario text is
 * tagged with the scenario's language (right to left where that language is written so); every text is
 * a run of plain text, never markup. `language` is the interface language the labels are in.
 */
export function reviewDocx(guide: FacilitatorGuide, framing: ReviewFraming, t: T, language: string): Promise<Blob> {
  const content = guide.contentLanguage;
  const rtl = textDirection(content) === 'rtl';
  /** A run of the interface's words (bold for a label). */
  const label = (text: string, bold = false) => new TextRun({ text, bold, language: { value: language } });
  /** A run of the scenario's own words. */
  const own = (text: string, bold = false) =>
    new TextRun({ text, bold, rightToLeft: rtl, language: rtl ? { bidirectional: content } : { value: content } });
  const ownParagraph = (text: string, bold = false) =>
    new Paragraph({ bidirectional: rtl, children: [own(text, bold)] });
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ heading: level, children: [label(text)] });
  const list = (items: readonly string[]) =>
    items.map((item) => new Paragraph({ bullet: { level: 0 }, bidirectional: rtl, children: [own(item)] }));

  const scene = (s: GuideScene) => [
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [label(sceneHeading(t, s))] }),
    ...(s.notes.length ? [heading(t('guide.notes'), HeadingLevel.HEADING_3), ...list(s.notes)] : []),
    ...s.narrative.map((p) => ownParagraph(p)),
    s.prompt ? ownParagraph(s.prompt, true) : new Paragraph({ children: [label(t('scene.defaultPrompt'), true)] }),
    heading(t('guide.choices'), HeadingLevel.HEADING_3),
    ...s.choices.flatMap((choice, i) => {
      const facts = choiceFacts(t, choice);
      return [
        new Paragraph({ bidirectional: rtl, children: [label(`${i + 1}. `, true), own(choice.label, true)] }),
        ...[facts.timed, facts.conditional, facts.effects, facts.points]
          .filter((line): line is string => line !== undefined)
          .map((line) => new Paragraph({ indent: { left: 360 }, children: [label(line)] })),
        new Paragraph({ indent: { left: 360 }, children: [label(`${t('guide.feedback')} `), own(choice.feedback)] }),
        new Paragraph({ indent: { left: 360 }, children: [label(facts.leadsTo)] }),
      ];
    }),
    ...(s.discussion.length ? [heading(t('guide.discussion'), HeadingLevel.HEADING_3), ...list(s.discussion)] : []),
  ];

  const document = new Document({
    title: framing.title,
    creator: 'Upstander',
    sections: [
      {
        children: [
          heading(framing.title, HeadingLevel.TITLE),
          new Paragraph({ children: [label(framing.lede, true)] }),
          ownParagraph(guide.summary),
          new Paragraph({ children: [label(`${t('note.title')} `, true), own(guide.contentNote)] }),
          ...(guide.tactics.length
            ? [
                heading(t('guide.tacticsTitle'), HeadingLevel.HEADING_2),
                ...guide.tactics.map(
                  (tactic) => new Paragraph({ children: [label(`${tactic.name}: `, true), label(tactic.description)] }),
                ),
              ]
            : []),
          ...guide.scenes.flatMap(scene),
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            pageBreakBefore: true,
            children: [label(t('guide.endings'))],
          }),
          ...guide.endings.flatMap((ending) => [
            heading(t('guide.ending', { number: ending.number, title: ending.title }), HeadingLevel.HEADING_3),
            new Paragraph({ children: [label(t('guide.kind', { kind: t(`debrief.kind.${ending.kind}`) }))] }),
            ...ending.debrief.map((p) => ownParagraph(p)),
          ]),
        ],
      },
    ],
  });
  return Packer.toBlob(document);
}
