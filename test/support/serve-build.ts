import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production build is served for browser tests. */
    baseUrl: string;
  }
}

/** Builds the app as `npm start` does and serves it on a free loopback port. */
export async function serveBuild(): Promise<{ url: string; close: () => Promise<void> }> {
  await build({ logLevel: 'warn' });
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.httpServer.close(() => resolve())),
  };
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
