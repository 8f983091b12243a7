import type { Transport, TransportRequest, TransportResponse } from '../transports/types.js';
import { BackoffGate } from './backoff.js';
import { dropReporter } from './drop-reporter.js';
import { safely, toPayloads, warn } from './callbacks.js';
import type { DropReason, ResolvedEmitterOptions } from './options.js';
import type { EmitterPlatform, LifecycleEmitter } from './platform.js';
import { batchBudget, buildRequest, PER_EVENT_OVERHEAD, postBodyBytes } from './request.js';
import { classify, failureCause, parseRetryAfter } from './retry.js';
import type { EventStore } from './store.js';
import { MAX_TIMER_DELAY, unref, type Timer } from './timers.js';
import type { Batch, Engine, FlushResult, Waiter } from './types.js';

/** A state flag, false until first set (uninitialised flags cost nothing in the script tag). */
type Flag = boolean | undefined;

/**
 * The delivery engine behind `Emitter`, as one closure: plain variables instead of
 * small classes, since its state is shared by every step (queue bound, batches,
 * flush waiters, timers, drop reports).
 *
 * - The queue bound covers the store and the batches taken out of it (waiting,
 *   retrying and in-flight events all hold memory).
 * - The backoff is one per emitter (`BackoffGate`); its timer and the flush interval
 *   are unref'd in Node, except a backoff while someone awaits a flush.
 * - A flush waits for "everything queued before it": the store is FIFO, so that is
 *   the first `ahead` events taken after it, plus the batches in flight or retrying
 *   when it was called. A batch mixing older and newer events is waited for whole.
 * - Drops are counted here and reported by `dropReporter`.
 *
 * Kept as one closure with short inner functions: split into parts (a state record and
 * functions, or factory closures), the script tag grew by 203-299 B gzip (docs/benchmarks.md).
 */
