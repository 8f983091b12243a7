import type { EmitterOptions, FailureInfo } from '../emitter/options.js';
import { warn } from '../emitter/callbacks.js';

/**
 * What the Node entry knows about one emitter, for the messages a newcomer needs: the
 * collector's URL, the last failure's cause, and whether the user's callbacks replace
 * the default console messages. Node-only, so that none of these words reach a browser.
 */
export interface NodeNotices {
  /** The collector's base URL, as the emitter sends to it. */
  readonly url: string;
  /** True when `onDrop` is set: it replaces the messages about events lost or kept at exit. */
  readonly quietDrops: boolean;
  /** True when a custom `store` is set: events left at exit stay in it (kept, not lost). */
  readonly customStore: boolean;
  /** Why the last request failed, in words (`onFailure`'s `cause`). */
  lastCause?: string | undefined;
  /** Events seen (delivered + failed + dropped + held) when a caller's flush or close timed out. */
  timedOutAt?: number | undefined;
  /** The exit flush ran (and ended) for this emitter. */
  exitFlushed?: boolean | undefined;
}

/** What usually causes a status a newcomer meets, and the fix. */
const HINTS: Record<number, string> = {
  300: ': the collector moved; use the URL it redirects to as the endpoint',
  400: ': the collector rejected the request itself (a proxy or another service on that port?)',
  401: ': the collector or a proxy in front of it wants credentials (customHeaders)',
  403: ': the collector or a proxy in front of it refuses these requests (an allow-list, a WAF)',
  404: ': usually a wrong port or path. The endpoint is the collector\'s base URL (e.g. "http://localhost:9090"), without "/com.snowplowanalytics.snowplow/tp2"',
  405: ': usually a wrong path or a server that is not a collector on that port',
  413: ': the request is too large for the collector; lower maxPostBytes',
  414: ': a GET URL too long for the collector; set maxGetBytes, or use POST',
};

const TLS_PLAIN_HTTP = /wrong version number|EPROTO|ERR_SSL_|packet length too long|unknown protocol/i;

/**
 * The `onFailure` the Node emitter installs: records the cause for the exit messages and,
 * when the user set no `onFailure`, warns once per kind of failure with the usual fix.
 * A user's `onFailure` is called as given, and replaces the warnings.
 */
export function failureNotices(notices: NodeNotices, user: EmitterOptions['onFailure']): NonNullable<EmitterOptions['onFailure']> {
  const warned = new Set<string>();
  const once = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    warn(message);
  };
  return (successCount, events, info: FailureInfo) => {
    notices.lastCause = shortCause(info.cause);
    if (user) return user(successCount, events, info);
    const { url } = notices;
    if (!info.willRetry) {
      const hint = HINTS[info.status] ?? (info.status >= 300 && info.status < 400 ? HINTS[300] : '');
      once(
        `fail ${info.status}`,
        `isotrack: ${url} answered ${info.cause}; ${events.length} event(s) dropped, not retried${hint}. (Set onFailure to handle failures yourself.)`,
      );
    } else if (url.startsWith('https:') && TLS_PLAIN_HTTP.test(info.cause)) {
      once(
        'tls',
        `isotrack: TLS handshake with ${url} failed (${notices.lastCause}): the collector seems to speak plain http. Use "${url.replace('https:', 'http:')}" as the endpoint (a bare host means https). Retrying meanwhile.`,
      );
    } else {
      // The first retryable failure (the collector not started yet, a 503): said once, so a
      // flush that waits on it is not a silent wait.
      once(
        'retry',
        `isotrack: ${info.status ? `${url} answered ${notices.lastCause}` : `cannot reach ${url} (${notices.lastCause})`}; the events are kept and retried with backoff. (Set onFailure to handle failures yourself.)`,
      );
    }
  };
}

/**
 * A cause on one line: OpenSSL's multi-line `error:0A00010B:SSL routines:ssl3_get_record:wrong
 * version number:../deps/openssl/…` becomes `EPROTO: wrong version number`.
 */
export function shortCause(cause: string): string {
  const openssl = /error:[0-9A-F]+:SSL routines:[^:]*:([^:]+):/.exec(cause);
  const code = /^[A-Z_]+(?=:)/.exec(cause)?.[0];
  if (openssl) return `${code ? `${code}: ` : ''}${openssl[1]}`;
  return cause.replace(/\s+/g, ' ').trim();
}

/** Every event the emitter has seen: what `timedOutAt` is compared with. */
export function eventsSeen(emitter: { pending(): number; stats(): { delivered: number; failed: number; dropped: number } }): number {
  const s = emitter.stats();
  return s.delivered + s.failed + s.dropped + emitter.pending();
}

/** The line printed when the exit flush starts. */
export function exitWaitMessage(notices: NodeNotices, count: number, timeout: number): string {
  const cause = notices.lastCause ? ` (last failure: ${notices.lastCause})` : '';
  return `isotrack: ${count} event(s) for ${notices.url} still queued at exit${cause}; waiting up to ${Math.round(timeout / 100) / 10} s more to send them. To decide yourself, await tracker.flush({ timeout }) before the script ends.`;
}

/** The line printed at exit for events still held, or nothing when `onDrop` replaces it. */
export function exitLossMessage(notices: NodeNotices, count: number, timedOutByCaller: boolean): string {
  const cause = `last failure: ${notices.lastCause ?? 'none'}`;
  if (notices.customStore) return `isotrack: ${count} event(s) for ${notices.url} not sent before exit, kept in your store for the next start (${cause})`;
  const head = `isotrack: ${count} event(s) for ${notices.url} lost at exit`;
  if (timedOutByCaller) return `${head}: your flush({ timeout }) or close() ended before they were sent (${cause})`;
  if (notices.exitFlushed) return `${head}: not sent within the exit wait (${cause})`;
  return `${head}: the process exited (process.exit()?) before they were sent (${cause}). Call \`await tracker.flush()\` before process.exit(), or closeOnSignals(tracker) in a server.`;
}
