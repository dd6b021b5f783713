import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { webhookErrors } from './webhooks.errors';

/** Every address a host name resolves to (A and AAAA); injectable so tests need no DNS. */
export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface CheckedTarget {
  url: URL;
  /** the host name as the TLS certificate and Host header need it (IPv6 without brackets) */
  hostname: string;
  /** the address that was checked: the connection is pinned to it */
  address: string;
  family: 4 | 6;
}

/**
 * Whether an address is one a webhook may reach. Only ipaddr.js's `unicast` (globally routed) range passes: that
 * refuses private (RFC 1918, IPv6 unique-local), loopback, link-local, CGNAT (100.64/10), multicast, unspecified,
 * broadcast, documentation and reserved blocks, and the IPv6 forms that embed an IPv4 address (NAT64, 6to4,
 * Teredo) — an IPv4-mapped IPv6 address is judged as the IPv4 address it maps. `allowLoopback` (development,
 * tests, demo, e2e only) lets loopback receivers through, nothing else.
 */
export function isAllowedAddress(address: string, allowLoopback: boolean): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range === 'unicast' || (allowLoopback && range === 'loopback');
}

/**
 * SSRF check of a webhook URL: http(s) only, no credentials in it, and every address its host resolves to must be
 * allowed (one bad record is enough to refuse: a resolver could pick it). Run when the endpoint is saved and again
 * with a fresh lookup before every attempt; the sender then connects to the returned address only, so a DNS answer
 * changed between check and connection (DNS rebinding) cannot redirect it.
 */
export async function checkWebhookTarget(
  rawUrl: string,
  options: { allowPrivateTargets: boolean; lookup?: LookupAll },
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw webhookErrors.raise('WEBHOOK_URL_INVALID');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname)
    throw webhookErrors.raise('WEBHOOK_URL_INVALID');
  // WHATWG URL parsing has already normalised numeric forms (http://2130706433/ → 127.0.0.1); IPv6 keeps brackets.
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(hostname)) addresses = [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await (options.lookup ?? systemLookup)(hostname);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw webhookErrors.raise('WEBHOOK_URL_UNRESOLVED', { host: hostname });
  }
  for (const { address } of addresses)
    if (!isAllowedAddress(address, options.allowPrivateTargets))
      throw webhookErrors.raise('WEBHOOK_URL_FORBIDDEN', { host: hostname, address });
  const first = addresses[0] as { address: string; family: number };
  return { url, hostname, address: first.address, family: first.family === 6 ? 6 : 4 };
}
