import { promises as dns } from 'node:dns';
import type { LookupFunction } from 'node:net';
import {
  checkResolved,
  checkTarget,
  isLocalhost,
  LOCALHOST_ADDRESSES,
  type AllowRule,
  type Target,
} from '../core/outbound';
import { OutboundError } from './errors';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses; tests pass a stub. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await dns.lookup(host, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** A URL the guard let through, and where to connect for it. */
export interface CheckedTarget {
  target: Target;
  /** Where to connect: the checked addresses (empty for an IP literal, which needs no lookup). */
  addresses: ResolvedAddress[];
}

/**
 * The guard before any byte is sent: checks a URL, resolves its host and
 * checks every address it resolves to; throws OutboundError when refused.
 */
export const createGuard = (rules: AllowRule[], lookup: Resolver) => {
  const resolve = async (target: Target, url: string): Promise<ResolvedAddress[]> => {
    if (isLocalhost(target)) return LOCALHOST_ADDRESSES;
    try {
      return await lookup(target.host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOTFOUND' || code === 'ENODATA'
          ? 'does not resolve'
          : `could not be resolved (${code ?? String(error)})`;
      throw new OutboundError('dns', `${target.host} ${reason}`, url);
    }
  };

  return async (url: string): Promise<CheckedTarget> => {
    const checked = checkTarget(url, rules);
    if (!checked.ok) throw new OutboundError('refused', checked.reason, url);
    const { target } = checked;
    if (target.literal) return { target, addresses: [] };
    const addresses = await resolve(target, url);
    const refusal = checkResolved(
      target,
      addresses.map((entry) => entry.address),
      rules
    );
    if (refusal) throw new OutboundError('refused', refusal, url);
    return { target, addresses };
  };
};

/** A socket `lookup` that answers with the checked addresses only, never asking DNS again. */
export const pinnedLookup =
  (addresses: ResolvedAddress[]): LookupFunction =>
  (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const usable = addresses.filter((entry) => !family || entry.family === family);
    if (usable.length === 0) {
      const error = Object.assign(
        new Error(`No checked ${family ? `IPv${family} ` : ''}address for ${hostname}`),
        {
          code: 'ENOTFOUND',
        }
      );
      (callback as (error: Error) => void)(error);
    } else if (options.all) {
      // With `all`, Node's callback takes the list of addresses; its type names the single form only.
      (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, usable);
    } else {
      callback(null, usable[0].address, usable[0].family);
    }
  };
