import { utf8ByteLength } from '../core/utf8.js';
import { answer } from './fetch.js';
import type { Transport, TransportResponse } from './types.js';

/** Options of {@link sendBeaconTransport}. */
export interface BeaconTransportOptions {
  /**
   * Most bytes of `keepalive` bodies this transport keeps in flight at once. A page's
   * keepalive fetches and beacons share one 64 KiB budget, so some is left to other
   * scripts; a request over it is sent without keepalive, or at unload kept for the
   * next page load. @defaultValue 61440 (60 KiB)
   */
  budget?: number | undefined;
  /**
   * `credentials` of every request: `'include'` sends the collector's own cookie (the
   * network user id), which requires the collector to echo the page's origin and allow
   * credentials. @defaultValue 'include'
   */
  credentials?: 'omit' | 'same-origin' | 'include' | undefined;
}

/** A transport that also reports which events are on the wire in `keepalive` requests. */
export interface BeaconTransport extends Transport {
  /** Ids of the events in keepalive requests that have not answered yet; none while the collector is known to be unreachable. */
  sent(): Set<string>;
  /** Bytes that may still be sent at unload: 0 while the collector is known to be unreachable. */
  room(): number;
  /**
   * The page is back from the back/forward cache: settles the requests that were in flight
   * when it was frozen (WebKit never settles them): those `sent()` reported as delivered,
   * the others as failed, to be retried.
   */
  thaw(): void;
}

const EID = /"eid":"([^"]+)"|[?&]eid=([^&]+)/g;
const handedOff: TransportResponse = { status: 0, header: () => undefined };

/**
 * Reads a response to its end. Chromium counts a keepalive request against the shared
 * 64 KiB budget until its response body is consumed, not when the headers arrive: an
 * unread body kept the previous batch counted, and the next batch failed to fetch.
 */
const drain = (response: Response) => response.arrayBuffer().catch(() => undefined);

/**
 * The browser transport: `fetch` with `keepalive` while the shared 64 KiB budget
 * allows, so that requests already sent survive a navigation, and at unload
 * (`request.unloading`) a keepalive fetch (or `sendBeacon` where keepalive is
 * missing) that is handed off without waiting for an answer the page will not
 * live to see.
 *
 * At unload it refuses (rejects, so the events stay queued and stored for the next
 * page load) what does not fit in the budget, and everything while the collector
 * is known to be unreachable: a beacon's delivery cannot be confirmed, and sending
 * into a known outage would lose the events.
 */
export function sendBeaconTransport(options: BeaconTransportOptions = {}): BeaconTransport {
  const budget = options.budget ?? 61_440;
  const credentials = options.credentials ?? 'include';
  const wire = new Set<string>();
  // Keys of the requests `sent()` last reported, and how to settle each request in flight.
  let reported = new Set<string>();
  const pending = new Set<() => void>();
  let inFlight = 0;
  let down: boolean | undefined;

  const send = async ({ url, method, headers, body, bytes, timeout, unloading }: Parameters<Transport>[0]) => {
    const size = body ? (bytes ?? utf8ByteLength(body)) : url.length;
    const keepalive = inFlight + size <= budget;
    const key = body ?? url;
    // `redirect: 'manual'`: a batch never follows a redirect (see fetchTransport).
    const init: RequestInit = { method, headers, body, keepalive, credentials, redirect: 'manual' };
    if (unloading) {
      if (down || !keepalive) throw new Error('isotrack: kept for the next page load');
      if (typeof Request == 'function' && 'keepalive' in Request.prototype) {
        inFlight += size;
        wire.add(key);
        fetch(url, init)
          .then(drain)
          .catch(() => undefined)
          .then(() => {
            inFlight -= size;
            wire.delete(key);
          });
      } else {
        // A beacon carries no custom header (e.g. SP-Anonymous) and cannot be confirmed.
        const type = headers['Content-Type'];
        if (Object.keys(headers).length > (type ? 1 : 0) || !navigator.sendBeacon(url, body && new Blob([body], { type: type! }))) {
          throw new Error('isotrack: beacon refused');
        }
      }
      return handedOff;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeout);
    if (keepalive) {
      inFlight += size;
      wire.add(key);
    }
    let settle!: () => void;
    const thawed = new Promise<TransportResponse>((resolve, reject) => {
      settle = () => (reported.has(key) ? resolve(handedOff) : reject(new Error('isotrack: frozen in the back/forward cache')));
    });
    pending.add(settle);
    try {
      const sending = fetch(url, { ...init, signal: abort.signal }).catch(async (error: unknown) => {
        // Firefox frees a keepalive request's bytes only a task after its response ends,
        // and refuses (a network error, at once) a request that finds them still counted:
        // send it again, still with keepalive, a moment later. Not without keepalive: such
        // a request may arrive after the page is gone while its events stay stored, twice.
        // Until it is sent again it is not on the wire: a page that goes meanwhile keeps
        // its events stored. A collector that is down fails this one too.
        if (!keepalive || abort.signal.aborted) throw error;
        wire.delete(key);
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (!pending.has(settle)) throw error;
        wire.add(key);
        return fetch(url, { ...init, signal: abort.signal });
      });
      const settled = async () => {
        const response = await sending;
        down = response.status >= 500;
        await drain(response);
        return answer(response);
      };
      return await Promise.race([settled(), thawed]);
    } catch (error) {
      down = true;
      throw error;
    } finally {
      pending.delete(settle);
      clearTimeout(timer);
      if (keepalive) {
        inFlight -= size;
        wire.delete(key);
      }
    }
  };

  return Object.assign(send, {
    sent() {
      const ids = new Set<string>();
      // While the collector is unreachable, the requests on the wire will most likely fail
      // too, after the page is gone: report none, so that their events stay stored for
      // the next page load (a duplicate if one arrives after all, rather than a loss).
      reported = new Set(down ? [] : wire);
      for (const text of reported) for (const match of text.matchAll(EID)) ids.add(match[1] ?? match[2]!);
      return ids;
    },
    room: () => (down ? 0 : budget - inFlight),
    thaw() {
      for (const settle of pending) settle();
      reported = new Set();
    },
  });
}
