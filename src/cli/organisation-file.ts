import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJson } from '../engine/parse-json.ts';
import { checkOrganisation, LOGO_TYPES, type Organisation } from '../protocol/organisation.ts';

/** The shipped example at the repository's root: what the server and exports read unless told otherwise. */
export const DEFAULT_ORGANISATION_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../organisation.json');

/** A logo larger than this is refused: a header logo needs a few kilobytes. */
export const MAX_LOGO_BYTES = 512 * 1024;

/** An organisation file that cannot be used, with every problem, its place and its fix in words. */
export class OrganisationFileError extends Error {
  override name = 'OrganisationFileError';
}

/** A checked organisation file, and its logo file when the logo is a file (not an https:// address). */
export interface LoadedOrganisation {
  readonly file: string;
  readonly organisation: Organisation;
  readonly logo?: { readonly path: string; readonly type: string; readonly bytes: Buffer };
}

/**
 * Reads and checks an organisation file (see `Organisation`): JSON syntax (line and column), every
 * setting (`checkOrganisation`), and a logo file beside it (exists, an image type, at most
 * MAX_LOGO_BYTES). Throws OrganisationFileError listing every problem; reading changes nothing.
 */
export function readOrganisationFile(file: string): LoadedOrganisation {
  const path = resolve(file);
  const fail = (problems: readonly { path: string; message: string }[]): never => {
    const lines = problems.map((p) => `  ${p.path ? `at ${p.path}: ` : ''}${p.message}`);
    throw new OrganisationFileError(
      `The organisation file ${path} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${lines.join('\n')}`,
    );
  };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail([
      {
        path: '',
        message:
          code === 'ENOENT'
            ? 'There is no such file. Check ORGANISATION_FILE (or --org), or copy the example organisation.json and make it your own.'
            : `It cannot be read (${code ?? (error as Error).message}).`,
      },
    ]);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return fail(parsed.issues.map((i) => ({ path: '', message: i.message })));
  const checked = checkOrganisation(parsed.value);
  if (!checked.ok) return fail(checked.problems);
  const { organisation } = checked;
  if (!organisation.logo || /^https:/i.test(organisation.logo)) return { file: path, organisation };
  const logoPath = isAbsolute(organisation.logo) ? organisation.logo : join(dirname(path), organisation.logo);
  const type = LOGO_TYPES[extname(logoPath).slice(1).toLowerCase()];
  let bytes: Buffer | undefined;
  try {
    if (statSync(logoPath).size <= MAX_LOGO_BYTES) bytes = readFileSync(logoPath);
  } catch {
    return fail([
      {
        path: 'logo',
        message: `There is no image file ${logoPath}. Put the logo beside the organisation file, or give an https:// address.`,
      },
    ]);
  }
  if (!bytes)
    return fail([
      { path: 'logo', message: `${logoPath} is larger than ${MAX_LOGO_BYTES / 1024} KB: save a smaller image.` },
    ]);
  return { file: path, organisation, logo: { path: logoPath, type, bytes } };
}
