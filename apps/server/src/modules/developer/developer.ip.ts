import { BlockList, isIP } from 'node:net';

/** `::ffff:203.0.113.5` (an IPv4 client on a dual-stack socket) is the IPv4 address it carries. */
export function normaliseIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? (mapped[1] as string) : ip;
}

/** The canonical form of an allow-list entry (`203.0.113.0/24`, `2001:db8::1`), or null when it is not one. */
export function parseIpRange(value: string): string | null {
  const [address = '', prefix, extra] = value.trim().split('/');
  if (extra !== undefined) return null;
  const family = isIP(normaliseIp(address));
  if (family === 0) return null;
  if (prefix === undefined) return normaliseIp(address);
  if (!/^\d{1,3}$/.test(prefix)) return null;
  const bits = Number(prefix);
  if (bits > (family === 4 ? 32 : 128)) return null;
  return `${normaliseIp(address)}/${bits}`;
}

/** Whether the caller's address is inside one of the entries; an empty list allows any address. */
export function ipAllowed(allowList: readonly string[], ip: string): boolean {
  if (allowList.length === 0) return true;
  const address = normaliseIp(ip);
  const family = isIP(address);
  if (family === 0) return false;
  const list = new BlockList();
  for (const entry of allowList) {
    const [net = '', prefix] = entry.split('/');
    const type = isIP(net) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(net, type);
    else list.addSubnet(net, Number(prefix), type);
  }
  return list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
