import proxyAddr from '@fastify/proxy-addr';

/**
 * Which reverse proxies the server believes about the client's address (X-Forwarded-For), the public
 * host and scheme (X-Forwarded-Host, -Proto) and the path prefix (X-Forwarded-Prefix). Parsed from
 * `TRUST_PROXY` in the forms Fastify's `trustProxy` takes: addresses and CIDR ranges (and the names
 * `loopback`, `linklocal`, `uniquelocal`), or a hop count. Never "everyone".
 */
export type TrustProxy =
  | { readonly kind: 'none' }
  /** The nearest `hops` proxies, whoever they are: only allowed when the server listens on loopback. */
  | { readonly kind: 'hops'; readonly hops: number }
  | { readonly kind: 'addresses'; readonly addresses: readonly string[] };

/** Whether the peer at `address`, `hop` steps from the server (0: the socket's peer), is a trusted proxy. */
export type TrustFunction = (address: string, hop: number) => boolean;

const LOOPBACK_HOSTS = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** The setting, or the message saying why it cannot be used (every form of "trust everyone" included). */
export function parseTrustProxy(raw: string | undefined, host: string): TrustProxy | string {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) return `TRUST_PROXY=${value} is not a believable number of proxies (at most 10).`;
    if (!LOOPBACK_HOSTS.test(host))
      return (
        `TRUST_PROXY=${value} is a hop count: it believes whoever connects, and with HOST=${host} anyone ` +
        'can connect directly and claim any address. Name the proxy instead (TRUST_PROXY=10.0.0.5, or a range ' +
        'such as 10.0.0.0/8), or listen only on HOST=127.0.0.1 behind a proxy on this machine.'
      );
    return { kind: 'hops', hops };
  }
  const addresses = value
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const address of addresses) {
    if (/^(true|yes|on|\*|all)$/i.test(address) || /\/(0|0\.0\.0\.0)$/.test(address))
      return `TRUST_PROXY must name the proxies to believe; "${address}" would believe everyone, so anyone could claim any address and escape the limits.`;
    try {
      proxyAddr.compile(address);
    } catch {
      return `TRUST_PROXY: "${address}" is not an address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal.`;
    }
  }
  return { kind: 'addresses', addresses };
}

/** The check Fastify applies to each hop, or false to believe no forwarded header at all. */
export function trustFunction(trust: TrustProxy): TrustFunction | false {
  if (trust.kind === 'none') return false;
  if (trust.kind === 'hops') return (_address, hop) => hop < trust.hops;
  return proxyAddr.compile([...trust.addresses]);
}

/** Whether the connection's own peer (hop 0) is a trusted proxy, whose forwarded headers are believed. */
export function fromTrustedProxy(trust: TrustFunction | false, peerAddress: string | undefined): boolean {
  return trust !== false && trust(peerAddress ?? '', 0);
}
