import { z } from 'zod';
import { didYouMean } from '../engine/did-you-mean.ts';
import type { Text } from '../engine/scenario.types.ts';
import { AA_GRAPHICS, AA_TEXT, contrastRatio, HEX_COLOUR } from './contrast.ts';
import {
  APP_COLOURS,
  type Colours,
  LOGO_TYPES,
  NEUTRAL_PAGE,
  type OrganisationCheck,
  type OrganisationProblem,
} from './organisation.types.ts';

export type { Channel, Colours, Organisation, OrganisationCheck, OrganisationProblem } from './organisation.types.ts';
export { APP_COLOURS, LOGO_TYPES, NEUTRAL_PAGE } from './organisation.types.ts';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const EXAMPLE_TEXT = 'e.g. "Acme Ltd", or { "en": "Acme Ltd", "es": "Acme S.L." }';

function isText(value: unknown): value is Text {
  if (typeof value === 'string') return value.trim() !== '';
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(([lang, text]) => LANGUAGE_TAG.test(lang) && typeof text === 'string' && text.trim() !== '')
  );
}

const text = (what: string) =>
  z.custom<Text>(isText, {
    error: `Write ${what} as text, ${EXAMPLE_TEXT}. Each language is a short code (en, es) and no text may be empty.`,
  });

function isHttps(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && !/\s/.test(value);
  } catch {
    return false;
  }
}

/** RFC 3966 global numbers: `tel:+` then digits, with only `-`, `.`, `(`, `)` between them; at least 3 digits. */
const isTel = (value: string) => /^tel:\+?[0-9][0-9\-.()]*$/.test(value) && value.replace(/\D/g, '').length >= 3;

const PHONE_OR_WEB =
  'Make it a link a phone can tap: "tel:" and the number with no spaces (e.g. "tel:+441234567890", or "tel:112"), or a web address starting with https:// (e.g. "https://intranet.example.org/report").';

const link = z.string({ error: PHONE_OR_WEB }).refine((v) => isTel(v) || isHttps(v), { error: PHONE_OR_WEB });

const webLink = (what: string) =>
  z.string({ error: `Give ${what} as a web address starting with https://.` }).refine(isHttps, {
    error: `Give ${what} as a web address starting with https:// (e.g. "https://example.org/policy").`,
  });

const channel = z.strictObject({
  label: text('the label (what the learner taps)'),
  description: text('the description (who answers, when, what it costs)'),
  link,
});

const channels = (what: string) =>
  z
    .array(channel, {
      error: `Give ${what} as a list in square brackets: [ { "label": …, "description": …, "link": … } ].`,
    })
    .min(1, { error: `List at least one ${what.replace(/s$/, '')}: learners must always have somewhere to go.` });

const colour = (what: string) =>
  z
    .string({ error: `Give ${what} as a colour code such as "#5b2a86".` })
    .regex(HEX_COLOUR, { error: `Give ${what} as a colour code: # and six hex digits, such as "#5b2a86".` });

const logoTypes = Object.keys(LOGO_TYPES).join(', ');

const schema = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  example: z.boolean({ error: 'Write "example": false, or delete the line, once the file is your own.' }).optional(),
  name: text("your organisation's name"),
  logo: z
    .string({ error: `Give the logo as a file name (${logoTypes}) or an https:// address.` })
    .refine(
      (v) =>
        isHttps(v) ||
        (!/^[a-z][a-z0-9+.-]*:/i.test(v) && new RegExp(`\\.(${Object.keys(LOGO_TYPES).join('|')})$`, 'i').test(v)),
      {
        error: `Give the logo as an image file beside this file (${logoTypes}), e.g. "logo.svg", or an https:// address.`,
      },
    )
    .optional(),
  colours: z
    .strictObject(
      { accent: colour('the accent colour'), accentSoft: colour('the soft accent colour').optional() },
      { error: 'Give the colours as { "accent": "#5b2a86" } (and "accentSoft" if you like).' },
    )
    .optional(),
  support: channels('support channels'),
  reporting: channels('reporting channels'),
  policy: z.strictObject(
    { label: text("the policy's title"), link: webLink('the policy') },
    { error: 'Give the policy as { "label": "Our policy on harassment", "link": "https://…" }.' },
  ),
  quickExit: z
    .string({ error: `Say where Quick exit goes: an https:// address, or "${NEUTRAL_PAGE}" for a blank page.` })
    .refine((v) => v === NEUTRAL_PAGE || isHttps(v), {
      error: `Quick exit must go to an https:// address of a harmless page (e.g. "https://www.bbc.co.uk/weather"), or "${NEUTRAL_PAGE}" for a blank page shipped with the app.`,
    }),
});

