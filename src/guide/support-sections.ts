import type { SupportSection } from '../engine/facilitator-guide.types.ts';
import type { Channel, Organisation } from '../protocol/organisation.types.ts';
import en from '../ui/locales/en.json' with { type: 'json' };
import es from '../ui/locales/es.json' with { type: 'json' };
import { linkInWords } from '../ui/organisation.tsx';

/**
 * The organisation's channels as the facilitator guide prints them: a section for support and one for
 * reporting, each channel with its description and its number or address (paper cannot be tapped).
 */
export function supportSections(organisation: Organisation): SupportSection[] {
  const section = (key: 'supportTitle' | 'reportTitle', channels: readonly Channel[]): SupportSection => ({
    title: { en: en.support[key], es: es.support[key] },
    items: channels.map((c) => ({
      name: c.label,
      detail:
        typeof c.description === 'string'
          ? `${c.description} ${linkInWords(c.link)}`
          : Object.fromEntries(Object.entries(c.description).map(([l, d]) => [l, `${d} ${linkInWords(c.link)}`])),
    })),
  });
  return [section('supportTitle', organisation.support), section('reportTitle', organisation.reporting)];
}
