import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { build } from 'vite';
import { MODULE_BUILD, moduleBuildConfig } from '../build/module-build.ts';
import {
  DEFAULT_ORGANISATION_FILE,
  type LoadedOrganisation,
  OrganisationFileError,
  readOrganisationFile,
} from '../cli/organisation-file.ts';
import { loadScenarioFile, SCENARIO_ID, SCENARIOS_DIR, scenarioIds } from '../cli/scenario-files.ts';
import { didYouMean } from '../engine/did-you-mean.ts';
import { localize } from '../engine/text.ts';
import { checkManifest, shippedSchemas } from './check-manifest.ts';
import { cmi5MoveOn, type ManifestInput, manifestFor, xmlText } from './manifests.ts';
import {
  DEFAULT_SKIP_RULE,
  LMS_STANDARDS,
  type LmsStandard,
  type ModuleConfig,
  SKIP_RULES,
  type SkipRule,
} from './module-config.ts';
import { type Messages, playerHtml } from './player-html.ts';

/** A request the exporter cannot carry out, said so the author can fix it. */
export class ExportError extends Error {
  override name = 'ExportError';
}

export interface ExportRequest {
  readonly format: LmsStandard;
  readonly scenarios: readonly string[];
  readonly pass: number;
  /** What skipping a scenario counts as (`--skip`). */
  readonly skip: SkipRule;
  readonly out: string;
  /** `--replace`: an existing zip at `out` may be overwritten (otherwise it is refused). */
  readonly replace?: boolean;
  /** The module's title: `--title`, or its scenarios' titles joined; XML-safe (clipped per standard in the manifest). */
  readonly title: string;
  /** True when the title is `--title`'s: the player shows it (otherwise each scenario's title, in the learner's language). */
  readonly titleGiven?: boolean;
  /** The catalogue description: `--description`, or the title. */
  readonly description: string;
  /** The manifest identifier: `--id`, or one made from the scenario ids. Keep it to update a course in place. */
  readonly id: string;
  /** The organisation file packed in: `--org`, else ORGANISATION_FILE, else the shipped `organisation.json`. */
  readonly organisation?: LoadedOrganisation;
}

/** What `--id` may be: an XML NCName (SCORM's identifier is an xs:ID) of at most 200 characters. */
const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,199}$/;

/**
 * Checks what was asked before anything is built: every problem at once (after `earlier` ones, e.g.
 * the command line's), each with what to do. Scenario ids are file names in `dir`, never paths.
 * Relative paths (`--out`, `--org`) are taken from where the user ran the command: npm's `INIT_CWD`
 * (npm runs scripts in the project folder), else the current folder. An existing zip at `--out` is
 * refused unless `replace` (`--replace`).
 */
