/**
 * How many connections each client address holds open, with a ceiling: one address (a script, a
 * stuck proxy, a slow-loris attack) cannot take every socket the server can open and lock out the
 * phones on other networks. Addresses live only here, in memory, while their connections are open.
 */
export class ConnectionCap {
  private readonly open = new Map<string, number>();

  constructor(readonly perAddress: number) {}

  /** Counts one more connection from `key`, or returns false (counting nothing) when it holds its share. */
  admit(key: string): boolean {
    const count = this.open.get(key) ?? 0;
    if (count >= this.perAddress) return false;
    this.open.set(key, count + 1);
    return true;
  }

  /** One connection from `key` closed. */
  release(key: string) {
    const count = (this.open.get(key) ?? 0) - 1;
    if (count > 0) this.open.set(key, count);
    else this.open.delete(key);
  }
}