const KEYS: Record<string, readonly string[]> = {
  '': Object.keys(schema.shape).filter((key) => !key.startsWith('$')),
  colours: ['accent', 'accentSoft'],
  policy: ['label', 'link'],
  channel: ['label', 'description', 'link'],
};

/** `support[1].link` from zod's path; "" for the whole file. */
export function pathInWords(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

function unknownKeyProblem(path: readonly PropertyKey[], key: string): OrganisationProblem {
  const where = pathInWords(path);
  const known = typeof path.at(-1) === 'number' ? KEYS.channel : (KEYS[where] ?? []);
  return {
    path: pathInWords([...path, key]),
    message: `"${key}" is not a setting here.${didYouMean(key, known)} The settings here are: ${known.join(', ')}.`,
  };
}

/**
 * Every problem in an organisation file's value, each with where and the fix in words: shape (zod),
 * then contrast. `colours.accent` must reach 4.5:1 (WCAG AA text) against the page and the cards
 * (links) and under white text (filled buttons); `accentSoft` 4.5:1 under the app's ink and 3:1
 * against the accent (a bar on its track, WCAG 1.4.11).
 */
export function checkOrganisation(value: unknown): OrganisationCheck {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return {
      ok: false,
      problems: [
        { path: '', message: 'The file must hold one object in curly brackets: { "name": …, "support": [ … ], … }.' },
      ],
    };
  const parsed = schema.safeParse(value);
  const colours = schema.shape.colours.safeParse((value as { colours?: unknown }).colours);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.flatMap((issue) =>
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => unknownKeyProblem(issue.path, key))
            : [{ path: pathInWords(issue.path), message: missingOr(issue.path, value, issue.message) }],
        )),
    // Checked even when other settings are wrong, so one start lists everything to fix.
    ...(colours.success ? contrastProblems(colours.data) : []),
  ];
  if (!parsed.success || problems.length) return { ok: false, problems };
  const { $schema: _s, $comment: _c, ...organisation } = parsed.data;
  return { ok: true, organisation };
}

/** A missing setting says so before saying how to write it. */
function missingOr(path: readonly PropertyKey[], root: unknown, message: string): string {
  let here: unknown = root;
  for (const key of path)
    here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  return here === undefined ? `This setting is missing. ${message}` : message;
}

function contrastProblems(colours: Colours | undefined): OrganisationProblem[] {
  if (!colours) return [];
  const { accent, accentSoft } = colours;
  const pairs: [path: string, colour: string, against: string, use: string, needed: number][] = [
    [
      'colours.accent',
      accent,
      APP_COLOURS.page,
      `is the colour of links on the page background (${APP_COLOURS.page})`,
      AA_TEXT,
    ],
    ['colours.accent', accent, APP_COLOURS.card, 'is the colour of links and button text on white cards', AA_TEXT],
    ['colours.accent', accent, APP_COLOURS.onAccent, 'is under the white text of filled buttons', AA_TEXT],
  ];
  if (accentSoft)
    pairs.push(
      [
        'colours.accentSoft',
        accentSoft,
        APP_COLOURS.ink,
        `is under the dark text of highlighted choices (${APP_COLOURS.ink})`,
        AA_TEXT,
      ],
      [
        'colours.accentSoft',
        accentSoft,
        accent,
        `is the track under bars in the accent colour (${accent})`,
        AA_GRAPHICS,
      ],
    );
  const problems: OrganisationProblem[] = [];
  for (const [path, colour, against, use, needed] of pairs) {
    const ratio = contrastRatio(colour, against);
    if (ratio >= needed || problems.some((p) => p.path === path)) continue;
    // Away from what it sits with: a colour lighter than its partner gets lighter, a darker one darker.
    const lighter = contrastRatio(colour, '#000000') > contrastRatio(against, '#000000');
    problems.push({
      path,
      message: `${colour} ${use}: a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs at least ${needed}:1, or some learners cannot read it. Choose a ${lighter ? 'lighter' : 'darker'} shade of this colour.`,
    });
  }
  return problems;
}
