import './guide-strings.ts';
import type { GuideChoice, GuideScene } from '../engine/facilitator-guide.types.ts';
import type { useT } from '../ui/i18n.ts';

type T = ReturnType<typeof useT>['t'];

/** A scene's heading, as the guide and the review script print it: "Scene 2 · Speak up". */
export const sceneHeading = (t: T, scene: GuideScene) =>
  `${t('guide.scene', { number: scene.number })}${scene.stage ? ` · ${t(`stage.${scene.stage}`)}` : ''}`;

/**
 * What the guide and the review script say of a choice, besides its label and feedback, in the
 * interface language: when it is taken by time or offered only on a condition (absent otherwise), its
 * tactic points and harm, and where it leads.
 */
export function choiceFacts(t: T, choice: GuideChoice) {
  const tactics = choice.tactics.map((tactic) => `${tactic.name} ${tactic.points}`).join(', ') || t('guide.noTactics');
  const destinations = choice.leadsTo.map((to) =>
    to.kind === 'scene'
      ? t('guide.toScene', { number: to.number })
      : to.kind === 'ending'
        ? t('guide.toEnding', { number: to.number, title: to.title })
        : t('guide.stays'),
  );
  return {
    timed: choice.timedSeconds !== undefined ? t('guide.timed', { count: choice.timedSeconds }) : undefined,
    conditional: choice.conditional ? t('guide.conditional') : undefined,
    points: `${t('guide.tactics')} ${tactics}${choice.harm > 0 ? ` · ${t('guide.harm', { harm: choice.harm })}` : ''}`,
    leadsTo: `${t('guide.leadsTo')} ${destinations.join(` ${t('guide.or')} `)}`,
  };
}
