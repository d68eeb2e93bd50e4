/**
 * Counts attempts per address in a fixed window. A whole class may share one address (a school's
 * network), so the limits are per kind of attempt: generous for joins, tight for wrong codes.
 * Addresses live only here, in memory, for one window; they are never stored.
 */
export class AddressLimiter {
  private readonly counts = new Map<string, number>();
  private windowStart = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether this address has attempts left; `count` records one more. */
  allowed(address: string): boolean {
    this.roll();
    return (this.counts.get(address) ?? 0) < this.limit;
  }

  count(address: string) {
    this.roll();
    this.counts.set(address, (this.counts.get(address) ?? 0) + 1);
  }

  private roll() {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.counts.clear();
      this.windowStart = now;
    }
  }
}
