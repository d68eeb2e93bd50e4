import { create } from 'xmlbuilder2';
import { DEFAULT_SKIP_RULE, type LmsStandard, type SkipRule } from './module-config.ts';

/**
 * The manifests of a packaged module, one per standard, built with xmlbuilder2 (which escapes every
 * value and, with `wellFormed`, refuses anything XML 1.0 cannot carry).
 */

/** cmi5's moveOn vocabulary (cmi5 §13.1.4): what the LMS needs to hear before the AU counts as done. */
export type Cmi5MoveOn = 'Completed' | 'Passed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

/**
 * The AU's moveOn for what a skip counts as (the export's skip rule), so that the course structure
 * promises only what the AU can send: with `completion` (the default) a learner who skips everything
 * is completed with no score, so no passed can ever come and moveOn is `Completed`; with `incomplete`
 * or `failed`, a completed module always has a score, so passed or failed is always sent with it and
 * moveOn is `CompletedAndPassed`.
 */
export function cmi5MoveOn(skip: SkipRule = DEFAULT_SKIP_RULE): Cmi5MoveOn {
  return skip === 'completion' ? 'Completed' : 'CompletedAndPassed';
}

export interface ManifestInput {
  /** The module's identifier: an XML NCName (letters, digits, `_`, `-`, `.`, not starting with a digit). */
  readonly identifier: string;
  /** The catalogue title; clipped here to the standard's limit. */
  readonly title: string;
  /** The catalogue description (cmi5 only: the SCORM manifests have no description outside LOM metadata). */
  readonly description: string;
  /** Pass mark, 0–100. */
  readonly pass: number;
  /** cmi5 only: when the LMS counts the AU done; must agree with what the AU sends. */
  readonly moveOn: Cmi5MoveOn;
  /** Every file of the player, relative, forward slashes; index.html launches it. */
  readonly files: readonly string[];
  /** The schema files shipped beside the manifest. */
  readonly schemas: readonly string[];
}

/**
 * The longest title each standard lets a manifest carry, in characters: SCORM 1.2's schema
 * (imscp_rootv1p1p2.xsd, `titleType` maxLength 200); SCORM 2004's Content Aggregation Model (title's
 * smallest permitted maximum, 200: its schema dropped the facet, LMSs did not); cmi5's course
 * structure schema sets none (`xs:string`).
 */
export const TITLE_LIMITS: Readonly<Record<LmsStandard, number | undefined>> = {
  scorm12: 200,
  scorm2004: 200,
  cmi5: undefined,
};

// Characters XML 1.0 allows (§2.2 Char): tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const NOT_XML_RUN = new RegExp(`\\s*(?:${NOT_XML_CHAR.source}\\s*)+`, 'gu');

/**
 * The text with every run of characters XML 1.0 forbids (controls such as a vertical tab, lone
 * surrogates, U+FFFE/U+FFFF), and the white space around it, replaced by one space, so the words on
 * either side stay apart ("Acme\vtraining" → "Acme training"); then trimmed.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_RUN, ' ').trim();
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The text clipped to at most `limit` characters (code points, as XML Schema counts them), ending with
 * "…" when clipped. It is cut between graphemes (what a reader sees as one character, Unicode UAX #29),
 * never inside one: an emoji with modifiers or joiners ("🙅‍♀️") or a letter with combining marks is
 * kept whole or dropped whole.
 */
export function clipText(text: string, limit: number | undefined): string {
  if (limit === undefined || Array.from(text).length <= limit) return text;
  let kept = '';
  let length = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    const size = Array.from(segment).length;
    if (length + size > limit - 1) break;
    kept += segment;
    length += size;
  }
  return `${kept.trimEnd()}…`;
}

/** The title as the standard's manifest carries it: XML-safe, then clipped to its limit. */
export function manifestTitle(title: string, standard: LmsStandard): string {
  return clipText(xmlText(title), TITLE_LIMITS[standard]);
}

const NS = {
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  cp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  cmi5: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
} as const;

