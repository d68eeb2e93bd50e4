import { networkInterfaces } from 'node:os';
import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from './config.ts';
import { fromTrustedProxy, type TrustFunction } from './trust-proxy.ts';

/**
 * Where phones should go to join: `PUBLIC_URL` if set; behind a trusted proxy, the address the proxy
 * says it serves (X-Forwarded-Proto, -Host and -Prefix); reached directly, the address the request
 * came to (this machine's address on the network instead of localhost). Behind a proxy it does not
 * trust the server cannot know, and says so with `null`: the console keeps the address it was opened at.
 */
export function joinBaseFor(
  request: FastifyRequest,
  config: ServerConfig,
  trust: TrustFunction | false,
): string | null {
  if (config.publicUrl) return config.publicUrl;
  const headers = request.headers;
  if (fromTrustedProxy(trust, request.socket.remoteAddress)) {
    // Fastify reads X-Forwarded-Host and -Proto from a trusted proxy; the prefix is ours to read.
    const prefix = lastEntry(headers['x-forwarded-prefix']).replace(/\/+$/, '');
    if (prefix && !/^(\/[A-Za-z0-9._~%!$&'()*+,;=:@-]+)+$/.test(prefix)) return null;
    if (request.protocol !== 'http' && request.protocol !== 'https') return null;
    const base = `${request.protocol}://${request.host}${prefix}/`;
    return URL.canParse(base) ? new URL(base).href : null;
  }
  if (
    ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-prefix', 'forwarded'].some(
      (h) => h in headers,
    )
  )
    return null;
  return joinBase(headers.host, config);
}

const lastEntry = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? (value.at(-1) ?? '') : (value ?? '')).split(',').at(-1)?.trim() ?? '';

function joinBase(hostHeader: string | undefined, config: ServerConfig): string {
  // URL parses host and port, IPv6 addresses in brackets included; a Host header that is not one is ignored.
  const fallback = `http://${config.host}:${config.port}/`;
  const opened = URL.canParse(`http://${hostHeader}/`) ? new URL(`http://${hostHeader}/`) : new URL(fallback);
  const port = opened.port || String(config.port);
  // Opened on this machine as localhost: phones need the machine's address on the network instead.
  if (['localhost', '127.0.0.1', '[::1]'].includes(opened.hostname)) {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (lan && config.host !== '127.0.0.1') return `http://${lan.address}:${port}/`;
  }
  return opened.href;
}
