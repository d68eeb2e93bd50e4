import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { SCENARIOS_DIR } from '../cli/scenario-files.ts';
import { scenarioLibrary } from './scenario-library-plugin.ts';

/** The app's build: one definition for `npm start`, the tests and the LMS exporter. */
export function appConfig(options: { scenarios?: readonly string[]; outDir?: string } = {}): UserConfig {
  return {
    // Relative asset paths: the same build runs at a site root, under a subpath, or inside an LMS package.
    base: './',
    plugins: [react(), scenarioLibrary(SCENARIOS_DIR, options.scenarios)],
    // A module for an LMS ships without source maps: smaller, and nothing an LMS needs.
    build: { outDir: options.outDir ?? 'dist', sourcemap: !options.scenarios, emptyOutDir: true },
  };
}
