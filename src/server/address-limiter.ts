import { isIPv6 } from 'node:net';

/**
 * A token bucket per key (a client address, or one key for the whole server): `limit` attempts at once,
 * refilled at `limit` per `windowMs`. A whole class may share one address (a school's network), so an
 * address that spent its burst waits only for the next token (windowMs / limit), never a whole window.
 * Addresses live only here, in memory; they are never stored.
 */
export class AddressLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private swept = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `key` has an attempt left; `count` spends one (attempts counted at once may overdraw: a debt repaid over time). */
  allowed(key: string): boolean {
    return this.level(key).tokens >= 1;
  }

  count(key: string) {
    this.level(key).tokens -= 1;
  }

  /** Milliseconds until `key` has an attempt again (0 if it has one now). */
  retryAfterMs(key: string): number {
    const missing = 1 - this.level(key).tokens;
    return missing <= 0 ? 0 : Math.ceil((missing * this.windowMs) / this.limit);
  }

  private level(key: string) {
    const now = this.now();
    if (now - this.swept >= this.windowMs) this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.limit, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.limit, bucket.tokens + ((now - bucket.at) * this.limit) / this.windowMs);
    bucket.at = now;
    return bucket;
  }

  /** Forgets the keys whose bucket has refilled: they are as good as new. */
  private sweep(now: number) {
    this.swept = now;
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + ((now - bucket.at) * this.limit) / this.windowMs >= this.limit) this.buckets.delete(key);
  }
}

/**
 * A client's address as the limits count it: IPv4 as it is (unwrapped from an IPv4-mapped IPv6
 * address), IPv6 by its /64 network, because one device may take any address in its /64 at will.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
