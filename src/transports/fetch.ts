import type { EmitterPlatform } from '../emitter/platform.js';
import type { Transport, TransportRequest, TransportResponse } from './types.js';

type Fetch = typeof globalThis.fetch;

export interface FetchTransportOptions {
  /** The fetch to use. @defaultValue `globalThis.fetch`, else `loadFetch()` */
  fetch?: Fetch | undefined;
  /** Loads a fetch when neither `fetch` nor `globalThis.fetch` exists (the entry passes cross-fetch). @defaultValue none */
  loadFetch?: (() => Promise<Fetch>) | undefined;
  /** Send every request with `keepalive` (requests made while unloading always are). @defaultValue false */
  keepalive?: boolean | undefined;
  /** The `credentials` mode of each request. @defaultValue the fetch default ('same-origin') */
  credentials?: 'omit' | 'same-origin' | 'include' | undefined;
}

/**
 * A transport over `fetch`, for browsers, workers, edge runtimes and Node 18+.
 * Timeouts abort the request with an AbortController.
 */
export function fetchTransport(options: FetchTransportOptions = {}): Transport {
  let resolved: Promise<Fetch> | undefined;
  const getFetch = (): Promise<Fetch> => {
    if (options.fetch) return Promise.resolve(options.fetch);
    // Looked up per call so a fetch installed after the emitter was created is still found.
    const global = globalThis.fetch as Fetch | undefined;
    if (typeof global === 'function') return Promise.resolve(global.bind(globalThis));
    if (!options.loadFetch) return Promise.reject(new Error('isotrack: no fetch available; pass fetchTransport({ fetch })'));
    resolved ??= options.loadFetch();
    return resolved;
  };

  return async (request: TransportRequest): Promise<TransportResponse> => {
    const doFetch = await getFetch();
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = globalThis.setTimeout(() => controller?.abort(), request.timeout);
    try {
      const init: RequestInit = {
        method: request.method,
        headers: request.headers,
        body: request.body,
        keepalive: request.unloading === true || options.keepalive === true,
        signal: controller?.signal,
        // A redirect is never followed with a batch: 301/302/303 would turn it into a
        // bodiless GET, 307/308 would post it to another origin. It is a failure instead.
        redirect: 'manual',
      };
      if (options.credentials) init.credentials = options.credentials;
      const response = await doFetch(request.url, init);
      // Reading the (small) body lets the connection be reused.
      await response.arrayBuffer().catch(() => undefined);
      return answer(response);
    } finally {
      globalThis.clearTimeout(timer);
    }
  };
}

/**
 * A fetch response as a transport answer. A browser hides a redirect not followed
 * (`opaqueredirect`, status 0, which would read as "handed off"): it is reported as 300,
 * a redirect whose code is unknown.
 */
export const answer = (response: Response): TransportResponse => ({
  status: response.type == 'opaqueredirect' ? 300 : response.status,
  header: (name) => response.headers.get(name) ?? undefined,
});

/** The platform for runtimes without a dedicated one: fetch, one request at a time, neutral defaults. */
export function createFetchPlatform(options: FetchTransportOptions = {}): EmitterPlatform {
  return { transport: () => fetchTransport(options) };
}
