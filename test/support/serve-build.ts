import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { ROOT } from './scenario-files.ts';
import { startServer, testDatabases } from './session-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production build is served for browser tests. */
    baseUrl: string;
  }
}

/** Builds the app and serves it with the real server, as `npm start` does, on a free loopback port. */
export async function serveBuild(): Promise<{ url: string; close: () => Promise<void> }> {
  await build({ logLevel: 'warn' });
  const server = await startServer(testDatabases()[0].target(), { appDir: join(ROOT, 'dist') });
  return { url: server.url, close: server.close };
}

let served: Awaited<ReturnType<typeof serveBuild>> | undefined;

/** Vitest global setup: the browser tests run against the production build. */
export async function setup(project: TestProject) {
  served = await serveBuild();
  project.provide('baseUrl', served.url);
}

export async function teardown() {
  await served?.close();
}
