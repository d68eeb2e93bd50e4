import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';

describe('npm run dev', () => {
  it('serves the scenario library and each scenario as modules', async () => {
    const server = await createServer({
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    await server.listen();
    try {
      const address = server.httpServer?.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      // In the browser's order: the entry first, whose imports Vite pre-transforms, then the library.
      expect((await fetch(`${base}/src/app/main.tsx`)).status).toBe(200);
      const library = await fetch(`${base}/@id/__x00__virtual:scenario-library`);
      expect(library.status).toBe(200);
      expect(await library.text()).toContain('"hand-on-the-back"');
      const scenario = await fetch(`${base}/@id/__x00__virtual:scenario/hand-on-the-back`);
      expect(scenario.status).toBe(200);
      expect(await scenario.text()).toContain('"initial":"lunch"');
    } finally {
      await server.close();
    }
  });
});
