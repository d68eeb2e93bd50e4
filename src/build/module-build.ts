import react from '@vitejs/plugin-react';
import type { InlineConfig } from 'vite';
import { SCENARIOS_DIR } from '../cli/scenario-files.ts';
import { scenarioLibrary } from './scenario-library-plugin.ts';

/** The names the module build writes into its folder; the packager inlines both into index.html. */
export const MODULE_BUILD = { script: 'player.js', style: 'player.css' } as const;

/**
 * The build of an LMS module's player: the module entry (no library, no group sessions) with just the
 * module's scenarios, as ONE classic script (IIFE, dynamic imports inlined) and one stylesheet, with
 * every asset inlined. A classic script runs from `file://` and whatever MIME type the server gives
 * `.js`, which module scripts do not; the packager puts both inside index.html. `npm start`'s build
 * (app-config.ts) is untouched.
 */
export function moduleBuildConfig(options: {
  scenarios: readonly string[];
  outDir: string;
  /** The folder the scenario files are read from (default: `scenarios/`). */
  scenariosDir?: string;
}): InlineConfig {
  return {
    configFile: false,
    // Only errors: the exporter's own lines are all its user reads (no build timings, no colour codes).
    logLevel: 'error',
    mode: 'production',
    // React's production build (the packager also runs the build with NODE_ENV=production).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    base: './',
    plugins: [react(), scenarioLibrary(options.scenariosDir ?? SCENARIOS_DIR, options.scenarios)],
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      sourcemap: false,
      cssCodeSplit: false,
      assetsInlineLimit: () => true,
      modulePreload: false,
      // One file by design: the whole player, inlined into index.html.
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: 'src/app/module-main.tsx',
        // Vite's preload helper mentions import.meta; with every import inlined it is never reached.
        onLog: (level, log, handler) => {
          if (log.code !== 'EMPTY_IMPORT_META') handler(level, log);
        },
        output: {
          format: 'iife',
          codeSplitting: false,
          entryFileNames: MODULE_BUILD.script,
          assetFileNames: (asset) =>
            asset.names.some((n) => n.endsWith('.css')) ? MODULE_BUILD.style : '[name][extname]',
        },
      },
    },
  };
}
