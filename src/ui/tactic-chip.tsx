import { Footprints, Hourglass, type LucideIcon, Megaphone, NotebookPen, Shuffle, UserPlus } from 'lucide-react';
import { useT } from './i18n.ts';

/** The icon of each tactic in the taxonomy; a tactic added to the data later shows its name alone. */
const TACTIC_ICONS: Record<string, LucideIcon> = {
  stepForward: Footprints,
  speakUp: Megaphone,
  bringOthers: UserPlus,
  distract: Shuffle,
  delay: Hourglass,
  document: NotebookPen,
};

/** A tactic as a chip: an icon (decorative, hidden from screen readers) and the tactic's name. */
export function TacticChip({ tactic }: { tactic: string }) {
  const { tacticName } = useT();
  const Icon = TACTIC_ICONS[tactic];
  return (
    <span className="tactic-chip">
      {Icon && <Icon aria-hidden="true" focusable="false" size="1em" />}
      {tacticName(tactic)}
    </span>
  );
}
