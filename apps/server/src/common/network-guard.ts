import * as dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses the server's own outbound requests (outgoing webhooks, OpenID Connect) must not reach
 * unless their host is allowed by name: loopback, private, link-local (cloud metadata lives
 * there), shared, reserved and multicast ranges. A bot owner chooses a webhook URL and reads the
 * answer, an identity provider's metadata names further URLs: without this rule either could
 * make the server read its internal services.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (an IP literal) is one an outbound request must not reach. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped (::ffff:a.b.c.d, or its hex spelling) is the IPv4 address in disguise.
  const mapped = /^::ffff:(?:0:)?(.+)$/i.exec(address)?.[1];
  if (mapped) {
    if (isIP(mapped) === 4) return PRIVATE.check(mapped, 'ipv4');
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(mapped);
    if (hex) {
      const n = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
      const v4 = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
      return PRIVATE.check(v4, 'ipv4');
    }
  }
  return PRIVATE.check(address, 'ipv6');
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} is on a private network address (${address})`);
  }
}

/**
 * The connection rules for one URL host: an allowed host connects anywhere; any other connects
 * only to public addresses. Returns the error for an IP literal at once (connections to literals
 * do no lookup), or the lookup that refuses private answers at connect time, so a name that
 * changes its answer after a check cannot slip through.
 */
export function connectionRules(
  hostname: string,
  allowedHosts: ReadonlySet<string>,
): { refused?: PrivateAddressError; lookup?: LookupFunction } {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (allowedHosts.has(host)) return {};
  if (isIP(host))
    return isPrivateAddress(host) ? { refused: new PrivateAddressError(host, host) } : {};
  const lookup: LookupFunction = (name, options, callback) => {
    dns.lookup(name, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const blocked = addresses.find((a) => isPrivateAddress(a.address));
      if (blocked) return callback(new PrivateAddressError(name, blocked.address), '', 0);
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
  return { lookup };
}
