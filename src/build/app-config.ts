import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { SCENARIOS_DIR } from '../cli/scenario-files.ts';
import { plainSchemaDescriptions } from './plain-schema-descriptions.ts';
import { precompress } from './precompress-plugin.ts';
import { scenarioLibrary } from './scenario-library-plugin.ts';

/** The app's build: one definition for `npm start`, the tests and the LMS exporter. */
export function appConfig(options: { scenarios?: readonly string[]; outDir?: string } = {}): UserConfig {
  return {
    // Relative asset paths: the same build runs at a site root, under a subpath, or inside an LMS package.
    base: './',
    // The full app is served by our server, which sends the precompressed files; a module's files go into a zip.
    plugins: [
      react(),
      plainSchemaDescriptions(),
      scenarioLibrary(SCENARIOS_DIR, options.scenarios),
      ...(options.scenarios ? [] : [precompress()]),
    ],
    // A module for an LMS ships without source maps: smaller, and nothing an LMS needs.
    build: { outDir: options.outDir ?? 'dist', sourcemap: !options.scenarios, emptyOutDir: true },
  };
}