/** The namespaces of each manifest with the schema file that defines each, as `xsi:schemaLocation` pairs them. */
export const SCHEMA_LOCATIONS: Readonly<Record<LmsStandard, readonly (readonly [string, string])[]>> = {
  scorm12: [
    [NS.cp12, 'imscp_rootv1p1p2.xsd'],
    [NS.adlcp12, 'adlcp_rootv1p2.xsd'],
  ],
  scorm2004: [
    [NS.cp, 'imscp_v1p1.xsd'],
    [NS.adlcp, 'adlcp_v1p3.xsd'],
    [NS.adlseq, 'adlseq_v1p3.xsd'],
    [NS.adlnav, 'adlnav_v1p3.xsd'],
    [NS.imsss, 'imsss_v1p0.xsd'],
  ],
  cmi5: [[NS.cmi5, 'CourseStructure.xsd']],
};

const schemaLocation = (standard: LmsStandard) => SCHEMA_LOCATIONS[standard].flat().join(' ');

type XMLBuilder = ReturnType<typeof create>;

function serialise(root: XMLBuilder): string {
  // wellFormed: the serialiser throws rather than write a name or character XML forbids.
  return `${root.end({ prettyPrint: true, wellFormed: true })}\n`;
}

/**
 * What tells the two SCORM editions' manifests apart: the namespaces, the version strings, how the
 * `scormType` attribute is spelt, and how the item carries the pass mark.
 */
interface ScormEdition {
  readonly standard: 'scorm12' | 'scorm2004';
  /** The content packaging namespace and the ADL extensions' namespace. */
  readonly cp: string;
  readonly adlcp: string;
  /** Other namespaces declared on the manifest, by prefix. */
  readonly prefixes: readonly (keyof typeof NS)[];
  readonly manifestVersion: string;
  readonly schemaversion: string;
  readonly scormType: 'adlcp:scormtype' | 'adlcp:scormType';
  /** Attributes of the item beyond its identifier and the resource it launches. */
  readonly itemAttributes: Readonly<Record<string, string>>;
  /** Adds to the item what makes the pass mark count. */
  passMark(item: XMLBuilder, pass: number): void;
}

const SCORM12: ScormEdition = {
  standard: 'scorm12',
  cp: NS.cp12,
  adlcp: NS.adlcp12,
  prefixes: ['xsi'],
  manifestVersion: '1.0',
  schemaversion: '1.2',
  scormType: 'adlcp:scormtype',
  itemAttributes: { isvisible: 'true' },
  passMark: (item, pass) => {
    item.ele(NS.adlcp12, 'adlcp:masteryscore').txt(String(pass));
  },
};

const SCORM2004: ScormEdition = {
  standard: 'scorm2004',
  cp: NS.cp,
  adlcp: NS.adlcp,
  prefixes: ['adlseq', 'adlnav', 'imsss', 'xsi'],
  manifestVersion: '1',
  schemaversion: '2004 4th Edition',
  scormType: 'adlcp:scormType',
  itemAttributes: {},
  passMark: (item, pass) => {
    const sequencing = item.ele(NS.imsss, 'imsss:sequencing');
    sequencing
      .ele(NS.imsss, 'imsss:objectives')
      .ele(NS.imsss, 'imsss:primaryObjective', { objectiveID: 'pass-mark', satisfiedByMeasure: 'true' })
      .ele(NS.imsss, 'imsss:minNormalizedMeasure')
      .txt(String(pass / 100));
    sequencing.ele(NS.imsss, 'imsss:deliveryControls', {
      completionSetByContent: 'true',
      objectiveSetByContent: 'true',
    });
  },
};

