import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

/** What a first visit downloads: the page, then the hashed scripts and styles it names. */
async function get(url: string, encoding: string) {
  const response = await fetch(url, { headers: { 'accept-encoding': encoding } });
  await response.arrayBuffer();
  return response;
}

describe('the built app as the server sends it', () => {
  it('sends HTML compressed and revalidated, hashed scripts and styles compressed and kept a year', async () => {
    const page = await get(baseUrl, 'br, gzip');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(page.headers.get('cache-control')).toBe('no-cache');

    const html = await (await fetch(baseUrl)).text();
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const response = await get(new URL(asset, baseUrl).href, 'br, gzip');
      expect(response.headers.get('content-encoding'), asset).toBe('br');
      expect(response.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
    }
  });

  it('sends gzip to a browser without brotli, and plain files to one that accepts neither', async () => {
    expect((await get(baseUrl, 'gzip')).headers.get('content-encoding')).toBe('gzip');
    const plain = await get(baseUrl, 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
  });
});