export function checkExportRequest(
  raw: {
    format?: string;
    scenarios?: string;
    pass?: string;
    skip?: string;
    out?: string;
    title?: string;
    description?: string;
    id?: string;
    org?: string;
    replace?: boolean;
  },
  dir = SCENARIOS_DIR,
  earlier: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): ExportRequest {
  const problems: string[] = [...earlier];
  const here = env.INIT_CWD || process.cwd();
  // An option the command line already said has no value (or took as another's value) is not reported again.
  const saidEmpty = (name: string) =>
    earlier.some((p) => p.startsWith(`--${name} needs a value`) || p.endsWith(`followed by the option --${name}.`));
  /** True when a required option is absent or empty, said so (once) with what to give. */
  const absent = (name: keyof typeof raw, what: string) => {
    if (raw[name]) return false;
    if (!saidEmpty(name))
      problems.push(raw[name] === undefined ? `--${name} is missing: ${what}.` : `--${name} has no value: ${what}.`);
    return true;
  };
  const format = raw.format as LmsStandard;
  if (
    !absent('format', `give the standard your LMS asks for, one of ${LMS_STANDARDS.join(', ')}`) &&
    !LMS_STANDARDS.includes(format)
  )
    problems.push(`--format must be one of ${LMS_STANDARDS.join(', ')}; got "${raw.format}".`);
  const given = (raw.scenarios ?? '').split(',').map((s) => s.trim());
  const scenarios = given.filter(Boolean);
  if (!absent('scenarios', 'name at least one scenario, e.g. --scenarios hand-on-the-back,crowded-train')) {
    if (!scenarios.length)
      problems.push('--scenarios must name at least one scenario, e.g. --scenarios hand-on-the-back,crowded-train.');
    else if (scenarios.length !== given.length)
      problems.push(
        `--scenarios has an empty id (a comma with no id after it, before it, or doubled) in "${raw.scenarios}": separate ids with single commas, e.g. --scenarios ${scenarios.join(',')}.`,
      );
  }
  const titles: string[] = [];
  const known = scenarioIds(dir);
  let unknown = false;
  for (const id of scenarios) {
    const file = join(dir, `${id}.json`);
    if (!SCENARIO_ID.test(id) || !known.includes(id)) {
      unknown = true;
      problems.push(
        SCENARIO_ID.test(id)
          ? `There is no scenario "${id}" in ${dir}/.${didYouMean(id, known)}`
          : `"${id}" is not a scenario id: an id is a file name in ${dir}/ without .json (lower-case letters, digits and -), never a path.${didYouMean(id.split(/[/\\]/).pop() ?? id, known)}`,
      );
      continue;
    }
    const result = loadScenarioFile(file);
    if (!result.ok) problems.push(`The scenario "${id}" has problems: npm run scenarios:check -- ${file} lists them.`);
    else
      titles.push(localize(result.scenario.meta.title, result.scenario.meta.language, result.scenario.meta.language));
  }
  if (unknown) problems.push(`The scenarios in ${dir}/ are: ${known.join(', ')}.`);
  if (new Set(scenarios).size !== scenarios.length) problems.push('--scenarios names a scenario twice.');
  const pass = Number(raw.pass);
  if (
    !absent('pass', 'give the pass mark, a whole number from 0 to 100, e.g. --pass 70') &&
    (!/^\d+$/.test(raw.pass ?? '') || pass > 100)
  )
    problems.push(`--pass must be a whole number from 0 to 100; got "${raw.pass}".`);
  const skip = (raw.skip ?? DEFAULT_SKIP_RULE) as SkipRule;
  if (!SKIP_RULES.includes(skip)) problems.push(`--skip must be one of ${SKIP_RULES.join(', ')}; got "${raw.skip}".`);
  const out = raw.out ? resolve(here, raw.out) : '';
  if (absent('out', 'name the zip file to write, e.g. --out module.zip')) {
    // Said by absent.
  } else if (!out.endsWith('.zip')) problems.push(`--out must end in .zip; got "${raw.out}".`);
  else {
    const why = unwritable(out);
    if (why) problems.push(`Cannot save the module as ${out}: ${why}`);
    else if (existsSync(out) && !raw.replace)
      problems.push(
        `${out} already exists, and it is not overwritten: choose another name for --out, or add --replace to write over it.`,
      );
  }
  const title = xmlText(raw.title ?? titles.join(' · '));
  if (raw.title !== undefined && !title)
    problems.push('--title must have some text (characters XML cannot carry are removed).');
  const description = xmlText(raw.description ?? '') || title;
  const id = raw.id ?? `upstander-${scenarios.join('-')}`.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 200);
  if (!ID_PATTERN.test(id))
    problems.push(
      `--id must start with a letter or _ and hold only letters, digits, _, - and . (at most 200); got "${raw.id}".`,
    );
  let organisation: LoadedOrganisation | undefined;
  try {
    organisation = readOrganisationFile(
      raw.org ? resolve(here, raw.org) : env.ORGANISATION_FILE || DEFAULT_ORGANISATION_FILE,
    );
  } catch (error) {
    if (!(error instanceof OrganisationFileError)) throw error;
    problems.push(`--org: ${error.message}`);
  }
  if (problems.length) throw new ExportError(problems.join('\n'));
  return {
    format,
    scenarios,
    pass,
    skip,
    out,
    replace: raw.replace,
    title,
    titleGiven: raw.title !== undefined,
    description,
    id,
    organisation,
  };
}

/**
 * Why the zip could not be saved at `out`, in words for the person exporting, or undefined if it can:
 * the folder must exist, be a folder, be writable (access W_OK) and take a new file (tried with an
 * empty file, removed at once: some folders, such as /proc, refuse files even to an administrator).
 */
function unwritable(out: string): string | undefined {
  const folder = dirname(out);
  if (!existsSync(folder)) return `the folder ${folder} does not exist. Create it first, or choose another folder.`;
  if (!statSync(folder).isDirectory()) return `${folder} is a file, not a folder. Choose a folder to save in.`;
  if (existsSync(out) && statSync(out).isDirectory()) return 'that is a folder. Add a file name ending in .zip.';
  const probe = join(folder, `.upstander-export-${process.pid}.tmp`);
  try {
    accessSync(folder, constants.W_OK);
    writeFileSync(probe, '', { flag: 'wx' });
    unlinkSync(probe);
    if (existsSync(out)) accessSync(out, constants.W_OK);
  } catch (error) {
    return `${whyNotWritten(error)} Choose another folder (your Documents folder, for example).`;
  }
  return undefined;
}

