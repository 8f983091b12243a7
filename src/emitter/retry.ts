/** First step of the backoff; attempt n waits up to `BASE_DELAY * 2^(n-1)`, capped. */
export const BASE_DELAY = 500;

/** What to do with a batch after an answer. */
export type Outcome = 'success' | 'retry' | 'fail';

/**
 * The retry table. `status` 0 means "handed off, answer unknowable" (sendBeacon) and
 * counts as success; network errors and timeouts never reach here (always retried).
 * - 2xx: success.
 * - 408, 429, 5xx: retry.
 * - 400, 401, 403, 410, 422: fail (dropped, reported).
 * - other 4xx, 3xx and anything else: fail. A redirect that survived the transport, or a
 *   client error, will not change by sending the same bytes again.
 * `customRetryCodes` overrides any of these (true = retry, false = fail).
 */
export function classify(status: number, custom: Readonly<Record<number, boolean>>): Outcome {
  if (status == 0 || (status >= 200 && status < 300)) return 'success';
  const override = custom[status];
  if (override !== undefined) return override ? 'retry' : 'fail';
  // Everything else fails, including the Python tracker's never-retry list (400, 401, 403, 410, 422).
  return status == 408 || status == 429 || (status >= 500 && status < 600) ? 'retry' : 'fail';
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^(attempt−1))). */
export function backoffDelay(attempt: number, cap: number, random: () => number = Math.random): number {
  const ceiling = Math.min(cap, BASE_DELAY * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds to wait from a `Retry-After` value: delta-seconds or an HTTP date.
 * Undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return +text * 1000;
  const date = Date.parse(text);
  if (isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Why a request failed, in a few words for `onFailure` and the warning at exit: the
 * status (and where a redirect pointed), or the network error's code and message
 * (`ECONNREFUSED`, `ENOTFOUND`, a TLS error, a timeout); fetch puts the system error
 * in `cause`.
 */
export function failureCause(status: number, response?: { header(name: string): string | undefined }, error?: unknown): string {
  if (response) {
    const location = response.header('location');
    return `HTTP ${status}${status > 299 && status < 400 ? ` redirect${location ? ` to ${location}` : ''}, not followed` : ''}`;
  }
  const e = ((error as { cause?: unknown } | undefined)?.cause ?? error) as { code?: unknown; message?: unknown } | undefined;
  return [e?.code, e?.message].filter((part) => typeof part == 'string').join(': ') || 'network error';
}
