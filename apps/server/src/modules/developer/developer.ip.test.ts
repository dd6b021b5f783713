import { describe, expect, it } from 'vitest';
import { ipAllowed, parseIpRange } from './developer.ip';

describe('IP allow-list', () => {
  it('accepts addresses and CIDR blocks of both families and refuses anything else', () => {
    expect(parseIpRange(' 203.0.113.0/24 ')).toBe('203.0.113.0/24');
    expect(parseIpRange('2001:db8::/32')).toBe('2001:db8::/32');
    expect(parseIpRange('::ffff:10.0.0.1')).toBe('10.0.0.1');
    for (const bad of ['203.0.113.0/33', '300.1.1.1', 'example.com', '10.0.0.1/8/1', '10.0.0.1/x', ''])
      expect(parseIpRange(bad), bad).toBeNull();
  });

  it('allows any address when empty, else only addresses inside an entry', () => {
    expect(ipAllowed([], '198.51.100.7')).toBe(true);
    expect(ipAllowed(['203.0.113.0/24'], '203.0.113.77')).toBe(true);
    expect(ipAllowed(['203.0.113.0/24'], '::ffff:203.0.113.77')).toBe(true);
    expect(ipAllowed(['203.0.113.0/24'], '203.0.114.1')).toBe(false);
    expect(ipAllowed(['127.0.0.1'], '127.0.0.1')).toBe(true);
    expect(ipAllowed(['2001:db8::/32'], '2001:db8::5')).toBe(true);
    expect(ipAllowed(['2001:db8::/32'], '203.0.113.1')).toBe(false);
  });
});
