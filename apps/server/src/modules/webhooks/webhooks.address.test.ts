import { describe, expect, it } from 'vitest';
import { DomainError } from '../../infra/errors';
import { checkWebhookTarget, isAllowedAddress, type LookupAll } from './webhooks.address';

/** A resolver that answers from a table, so no test touches real DNS. */
function fakeDns(table: Record<string, string[]>): LookupAll {
  return async (hostname) =>
    (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
}

const dns = fakeDns({
  'hooks.example.com': ['93.184.215.14'],
  'intranet.example.com': ['10.1.2.3'],
  'localhost.example.com': ['127.0.0.1'],
  'metadata.example.com': ['169.254.169.254'],
  'cgnat.example.com': ['100.64.0.7'],
  'v6-local.example.com': ['fd00::1'],
  'v6-mapped.example.com': ['::ffff:192.168.1.1'],
  'mixed.example.com': ['93.184.215.14', '192.168.0.10'],
});

async function codeOf(url: string, allowPrivateTargets = false) {
  try {
    await checkWebhookTarget(url, { allowPrivateTargets, lookup: dns });
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
}

describe('webhook target check (SSRF)', () => {
  it('classifies addresses with ipaddr.js: only globally routed unicast passes', () => {
    for (const address of ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'])
      expect(isAllowedAddress(address, false), address).toBe(true);
    for (const address of [
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      'not-an-address',
    ])
      expect(isAllowedAddress(address, false), address).toBe(false);
    // the development flag opens loopback only
    expect(isAllowedAddress('127.0.0.1', true)).toBe(true);
    expect(isAllowedAddress('::1', true)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', true)).toBe(false);
  });

  it('refuses private, loopback, link-local, CGNAT and IPv6 local targets when the flag is off', async () => {
    expect(await codeOf('https://hooks.example.com/zhuhe')).toBe('ok');
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost.example.com/hook',
      'https://intranet.example.com/hook',
      'http://metadata.example.com/latest/meta-data',
      'http://cgnat.example.com/',
      'http://[::1]/hook',
      'http://[fe80::1]/hook',
      'http://v6-local.example.com/',
      'http://v6-mapped.example.com/',
      // one private record among public ones is enough to refuse
      'http://mixed.example.com/',
      // numeric host forms are normalised by the URL parser before the check
      'http://2130706433/',
      'http://0x7f.1/',
    ])
      expect(await codeOf(url), url).toBe('WEBHOOK_URL_FORBIDDEN');
  });

  it('refuses other schemes, credentials and unresolvable hosts', async () => {
    for (const url of ['ftp://hooks.example.com/', 'file:///etc/passwd', 'https://user:pw@hooks.example.com/', 'nope'])
      expect(await codeOf(url), url).toBe('WEBHOOK_URL_INVALID');
    expect(await codeOf('https://nowhere.example.com/')).toBe('WEBHOOK_URL_UNRESOLVED');
  });

  it('lets loopback receivers through with the flag on, and still refuses private networks', async () => {
    expect(await codeOf('http://127.0.0.1:8080/hook', true)).toBe('ok');
    expect(await codeOf('http://localhost.example.com/hook', true)).toBe('ok');
    expect(await codeOf('https://intranet.example.com/hook', true)).toBe('WEBHOOK_URL_FORBIDDEN');
  });

  it('returns the checked address to pin the connection to', async () => {
    const target = await checkWebhookTarget('https://hooks.example.com/zhuhe', {
      allowPrivateTargets: false,
      lookup: dns,
    });
    expect(target).toMatchObject({ hostname: 'hooks.example.com', address: '93.184.215.14', family: 4 });
  });
});
