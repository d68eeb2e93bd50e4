import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { scenarioLibrary } from './src/build/scenario-library-plugin.ts';

export default defineConfig({
  // Relative asset paths: the same build runs at a site root, under a subpath, or inside an LMS package.
  base: './',
  plugins: [react(), scenarioLibrary()],
  build: { outDir: 'dist', sourcemap: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['test/support/serve-build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