export function engine(o: ResolvedEmitterOptions, base: string, store: EventStore, platform: EmitterPlatform, self: LifecycleEmitter): Engine {
  const budget = batchBudget(o.maxPostBytes);
  const get = o.method == 'get';
  const gate = new BackoffGate(o.maxRetryDelay);
  const waiters = new Set<Waiter>();
  /** Failed batches waiting for the backoff to pass; sent before anything new. */
  const retryQueue: Batch[] = [];
  const inFlight = new Set<Batch>();
  let transport: Transport | undefined;
  // Taken from the store and not settled (in flight or retrying): they count against the bound.
  let outEvents = 0, outBytes = 0;
  // The counters of `stats()`, and the delivered count that `onFailure` reports.
  let delivered = 0, retried = 0, failed = 0, dropped = 0, successSinceFailure = 0;
  let draining: Flag, pumpQueued: Flag;
  let closed: Flag, stopped: Flag;
  /** Events tracked after `close()` and not yet reported by a `flush()` (the first one warns). */
  let lateDrops = 0;
  let closing: Promise<FlushResult> | undefined;
  let interval: Timer | undefined, backoff: Timer | undefined;

  const held = () => store.count + outEvents;

  /** The two counts that `stats()` and a flush result share. */
  const counts = () => {
    let flying = 0;
    for (const batch of inFlight) flying += batch._events.length;
    return { queued: held() - flying, inFlight: flying };
  };

  const stats: Engine['stats'] = () => ({ ...counts(), delivered, retried, dropped, failed });

  const reportDrop = dropReporter(o.onDrop);
  const drop = (reason: DropReason, n = 1) => {
    dropped += n;
    reportDrop(reason, n);
  };

  const armInterval = () => {
    if (interval || stopped) return;
    interval = unref(
      setTimeout(() => {
        interval = undefined;
        if (store.count) (draining = true), schedulePump();
      }, o.flushInterval),
    );
  };

  const check = (waiter: Waiter) => {
    // Events ahead can only be among those still waiting.
    if (waiter._ahead > store.count) waiter._ahead = store.count;
    if (waiter._ahead <= 0 && !waiter._batches.size && waiters.delete(waiter)) waiter._done(false);
  };

  /** Takes the next batch (one event for GET; for POST as many as fit in `room`); draining ends when the store is empty. */
  const take = (room: number): Batch | undefined => {
    const events = store.count && room > 0 ? store.take({ count: get ? 1 : Infinity, bytes: get ? Infinity : room, overhead: get ? 0 : PER_EVENT_OVERHEAD }) : [];
    if (!store.count) draining = false;
    if (!events.length) {
      // Another tab may have taken events from a shared store.
      for (const waiter of waiters) check(waiter);
      return;
    }
    let bytes = 0;
    for (const event of events) bytes += event.bytes;
    outEvents += events.length;
    outBytes += bytes;
    const batch: Batch = { _events: events, _bytes: bytes, _attempts: 0 };
    for (const waiter of waiters) {
      if (waiter._ahead <= 0) continue;
      waiter._ahead -= events.length;
      waiter._batches.add(batch);
    }
    let size: number;
    if (!get && events.length == 1 && (size = postBodyBytes(events)) > o.maxPostBytes) {
      const onOversize = o.onOversize;
      if (onOversize) safely('onOversize', () => onOversize(toPayloads(events)[0]!, size));
      else warn(`isotrack: event ${events[0]!.eid} (${size} B) > maxPostBytes, sent alone`);
    }
    return batch;
  };

  /** Settles a batch: `ack` (delivered or given up) or `release` (back to the front of the store). */
  const out = (batch: Batch, ack?: boolean) => {
    outEvents -= batch._events.length;
    outBytes -= batch._bytes;
    if (ack) store.ack(batch._events);
    else store.release(batch._events);
  };

  /**
   * Runs the pump soon: in a microtask, so that events tracked in the same synchronous
   * run join the same batches, or, after a track call, as the platform defers it (a
   * browser sends in a task of its own, so that no request lengthens the caller's task).
   */
  const schedulePump = (afterTrack?: boolean) => {
    if (pumpQueued || stopped) return;
    pumpQueued = true;
    (afterTrack && platform.defer || queueMicrotask)(() => {
      try {
        pump();
      } catch (error) {
        // Background work must never throw into the host app (e.g. a custom store that broke its contract).
        warn('isotrack: delivery error', error);
      }
    });
  };

  const pump = () => {
    pumpQueued = false;
    if (stopped) return;
    const wait = gate._remaining();
    if (wait > 0) {
      clearTimeout(backoff);
      // Once fired, clearing or unref'ing it again is harmless: no need to forget it.
      const timer = setTimeout(schedulePump, wait);
      // A pending flush() is awaited by someone: keep the process alive for it.
      backoff = waiters.size ? timer : unref(timer);
      return;
    }
    const limit = gate._probing ? 1 : o.maxConcurrentRequests;
    while (inFlight.size < limit) {
      const batch = retryQueue.shift() ?? (draining ? take(budget) : undefined);
      if (!batch) break;
      send(batch, false);
    }
    if (store.count && !draining) armInterval();
  };

  const send = (batch: Batch, unloading: boolean) => {
    let request: TransportRequest;
    try {
      request = buildRequest(base, o, batch._events, unloading);
      // A GET URL is percent-encoded ASCII: one byte per character (a POST's is short).
      // Too long, it would only fail at the collector (414).
      if (request.url.length > o.maxGetBytes) throw 'over maxGetBytes';
    } catch (error) {
      // It can never be sent (a GET of text that is not valid UTF-16: encodeURIComponent
      // throws; a GET longer than maxGetBytes): retrying would block every event behind it.
      // Dropped once, reported.
      if (!o.onDrop) warn(`isotrack: ${batch._events.length} event(s) unsendable, dropped:`, error);
      out(batch, true);
      drop('unsendable', batch._events.length);
      return settled(batch, false);
    }
    inFlight.add(batch);
    batch._attempts++;
    const startedAt = Date.now();
    // The executor turns a transport (or platform) that throws into a rejection, like a network error.
    new Promise<TransportResponse>((resolve) => {
      transport ??= o.transport ?? platform.transport!();
      resolve(transport(request));
    })
      .then(
        (response) => settle(batch, startedAt, response),
        (error: unknown) => settle(batch, startedAt, undefined, error),
      )
      .catch((error: unknown) => warn('isotrack: delivery error', error));
  };

  /** Applies the retry table to an answer (none = network error or timeout). */
  const settle = (batch: Batch, startedAt: number, response?: TransportResponse, error?: unknown) => {
    const events = batch._events;
    const n = events.length;
    inFlight.delete(batch);
    const status = response ? +response.status : 0;
    const outcome = response ? classify(status, o.customRetryCodes) : 'retry';
    const report = (willRetry: boolean) => {
      const successCount = successSinceFailure;
      successSinceFailure = 0;
      const onFailure = o.onFailure;
      if (onFailure) safely('onFailure', () => onFailure(successCount, toPayloads(events), { willRetry, status, cause: failureCause(status, response, error), error }));
    };
    if (outcome == 'retry') {
      if (stopped) {
        // Closed meanwhile: a persistent store keeps them for the next start.
        out(batch);
      } else {
        retried += n;
        retryQueue.push(batch);
        gate._fail(startedAt, parseRetryAfter(response?.header('retry-after')));
        report(true);
      }
    } else {
      const ok = outcome == 'success';
      out(batch, true);
      if (ok) {
        delivered += n;
        successSinceFailure += n;
        gate._succeed();
        const onSuccess = o.onSuccess;
        if (onSuccess) safely('onSuccess', () => onSuccess(toPayloads(events)));
      } else {
        failed += n;
        report(false);
      }
      settled(batch, ok);
    }
    schedulePump();
  };

  /** A batch is done with (delivered or given up): the flushes waiting for it learn how it went. */
  const settled = (batch: Batch, ok: boolean) => {
    for (const waiter of waiters) {
      if (waiter._batches.delete(batch) && !ok) waiter._failed += batch._events.length;
      check(waiter);
    }
  };

  const flush: Engine['flush'] = (options = {}) =>
    new Promise<FlushResult>((resolve) => {
      const timeout = options.timeout ?? o.flushTimeout;
      let timer: Timer | undefined;
      const waiter: Waiter = {
        _ahead: store.count,
        _batches: new Set([...inFlight, ...retryQueue]),
        // Events tracked after close() are reported once, by the next flush, as given up.
        _failed: lateDrops,
        _done(timedOut) {
          clearTimeout(timer);
          // Nobody awaits a flush any more: the backoff goes back to the background.
          if (!waiters.size && backoff) unref(backoff);
          resolve({ ok: !timedOut && !waiter._failed, timedOut, failed: waiter._failed, ...counts() });
        },
      };
      lateDrops = 0;
      // Closed: nothing will be sent any more.
      if (stopped) return waiter._done(held() > 0);
      waiters.add(waiter);
      check(waiter);
      // Nothing was ahead of it: `check` resolved it already.
      if (!waiters.has(waiter)) return;
      draining = true;
      schedulePump();
      // (A negative timeout is 0 to setTimeout.)
      if (Number.isFinite(timeout)) timer = setTimeout(() => waiters.delete(waiter) && waiter._done(true), Math.min(timeout, MAX_TIMER_DELAY));
    });

  const stop = () => {
    // `stopped` keeps both timers from being armed again.
    stopped = true;
    clearTimeout(interval);
    clearTimeout(backoff);
  };

  // A persistent store may hold events from an earlier page load.
  if (store.count) armInterval();

  return {
    input(event) {
      if (closed) {
        // Once until a flush reports them; `onDrop` set replaces the warning.
        if (!lateDrops++ && !o.onDrop) warn('isotrack: tracked after close(): dropped');
        return drop('closed');
      }
      if (held() >= o.maxQueueEvents || store.bytes + outBytes + event.bytes > o.maxQueueBytes) return drop('queue-full');
      store.add(event);
      if (pumpQueued || draining) return;
      if (store.count >= o.bufferSize || store.bytes >= budget) (draining = true), schedulePump(true);
      else armInterval();
    },
    flush,
    close(options) {
      closed = true;
      return (closing ??= flush(options).then((result) => {
        stop();
        for (const waiter of waiters) waiter._done(true);
        waiters.clear();
        for (const batch of retryQueue.splice(0).reverse()) out(batch);
        if (!o.transport) safely('transport.close', () => transport?.close?.());
        platform.onClose?.(self);
        return result;
      }));
    },
    flushOnUnload(options = {}) {
      if (stopped) return 0;
      let left = options.maxBytes ?? Infinity;
      let sent = 0;
      for (;;) {
        const batch = retryQueue.shift() ?? take(Math.min(budget, batchBudget(left)));
        if (!batch) break;
        // GET bodies are URLs; their percent-encoded size is close enough for an unload budget.
        const size = get ? batch._bytes * 3 : postBodyBytes(batch._events);
        if (size > left) {
          // Back to the front of its queue.
          if (batch._attempts) retryQueue.unshift(batch);
          else out(batch);
          break;
        }
        left -= size;
        sent += batch._events.length;
        send(batch, true);
      }
      return sent;
    },
    stats,
    pending: held,
    abandon(kept) {
      const n = held();
      closed = true;
      stop();
      // A persistent store keeps them for the next start: not a loss.
      if (!n || kept) return n;
      dropped += n;
      // Synchronous: at process exit no microtask runs any more.
      const onDrop = o.onDrop;
      if (onDrop) safely('onDrop', () => onDrop(n, 'exit'));
      return n;
    },
  };
}
