import './guide-strings.ts';
import type { GuideChoice, GuideScene } from '../engine/facilitator-guide.types.ts';
import type { ActionRef, GuardRef } from '../engine/scenario.types.ts';
import type { useT } from '../ui/i18n.ts';

type T = ReturnType<typeof useT>['t'];

/** A scene's heading, as the guide and the review script print it: "Scene 2 · Speak up". */
export const sceneHeading = (t: T, scene: GuideScene) =>
  `${t('guide.scene', { number: scene.number })}${scene.stage ? ` · ${t(`stage.${scene.stage}`)}` : ''}`;

/**
 * What the guide and the review script say of a choice, besides its label and feedback, in the
 * interface language: when it is taken by time, offered only on a condition or changes the story's
 * variables (each absent otherwise), its tactic points and harm, and where it leads.
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
    conditional: choice.condition ? t('guide.onlyIf', { condition: conditionInWords(t, choice.condition) }) : undefined,
    effects: choice.effects.length
      ? t('guide.changes', { effects: choice.effects.map((effect) => effectInWords(t, effect)).join(', ') })
      : undefined,
    points: `${t('guide.tactics')} ${tactics}${choice.harm > 0 ? ` · ${t('guide.harm', { harm: choice.harm })}` : ''}`,
    leadsTo: `${t('guide.leadsTo')} ${destinations.join(` ${t('guide.or')} `)}`,
  };
}

/** A guard in plain words: "trust is at least 2". */
export function conditionInWords(t: T, guard: GuardRef): string {
  const key = { atLeast: 'guide.ifAtLeast', atMost: 'guide.ifAtMost', equals: 'guide.ifEquals' }[guard.type];
  return t(key, { var: guard.params.var, value: String(guard.params.value) });
}

/** An action in plain words: "add 1 to trust", "take 2 from trust", "set reported to true". */
export function effectInWords(t: T, action: ActionRef): string {
  if (action.type === 'set')
    return t('guide.effectSet', { var: action.params.var, value: String(action.params.value) });
  const { var: name, by } = action.params;
  return t(by < 0 ? 'guide.effectSubtract' : 'guide.effectAdd', { var: name, by: Math.abs(by) });
}
