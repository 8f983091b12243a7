/**
 * Who may read `/micro/*`. The tracking endpoints answer every origin (pages must be
 * able to send), but what the collector stored (user ids, URLs, everything an app under
 * test sent) is readable only by the collector's own page, by origins the user allowed,
 * and by tools that are not browsers (curl, test runners). Requests through a DNS name
 * other than localhost or the bound address are refused, which defeats DNS rebinding.
 */
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

export interface AccessPolicy {
  /** Origins allowed to read `/micro/*` besides the collector's own; `*` allows every origin. */
  allowOrigins: readonly string[];
  /** The address or name the server is bound to. */
  host: string;
}

export type Access = { ok: true; cors: Record<string, string> } | { ok: false; status: 403 | 421; error: string };

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** The host name of a `Host` header, without port and IPv6 brackets, in lower case. */
function hostName(header: string): string {
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']') === -1 ? undefined : host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

function isLoopback(name: string): boolean {
  return name === '::1' || (isIP(name) === 4 && name.startsWith('127.'));
}

/** True when the `Host` header names this collector: localhost, a loopback or the bound address. */
export function hostAllowed(req: IncomingMessage, policy: AccessPolicy): boolean {
  const header = req.headers.host;
  if (header === undefined) return false;
  const name = hostName(header);
  const bound = policy.host.toLowerCase().replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost') || isLoopback(name) || name === bound) return true;
  // Bound to every interface: any address literal reaches it (a rebinding attack needs a DNS name).
  return WILDCARDS.has(bound) && isIP(name) !== 0;
}

/** Whether a request may read or change what the collector stored, and the CORS headers it gets. */
export function microAccess(req: IncomingMessage, policy: AccessPolicy): Access {
  if (!hostAllowed(req, policy)) {
    return {
      ok: false,
      status: 421,
      error: `/micro/* answers only to localhost or ${policy.host}, not to Host ${JSON.stringify(req.headers.host ?? '')}`,
    };
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (!originAllowed(origin, req, policy)) {
      return { ok: false, status: 403, error: `origin ${origin} may not read /micro/*; start the collector with --allow-origin ${origin}` };
    }
    return {
      ok: true,
      cors: { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'X-Total-Count', Vary: 'Origin' },
    };
  }
  // No Origin: a tool, or a browser's same-origin GET. A foreign page's <img>/<script>/link
  // also sends none, but browsers mark it with Sec-Fetch-Site.
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return { ok: false, status: 403, error: 'cross-site requests may not use /micro/*' };
  }
  return { ok: true, cors: { Vary: 'Origin' } };
}

function originAllowed(origin: string, req: IncomingMessage, policy: AccessPolicy): boolean {
  if (policy.allowOrigins.includes('*') || policy.allowOrigins.includes(origin)) return true;
  // The collector's own origin: its events page.
  return origin === `http://${req.headers.host ?? ''}`;
}

/** A request from a program that is not a browser (no Origin, no Sec-Fetch-Site): curl, Node's fetch, a test runner. */
export function isNonBrowser(req: IncomingMessage): boolean {
  return req.headers.origin === undefined && req.headers['sec-fetch-site'] === undefined;
}
