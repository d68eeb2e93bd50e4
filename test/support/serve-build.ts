import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production build is served for browser tests. */
    baseUrl: string;
  }
}

let close: (() => Promise<void>) | undefined;

/** Builds the app as `npm start` does and serves it on a free loopback port for the browser tests. */
export async function setup(project: TestProject) {
  await build({ logLevel: 'warn' });
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port.');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  close = () => new Promise((resolve) => server.httpServer.close(() => resolve()));
}

export async function teardown() {
  await close?.();
}
