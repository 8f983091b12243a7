/**
 * The collector's base URL (scheme, host, port and any path prefix, no trailing slash).
 * `endpoint` may be a bare host (`collector.example.com`, `localhost:9090`) or a full
 * URL; a scheme or port written in the endpoint wins over the `protocol`/`port` options.
 */
export function collectorBase(endpoint: string, protocol: 'http' | 'https', port: number | undefined): string {
  if (typeof endpoint !== 'string' || endpoint.trim() === '') throw new TypeError('endpoint must be a non-empty string');
  const text = endpoint.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `${protocol}://${text}`);
  } catch {
    throw new TypeError(`endpoint is not a valid host or URL: ${endpoint}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`endpoint must use http or https: ${endpoint}`);
  if (port !== undefined && url.port === '' && !hasExplicitPort(text)) url.port = String(port);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

// `new URL` drops a port equal to the scheme's default, which must still win over `port`.
function hasExplicitPort(text: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/@]*@)?(?:\[[^\]]*\]|[^/:?#]*):\d+/i.test(text);
}
