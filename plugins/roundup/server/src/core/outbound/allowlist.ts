import ipaddr from 'ipaddr.js';
import { parseIpLiteral, type IpAddress } from './address';

/**
 * One entry of `outbound.allow`:
 * - a host name, `build.intranet` or every subdomain of one, `*.intranet`;
 * - an IP address, `10.0.0.5`, `::1`, `[::1]`;
 * - a CIDR range, `10.0.0.0/8`, `fd00::/8`;
 * each optionally with a port (`build.intranet:8080`, `127.0.0.1:4000`,
 * `10.0.0.0/8:8080`, `[::1]:4000`, `[fd00::/8]:8080`). Without a port the
 * entry permits every port.
 */
export type AllowRule =
  | { kind: 'host'; host: string; subdomains: boolean; port: number | null; entry: string }
  | { kind: 'range'; range: [IpAddress, number]; port: number | null; entry: string };

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

const parsePort = (text: string): number | null | undefined => {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
};

const parseRange = (text: string): [IpAddress, number] | null => {
  const slash = text.indexOf('/');
  if (slash === -1) {
    const address = parseIpLiteral(text);
    return address ? [address, address.kind() === 'ipv4' ? 32 : 128] : null;
  }
  const address = parseIpLiteral(text.slice(0, slash));
  const bits = text.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(bits)) return null;
  const length = Number(bits);
  return length <= (address.kind() === 'ipv4' ? 32 : 128) ? [address, length] : null;
};

const normalHost = (host: string) => host.toLowerCase().replace(/\.$/, '');

/** An entry as a rule, or a sentence saying why it is none. */
export const parseAllowEntry = (entry: string): AllowRule | string => {
  const text = entry.trim().toLowerCase();
  const problem = `"${entry}" is not a host, IP address or CIDR range with an optional :port`;
  if (text === '') return 'must not be empty';
  let body = text;
  let port: number | null = null;

  if (text.startsWith('[')) {
    // [v6], [v6]:port, [v6/len], [v6/len]:port
    const close = text.indexOf(']');
    if (close === -1) return problem;
    body = text.slice(1, close);
    const rest = text.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) return problem;
      const parsed = parsePort(rest.slice(1));
      if (parsed === undefined) return `"${entry}" has no valid port (1–65535)`;
      port = parsed;
    }
    const range = parseRange(body);
    return range ? { kind: 'range', range, port, entry } : problem;
  }

  // Bare IPv6 (more than one colon) has no port; anything else may end in :port.
  if ((text.match(/:/g) ?? []).length === 1) {
    const colon = text.indexOf(':');
    const parsed = parsePort(text.slice(colon + 1));
    if (parsed === undefined) return `"${entry}" has no valid port (1–65535)`;
    port = parsed;
    body = text.slice(0, colon);
  }

  const range = parseRange(body);
  if (range) return { kind: 'range', range, port, entry };
  if (body.includes('/') || body.includes(':')) return problem;

  const subdomains = body.startsWith('*.');
  const host = normalHost(subdomains ? body.slice(2) : body);
  if (
    host.length === 0 ||
    host.length > 253 ||
    !host.split('.').every((label) => HOST_LABEL.test(label))
  ) {
    return problem;
  }
  return { kind: 'host', host, subdomains, port, entry };
};

/** Every entry as a rule; the problems name entries by their index. */
export const parseAllowlist = (entries: readonly string[]) => {
  const rules: AllowRule[] = [];
  const problems: { index: number; message: string }[] = [];
  entries.forEach((entry, index) => {
    const rule = parseAllowEntry(entry);
    if (typeof rule === 'string') problems.push({ index, message: rule });
    else rules.push(rule);
  });
  return { rules, problems };
};

const portMatches = (rule: AllowRule, port: number) => rule.port === null || rule.port === port;

/** Whether a rule names this host (by name) on this port. */
export const hostAllowed = (rules: readonly AllowRule[], host: string, port: number) => {
  const name = normalHost(host);
  return rules.some(
    (rule) =>
      rule.kind === 'host' &&
      portMatches(rule, port) &&
      (rule.subdomains ? name.endsWith(`.${rule.host}`) : rule.host === name)
  );
};

/** The same address in the other family where one exists (IPv4-mapped ⇄ IPv4). */
const forms = (address: IpAddress): IpAddress[] => {
  if (address.kind() === 'ipv4') return [address, (address as ipaddr.IPv4).toIPv4MappedAddress()];
  const ipv6 = address as ipaddr.IPv6;
  return ipv6.isIPv4MappedAddress() ? [ipv6, ipv6.toIPv4Address()] : [ipv6];
};

/** Whether a rule's address or range holds this address on this port. */
export const addressAllowed = (rules: readonly AllowRule[], address: IpAddress, port: number) =>
  rules.some(
    (rule) =>
      rule.kind === 'range' &&
      portMatches(rule, port) &&
      forms(address).some((form) => form.kind() === rule.range[0].kind() && form.match(rule.range))
  );

/** Whether any rule could permit some address on this port (to skip a lookup that cannot help). */
export const anyRangeOnPort = (rules: readonly AllowRule[], port: number) =>
  rules.some((rule) => rule.kind === 'range' && portMatches(rule, port));
