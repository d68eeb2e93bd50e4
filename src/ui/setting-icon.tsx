import { BriefcaseBusiness, BusFront, GraduationCap, type LucideIcon, MessageCircle, PartyPopper } from 'lucide-react';
import type { Setting } from '../engine/scenario.types.ts';
import { useT } from './i18n.ts';

const SETTING_ICONS: Record<Setting, LucideIcon> = {
  workplace: BriefcaseBusiness,
  transit: BusFront,
  social: PartyPopper,
  campus: GraduationCap,
  online: MessageCircle,
};

/** A scenario's setting: an icon (decorative, hidden from screen readers) and its name beside it. */
export function SettingLabel({ setting }: { setting: Setting }) {
  const { t } = useT();
  const Icon = SETTING_ICONS[setting];
  return (
    <span className="setting-label">
      <Icon aria-hidden="true" focusable="false" size="1.1em" />
      {t(`setting.${setting}`)}
    </span>
  );
}
