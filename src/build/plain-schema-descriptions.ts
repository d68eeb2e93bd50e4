import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const STAND_IN = fileURLToPath(new URL('../studio/schema-description.ts', import.meta.url));

/**
 * Gives `codemirror-json-schema` (the studio's source-view completion) `src/studio/schema-description.ts`
 * for its Markdown renderer: the schema's descriptions are shown as escaped text, and markdown-it and
 * shiki, with the themes and grammar they fetch on import, stay out of the build.
 */
export function plainSchemaDescriptions(): Plugin {
  return {
    name: 'upstander:plain-schema-descriptions',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.includes('/codemirror-json-schema/') && /\/utils\/markdown(\.js)?$/.test(source)) return STAND_IN;
      return null;
    },
  };
}
