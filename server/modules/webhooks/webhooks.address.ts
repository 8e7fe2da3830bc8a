// Where a webhook may be sent (spec §12): http(s) URLs of public hosts only. A host that is, or resolves to, a
// loopback, private, link-local, unique-local, shared (CGNAT), documentation, multicast or otherwise reserved
// address, IPv4 or IPv6 (IPv4 inside IPv6 too), or an address of this server itself, is refused unless
// WEBHOOK_ALLOW_PRIVATE=true. The same check runs when an endpoint is saved and again before every delivery, since
// DNS may change; every address a name resolves to must pass, as the HTTP client may connect to any of them.
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import os from 'node:os';

/** Non-public IPv4 ranges (IANA special-purpose registry, and what is not routable on the internet). */
const V4_RANGES: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services live here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];
/** Non-public IPv6 ranges. The IPv4-carrying ones (::ffff:0:0/96, 64:ff9b::/96, 2002::/16) are judged by their IPv4. */
const V6_RANGES: Array<[string, number]> = [
  ['::', 96], // unspecified, loopback (::1) and the deprecated IPv4-compatible addresses
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID…)
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['5f00::', 16], // segment routing SIDs
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const v4Blocked = new BlockList();
for (const [net, prefix] of V4_RANGES) v4Blocked.addSubnet(net, prefix, 'ipv4');
const v6Blocked = new BlockList();
for (const [net, prefix] of V6_RANGES) v6Blocked.addSubnet(net, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address (a zone id such as `%eth0` is dropped; a trailing dotted IPv4 is read too). */
function ipv6Bytes(address: string): number[] {
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/** The IPv4 address an IPv6 one carries (IPv4-mapped, NAT64 well-known prefix, 6to4), if any. */
function embeddedIpv4(bytes: number[]): string | undefined {
  const v4 = (at: number) => bytes.slice(at, at + 4).join('.');
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4(12); // ::ffff:a.b.c.d
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return v4(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4(2); // 2002:aabb:ccdd::/48
  return undefined;
}

/** True when `address` (an IP literal) is not a public unicast address. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address.replace(/%.*$/, ''));
  if (family === 4) return v4Blocked.check(address, 'ipv4');
  if (family !== 6) return true; // not an address at all: never public
  const bytes = ipv6Bytes(address);
  const v4 = embeddedIpv4(bytes);
  if (v4 !== undefined) return v4Blocked.check(v4, 'ipv4');
  return v6Blocked.check(address.replace(/%.*$/, ''), 'ipv6');
}

/** Canonical text of an IP literal, so that `::FFFF:7f00:1` and `::ffff:127.0.0.1` compare equal. */
function canonical(address: string): string {
  const family = isIP(address.replace(/%.*$/, ''));
  if (family === 4) return address;
  if (family !== 6) return address.toLowerCase();
  const bytes = ipv6Bytes(address);
  return embeddedIpv4(bytes) ?? bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Every address of this machine's network interfaces (public ones included: the server must not call itself). */
function ownAddresses(): Set<string> {
  const own = new Set<string>();
  for (const list of Object.values(os.networkInterfaces())) for (const i of list ?? []) own.add(canonical(i.address));
  return own;
}

export type Lookup = (host: string) => Promise<string[]>;

const LOOKUP_TIMEOUT_MS = 5000;

/** The system resolver (as the HTTP client will use it), every address, within five seconds. */
export const systemLookup: Lookup = async (host) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`DNS lookup took longer than ${LOOKUP_TIMEOUT_MS} ms`)),
      LOOKUP_TIMEOUT_MS,
    );
  });
  try {
    const found = await Promise.race([dnsLookup(host, { all: true, verbatim: true }), timeout]);
    return found.map((a) => a.address);
  } finally {
    clearTimeout(timer);
  }
};

export interface TargetPolicy {
  /** WEBHOOK_ALLOW_PRIVATE: any http(s) host is accepted. */
  allowPrivate: boolean;
  /** PUBLIC_URL: its host is this server, whatever it resolves to. */
  publicUrl?: string;
  /** How names are resolved (the system resolver unless a caller passes another). */
  lookup?: Lookup;
}

export type TargetCheck = { ok: true; url: URL } | { ok: false; reason: string; type: string };

const refuse = (type: string, reason: string): TargetCheck => ({ ok: false, type, reason });

/**
 * Whether a webhook may be sent to `raw`: `{ ok: true, url }`, or why not. `type` is the machine-readable kind of
 * the refusal (`url.scheme`, `url.credentials`, `url.notPublic`, `url.unresolved`, `url.malformed`).
 */
export async function checkTarget(raw: string, policy: TargetPolicy): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('url.malformed', 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('url.scheme', 'must use http or https');
  if (url.username || url.password) return refuse('url.credentials', 'must not contain a user name or password');
  if (policy.allowPrivate) return { ok: true, url };

  // The WHATWG parser has already turned 0x7f.1, 2130706433 and the like into dotted IPv4, and lowercased names.
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  const notPublic = refuse(
    'url.notPublic',
    'must be on a public address: loopback, private, link-local and this server are refused',
  );
  if (host === 'localhost' || host.endsWith('.localhost')) return notPublic;
  if (policy.publicUrl) {
    try {
      if (new URL(policy.publicUrl).hostname.replace(/\.$/, '') === host) return notPublic;
    } catch {
      // PUBLIC_URL is validated at start; nothing to compare otherwise
    }
  }
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (policy.lookup ?? systemLookup)(host);
    } catch {
      return refuse('url.unresolved', `its host ${host.slice(0, 100)} could not be resolved`);
    }
    if (addresses.length === 0) return refuse('url.unresolved', `its host ${host.slice(0, 100)} could not be resolved`);
  }
  const own = ownAddresses();
  if (addresses.some((a) => isNonPublicAddress(a) || own.has(canonical(a)))) return notPublic;
  return { ok: true, url };
}
