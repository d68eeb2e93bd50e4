import { defineConfig } from 'vitest/config';
import { appConfig } from './src/build/app-config.ts';

export default defineConfig({
  ...appConfig(),
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['test/support/serve-build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