/** One organisation with one item launching the player (the SCO), and the schema files as an asset. */
function scormManifest(m: ManifestInput, edition: ScormEdition): string {
  const { cp, adlcp } = edition;
  const title = manifestTitle(m.title, edition.standard);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const manifest = doc.ele(cp, 'manifest', { identifier: m.identifier, version: edition.manifestVersion });
  manifest.att('xmlns:adlcp', adlcp);
  for (const p of edition.prefixes) manifest.att(`xmlns:${p}`, NS[p]);
  manifest.att(NS.xsi, 'xsi:schemaLocation', schemaLocation(edition.standard));
  const metadata = manifest.ele(cp, 'metadata');
  metadata.ele(cp, 'schema').txt('ADL SCORM');
  metadata.ele(cp, 'schemaversion').txt(edition.schemaversion);
  const organization = manifest
    .ele(cp, 'organizations', { default: 'organization' })
    .ele(cp, 'organization', { identifier: 'organization' });
  organization.ele(cp, 'title').txt(title);
  const item = organization.ele(cp, 'item', {
    identifier: 'module',
    identifierref: 'player',
    ...edition.itemAttributes,
  });
  item.ele(cp, 'title').txt(title);
  edition.passMark(item, m.pass);
  const resources = manifest.ele(cp, 'resources');
  const player = resources.ele(cp, 'resource', { identifier: 'player', type: 'webcontent', href: 'index.html' });
  player.att(adlcp, edition.scormType, 'sco');
  for (const f of m.files) player.ele(cp, 'file', { href: f });
  const schemas = resources.ele(cp, 'resource', { identifier: 'schemas', type: 'webcontent' });
  schemas.att(adlcp, edition.scormType, 'asset');
  for (const f of m.schemas) schemas.ele(cp, 'file', { href: f });
  return serialise(doc);
}

/** SCORM 1.2: IMS Content Packaging 1.1.2 with the ADL 1.2 extensions; one SCO with its mastery score. */
export function scorm12Manifest(m: ManifestInput): string {
  return scormManifest(m, SCORM12);
}

/**
 * SCORM 2004 4th edition: one SCO whose primary objective is satisfied by the pass mark, and delivery
 * controls saying the content sets completion and success (without them some LMSs, SuccessFactors
 * among them, mark the module complete when the learner quits).
 */
export function scorm2004Manifest(m: ManifestInput): string {
  return scormManifest(m, SCORM2004);
}

/** The module's course id in cmi5 (an IRI) and its AU's, from the module identifier. */
export function cmi5Ids(identifier: string) {
  const course = `urn:upstander:module:${identifier}`;
  return { course, au: `${course}/au` };
}

/** cmi5 (Quartz): a course of one assignable unit with the mastery score (0–1) and the moveOn the AU agrees with. */
export function cmi5Manifest(m: ManifestInput): string {
  const title = manifestTitle(m.title, 'cmi5');
  const description = manifestTitle(m.description || m.title, 'cmi5');
  const ids = cmi5Ids(m.identifier);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const structure = doc.ele(NS.cmi5, 'courseStructure');
  const text = (parent: XMLBuilder, name: string, value: string) =>
    parent.ele(NS.cmi5, name).ele(NS.cmi5, 'langstring', { lang: 'en' }).txt(value);
  const course = structure.ele(NS.cmi5, 'course', { id: ids.course });
  text(course, 'title', title);
  text(course, 'description', description);
  const au = structure.ele(NS.cmi5, 'au', {
    id: ids.au,
    moveOn: m.moveOn,
    masteryScore: String(m.pass / 100),
    launchMethod: 'AnyWindow',
  });
  text(au, 'title', title);
  text(au, 'description', description);
  au.ele(NS.cmi5, 'url').txt('index.html');
  return serialise(doc);
}

/** The manifest of a package for one standard: its file name at the zip's root, and its text. */
export function manifestFor(standard: LmsStandard, m: ManifestInput): { name: string; text: string } {
  if (standard === 'scorm12') return { name: 'imsmanifest.xml', text: scorm12Manifest(m) };
  if (standard === 'scorm2004') return { name: 'imsmanifest.xml', text: scorm2004Manifest(m) };
  return { name: 'cmi5.xml', text: cmi5Manifest(m) };
}
