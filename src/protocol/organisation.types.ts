import type { Text } from '../engine/scenario.types.ts';

/**
 * The organisation file (`organisation.json`): whose training this is, and where its learners get help.
 * The server reads it at start and serves it (`GET /api/organisation`); an LMS export packs it. Every
 * text is one string, or one string per interface language (`{ "en": "…", "es": "…" }`).
 */
export interface Organisation {
  /** True only in the shipped example: the support page then says it must be replaced. */
  readonly example?: boolean;
  /** The organisation's name, shown in the header beside its logo. */
  readonly name: Text;
  /** An image file (svg, png, jpg, webp) beside the organisation file, or an https:// address. */
  readonly logo?: string;
  /** The organisation's colours, each checked for WCAG AA contrast with what it is used with. */
  readonly colours?: Colours;
  /** Where a learner gets support: at least one; the first is shown first. */
  readonly support: readonly Channel[];
  /** Where a learner reports: at least one. */
  readonly reporting: readonly Channel[];
  /** The organisation's policy on harassment. */
  readonly policy: { readonly label: Text; readonly link: string };
  /** Where Quick exit goes: an https:// address, or `neutral.html` (a blank page shipped with the app). */
  readonly quickExit: string;
}

export interface Colours {
  /** Links, button text and borders, focus rings, bars; white text on it in filled buttons. `#rrggbb`. */
  readonly accent: string;
  /** A soft background: highlighted choices, countdown tracks, callouts; text on it is the app's ink. */
  readonly accentSoft?: string;
}

/** One way to get support or to report, which a learner can tap. */
export interface Channel {
  readonly label: Text;
  readonly description: Text;
  /** `tel:+…` (a phone call) or `https://…` (a page, a form, a chat). */
  readonly link: string;
}

/** The app's own colours an organisation's colours are used with (keep in step with app.css). */
export const APP_COLOURS = { page: '#fdfcfa', card: '#ffffff', ink: '#1b1b1f', onAccent: '#ffffff' } as const;

/** The blank page shipped with the app (and with every LMS package), Quick exit's default. */
export const NEUTRAL_PAGE = 'neutral.html';

/** Image types a logo may be, by file extension, with the type the server sends. */
export const LOGO_TYPES: Readonly<Record<string, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** One problem in an organisation file: where (`support[1].link`, "" for the whole file) and what to do. */
export interface OrganisationProblem {
  readonly path: string;
  readonly message: string;
}

export type OrganisationCheck =
  | { readonly ok: true; readonly organisation: Organisation }
  | { readonly ok: false; readonly problems: readonly OrganisationProblem[] };
