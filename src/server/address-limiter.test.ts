import { describe, expect, it } from 'vitest';
import { AddressLimiter, addressKey } from './address-limiter.ts';

describe('AddressLimiter', () => {
  it('allows a burst of `limit`, then one more per windowMs / limit, and says how long to wait', () => {
    let now = 0;
    const limiter = new AddressLimiter(30, 60_000, () => now);
    for (let i = 0; i < 30; i++) {
      expect(limiter.allowed('a')).toBe(true);
      limiter.count('a');
    }
    expect(limiter.allowed('a')).toBe(false);
    expect(limiter.retryAfterMs('a')).toBe(2000);
    expect(limiter.allowed('b')).toBe(true);
    now += 2000;
    expect(limiter.allowed('a')).toBe(true);
  });

  it('makes attempts counted at once (an overdraft) wait until the debt is repaid', () => {
    let now = 0;
    const limiter = new AddressLimiter(2, 60_000, () => now);
    for (let i = 0; i < 4; i++) limiter.count('a');
    now += 60_000;
    expect(limiter.allowed('a')).toBe(false);
    now += 30_000;
    expect(limiter.allowed('a')).toBe(true);
  });
});

describe('addressKey', () => {
  it('counts IPv4 by address (mapped or not) and IPv6 by its /64, where one device takes any address', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
  });
});
