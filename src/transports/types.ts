/**
 * The transport adapter contract: the only platform-specific part of delivery.
 * An adapter turns one request into a status and headers, or rejects on a
 * network error or timeout. Retries, batching and queueing live in the emitter.
 */
export interface TransportRequest {
  /** Absolute URL, including the query string for GET. */
  url: string;
  method: 'GET' | 'POST';
  /** Request headers (Content-Type for POST, plus the emitter's `customHeaders`). */
  headers: Record<string, string>;
  /** The POST body; absent for GET. */
  body?: string | undefined;
  /** UTF-8 size of `body` in bytes, when the emitter knows it (it does for its POSTs): no need to measure it again. */
  bytes?: number | undefined;
  /** Give up after this many milliseconds and reject. */
  timeout: number;
  /** True when the page is being unloaded: the request must outlive the page. */
  unloading?: boolean | undefined;
}

export interface TransportResponse {
  /** HTTP status; 0 means the request was handed off but no answer can be known (sendBeacon). */
  status: number;
  /** Look up a response header, case-insensitively (e.g. `Retry-After`). */
  header(name: string): string | undefined;
}

/**
 * A transport: one request in, a status and headers out; rejects on a network error or
 * timeout. It may have a `close()` that releases its resources (sockets, agents), which
 * the emitter calls when it is closed.
 */
export type Transport = ((request: TransportRequest) => Promise<TransportResponse>) & { close?: (() => void) | undefined };
