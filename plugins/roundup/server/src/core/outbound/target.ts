import { classifyAddress, describeAddress, parseIpLiteral, type IpAddress } from './address';
import { addressAllowed, anyRangeOnPort, hostAllowed, type AllowRule } from './allowlist';

/** Ports any public host may be reached on; others need an allowlist entry. */
export const STANDARD_PORTS: readonly number[] = [80, 443];

export const ALLOW_HINT = 'add it to outbound.allow to permit it';

export interface Target {
  url: URL;
  protocol: 'http:' | 'https:';
  /** Lower case, without brackets or a trailing dot: what to resolve or connect to. */
  host: string;
  port: number;
  /** The address when the host is an IP literal (in any notation). */
  literal: IpAddress | null;
  /** Whether an allowlist entry names this host (and port), so any address it resolves to is permitted. */
  hostAllowed: boolean;
}

export type TargetCheck = { ok: true; target: Target } | { ok: false; reason: string };

// RFC 6761: localhost and its subdomains are this machine, whatever a resolver says.
const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** The loopback addresses a localhost name stands for; it never goes to a resolver. */
export const LOCALHOST_ADDRESSES = [
  { address: '127.0.0.1', family: 4 as const },
  { address: '::1', family: 6 as const },
];

export const isLocalhost = (target: Target) =>
  target.literal === null && isLocalhostName(target.host);

/**
 * Everything about a URL that can be decided before resolving it: an
 * absolute http(s) URL without credentials, on port 80 or 443 unless an
 * allowlist entry permits its port, and, for an IP literal, an address that
 * is public or allowed.
 */
export const checkTarget = (input: string, rules: readonly AllowRule[]): TargetCheck => {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: 'is not an absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      reason: `uses ${url.protocol.replace(/:$/, '')}; only http and https are allowed`,
    };
  }
  if (url.username || url.password)
    return { ok: false, reason: 'must not hold a user name or password' };
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const bare = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const host = bare.toLowerCase().replace(/\.$/, '');
  if (!host) return { ok: false, reason: 'must name a host' };
  const literal = parseIpLiteral(bare);
  const target: Target = {
    url,
    protocol: url.protocol,
    host: literal ? literal.toString() : host,
    port,
    literal,
    hostAllowed: literal === null && hostAllowed(rules, host, port),
  };
  if (target.hostAllowed) return { ok: true, target };

  if (literal) {
    const refusal = refuseAddress(literal, port, rules, 'points to');
    return refusal ? { ok: false, reason: refusal } : { ok: true, target };
  }
  if (!STANDARD_PORTS.includes(port) && !anyRangeOnPort(rules, port)) {
    return { ok: false, reason: portReason(port, host) };
  }
  return { ok: true, target };
};

const portReason = (port: number, host: string) =>
  `uses port ${port}; only ${STANDARD_PORTS.join(' and ')} are allowed unless outbound.allow permits it (for example "${host.includes(':') ? `[${host}]` : host}:${port}")`;

/** Why connecting to `address` on `port` is refused, or null when it is permitted. */
const refuseAddress = (
  address: IpAddress,
  port: number,
  rules: readonly AllowRule[],
  verb: string
) => {
  if (addressAllowed(rules, address, port)) return null;
  const found = classifyAddress(address);
  if (found.kind !== 'public') return `${verb} ${describeAddress(found)}; ${ALLOW_HINT}`;
  if (!STANDARD_PORTS.includes(port)) return portReason(port, found.address);
  return null;
};

/**
 * Why the addresses a name resolved to may not be connected to, or null when
 * every one of them may. One refused address refuses the name: the
 * connection could go to any of them.
 */
export const checkResolved = (
  target: Target,
  addresses: readonly string[],
  rules: readonly AllowRule[]
): string | null => {
  if (target.hostAllowed) return null;
  if (addresses.length === 0) return `${target.host} resolves to no address`;
  for (const text of addresses) {
    const address = parseIpLiteral(text);
    if (!address) return `${target.host} resolves to ${text}, which is not an IP address`;
    const refusal = refuseAddress(address, target.port, rules, 'resolves to');
    if (refusal) return refusal;
  }
  return null;
};
