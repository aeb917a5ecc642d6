import ipaddr from 'ipaddr.js';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * The address an IP literal host means, or null when `host` is a name.
 * Every notation a resolver or URL parser accepts is read as the address it
 * stands for: dotted decimal, one 32-bit number (`2130706433`), hex
 * (`0x7f000001`, `0x7f.0.0.1`), octal (`0177.0.0.1`), the short forms
 * (`127.1`, `127.0.1`), IPv6 with or without brackets and zone, and a
 * trailing dot (`127.0.0.1.`).
 */
export const parseIpLiteral = (host: string): IpAddress | null => {
  let text = host.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (text.endsWith('.') && !text.includes(':')) text = text.slice(0, -1);
  if (text === '') return null;
  // ipaddr.js reads the same IPv4 notations as inet_aton (decimal, octal, hex, 1–4 parts).
  if (!ipaddr.isValid(text)) return null;
  try {
    return ipaddr.parse(text);
  } catch {
    return null;
  }
};

export type AddressKind =
  | 'public'
  | 'loopback'
  | 'unspecified'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'carrier-grade-nat'
  | 'unique-local'
  | 'multicast'
  | 'broadcast'
  | 'reserved';

export interface AddressClass {
  /** The address as written in messages (IPv6 compacted, IPv4 dotted). */
  address: string;
  kind: AddressKind;
  /** `a private address`, `the cloud metadata address`, … */
  description: string;
  /** The IPv4 address an IPv4-mapped, NAT64 or 6to4 form embeds, when it was unwrapped. */
  embedded?: string;
}

const DESCRIPTIONS: Record<AddressKind, string> = {
  public: 'a public address',
  loopback: 'a loopback address',
  unspecified: 'an unspecified address',
  private: 'a private address',
  'link-local': 'a link-local address',
  metadata: 'the cloud metadata address',
  'carrier-grade-nat': 'a carrier-grade NAT address',
  'unique-local': 'a private address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  reserved: 'a reserved address',
};

const IPV4_KINDS: Record<string, AddressKind> = {
  unicast: 'public',
  loopback: 'loopback',
  unspecified: 'unspecified',
  private: 'private',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade-nat',
  multicast: 'multicast',
  broadcast: 'broadcast',
};

const IPV6_KINDS: Record<string, AddressKind> = {
  loopback: 'loopback',
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  multicast: 'multicast',
};

// Metadata services of the cloud providers that answer on a link-local address.
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254']);
// Only 2000::/3 is global unicast; ipaddr.js calls some other unassigned space "unicast".
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');
// The well-known NAT64 prefix; 64:ff9b:1::/48 is for local use and stays refused.
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');

const classOf = (address: IpAddress, kind: AddressKind, embedded?: string): AddressClass => {
  const text = address.toString();
  const actual: AddressKind =
    METADATA.has(text) || (embedded && METADATA.has(embedded)) ? 'metadata' : kind;
  return {
    address: text,
    kind: actual,
    description: DESCRIPTIONS[actual],
    ...(embedded ? { embedded } : {}),
  };
};

const ipv4Kind = (address: ipaddr.IPv4): AddressKind => IPV4_KINDS[address.range()] ?? 'reserved';

/** The IPv4 address inside an IPv4-mapped, IPv4-translated, NAT64 or 6to4 IPv6 address. */
const embeddedIpv4 = (address: ipaddr.IPv6): ipaddr.IPv4 | null => {
  const range = address.range();
  const bytes = address.toByteArray();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || address.match(NAT64)) {
    return ipaddr.fromByteArray(bytes.slice(12)) as ipaddr.IPv4;
  }
  if (range === '6to4') return ipaddr.fromByteArray(bytes.slice(2, 6)) as ipaddr.IPv4;
  return null;
};

/**
 * What kind of address `input` is. Only global unicast is `public`:
 * loopback, unspecified, RFC 1918, link-local (and the metadata address on
 * it), CGNAT, IPv6 unique local and link-local, multicast, broadcast and the
 * reserved, documentation and benchmarking ranges are not. IPv4-mapped,
 * IPv4-translated, NAT64 and 6to4 forms are classified by the IPv4 address
 * they carry. Ranges come from ipaddr.js.
 */
export const classifyAddress = (input: string | IpAddress): AddressClass => {
  const address = typeof input === 'string' ? parseIpLiteral(input) : input;
  if (!address) throw new Error(`${String(input)} is not an IP address`);
  if (address.kind() === 'ipv4') return classOf(address, ipv4Kind(address as ipaddr.IPv4));
  const ipv6 = address as ipaddr.IPv6;
  const inner = embeddedIpv4(ipv6);
  if (inner) return classOf(ipv6, ipv4Kind(inner), inner.toString());
  const named = IPV6_KINDS[ipv6.range()];
  if (named) return classOf(ipv6, named);
  if (ipv6.range() === 'unicast' && ipv6.match(GLOBAL_UNICAST)) return classOf(ipv6, 'public');
  return classOf(ipv6, 'reserved');
};

/** `10.0.0.5, a private address` or `::ffff:a00:5 (10.0.0.5), a private address`. */
export const describeAddress = (found: AddressClass) =>
  `${found.address}${found.embedded ? ` (${found.embedded})` : ''}, ${found.description}`;
