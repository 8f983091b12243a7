import { fail } from '../core/events/field-rules.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The collector's base URL (scheme, host, port and any path prefix, no trailing slash).
 * `endpoint` may be a bare host (`collector.example.com`, `localhost:9090`) or a full
 * URL; a scheme or port written in the endpoint wins over the `protocol`/`port` options.
 */
export function collectorBase(endpoint: string, protocol: 'http' | 'https', port: number | undefined): string {
  const text = typeof endpoint == 'string' ? endpoint.trim() : '';
  if (!text) fail('endpoint', 'must be a non-empty string');
  const scheme = SCHEME.exec(text)?.[0];
  const rest = scheme ? text.slice(scheme.length) : text;
  let url: URL;
  let written: string;
  try {
    url = new URL((scheme ?? `${protocol}://`) + rest);
    // `new URL` drops a port equal to the scheme's default, which must still win over
    // `port`; a non-special scheme keeps every port as written.
    written = new URL(`x://${rest}`).port;
  } catch {
    fail('endpoint', `is not a valid host or URL: ${endpoint}`);
  }
  if (!/^https?:$/.test(url.protocol)) fail('endpoint', `must use http or https: ${endpoint}`);
  if (port !== undefined && !written) url.port = String(port);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}