/** A file system error said for someone who is not a developer. */
function whyNotWritten(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'you do not have permission to save files there.';
    case 'EROFS':
      return 'that disk is read-only.';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full.';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'that folder does not take new files.';
    default:
      return `the system refused (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`;
  }
}

const LOCALES = join(dirname(fileURLToPath(import.meta.url)), '../ui/locales');

/** A `package.*` interface string in every language, read from the locale files at build time (the page shows it without scripts). */
function messages(key: string): Messages {
  return Object.fromEntries(
    ['en', 'es'].map((lang) => [lang, JSON.parse(readFileSync(join(LOCALES, `${lang}.json`), 'utf8')).package[key]]),
  );
}

/**
 * Builds the module's player (module entry, just its scenarios, one classic script) into a temporary
 * folder, reading the scenario files from `scenariosDir` (default: `scenarios/`).
 */
export async function buildModulePlayer(scenarios: readonly string[], scenariosDir = SCENARIOS_DIR): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'upstander-module-'));
  // A production build whatever the shell's NODE_ENV (Vite and the React plugin read it, not the mode):
  // under NODE_ENV=test or development the JSX transform and React's build would not match.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build(moduleBuildConfig({ scenarios, outDir, scenariosDir }));
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/**
 * Packages a built player as a zip for one standard: index.html with everything inlined (the
 * organisation file too), the neutral page quick exit goes to, the icon, the organisation's logo file, the official schemas (SCORM) and the manifest at the root, which
 * is validated before anything is written. Throws ExportError naming every problem.
 */
export function packageModule(playerDir: string, request: ExportRequest): { files: number; bytes: number } {
  const config: ModuleConfig = {
    standard: request.format,
    pass: request.pass,
    scenarios: request.scenarios,
    title: request.title,
    ...(request.titleGiven ? { titleGiven: true } : {}),
    skip: request.skip,
  };
  const read = (name: string) => readFileSync(join(playerDir, name), 'utf8');
  const loaded = request.organisation ?? readOrganisationFile(DEFAULT_ORGANISATION_FILE);
  // A logo file goes into the package beside index.html; an https:// logo stays an address.
  const logoName = loaded.logo && `organisation-logo${extname(loaded.logo.path).toLowerCase()}`;
  const organisation = logoName ? { ...loaded.organisation, logo: logoName } : loaded.organisation;
  const entries: Record<string, Uint8Array> = {
    'index.html': Buffer.from(
      playerHtml({
        config,
        organisation,
        script: read(MODULE_BUILD.script),
        style: read(MODULE_BUILD.style),
        noScript: messages('noScript'),
        startFailed: messages('startFailed'),
      }),
    ),
  };
  for (const name of ['neutral.html', 'favicon.svg']) entries[name] = readFileSync(join(playerDir, name));
  if (loaded.logo && logoName) entries[logoName] = loaded.logo.bytes;
  const schemas = shippedSchemas(request.format);
  for (const schema of schemas) entries[schema.name] = readFileSync(schema.path);
  const input: ManifestInput = {
    identifier: request.id,
    title: request.title,
    description: request.description,
    pass: request.pass,
    // What the AU sends under the skip rule: see cmi5MoveOn.
    moveOn: cmi5MoveOn(request.skip),
    files: Object.keys(entries)
      .filter((name) => !name.endsWith('.xsd'))
      .sort(),
    schemas: schemas.map((s) => s.name),
  };
  let manifest: { name: string; text: string };
  try {
    manifest = manifestFor(request.format, input);
  } catch (error) {
    throw new ExportError(`The manifest could not be written: ${(error as Error).message}`);
  }
  const check = checkManifest(request.format, manifest.name, manifest.text);
  if (!check.ok)
    throw new ExportError(
      `The ${manifest.name} written for ${request.format} does not validate against the official schemas, so nothing was written:\n${check.problems.join('\n')}`,
    );
  const zip = zipSync({ [manifest.name]: Buffer.from(manifest.text), ...entries }, { level: 9 });
  try {
    writeFileSync(request.out, zip);
  } catch (error) {
    throw new ExportError(`Cannot save the module as ${request.out}: ${whyNotWritten(error)}`);
  }
  return { files: Object.keys(entries).length + 1, bytes: zip.length };
}

/** Build and package in one go, as `npm run export` does. */
export async function exportModule(request: ExportRequest) {
  const playerDir = await buildModulePlayer(request.scenarios);
  try {
    return packageModule(playerDir, request);
  } finally {
    rmSync(playerDir, { recursive: true, force: true });
  }
}
