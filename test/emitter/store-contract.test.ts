import { describe, expect, it } from 'vitest';
import type { SerializedEvent } from '../../src/core/types.js';
import { Emitter } from '../../src/node/emitter.js';
import { MemoryEventStore } from '../../src/emitter/memory-store.js';
import type { EventStore, TakeLimits } from '../../src/emitter/store.js';
import type { Transport, TransportRequest } from '../../src/transports/types.js';
import { closedAfterEachTest } from './helpers/collector.js';
import { makeEvents } from './helpers/events.js';

/** A store that records what the emitter asks of it, over the default one. */
class RecordingStore implements EventStore {
  readonly inner = new MemoryEventStore();
  readonly acked: string[] = [];
  readonly released: string[] = [];
  get count() {
    return this.inner.count;
  }
  get bytes() {
    return this.inner.bytes;
  }
  add(event: SerializedEvent) {
    this.inner.add(event);
  }
  take(limits: TakeLimits) {
    return this.inner.take(limits);
  }
  ack(events: readonly SerializedEvent[]) {
    this.acked.push(...events.map((e) => e.eid));
  }
  release(events: readonly SerializedEvent[]) {
    this.released.push(...events.map((e) => e.eid));
    this.inner.release(events);
  }
}

const { open, collector } = closedAfterEachTest();


describe('EventStore contract, as the emitter uses it', () => {
  it('acks delivered and given-up events, and only those', async () => {
    const c = await collector((i) => ({ status: i === 0 ? 400 : 200 }));
    const store = new RecordingStore();
    const emitter = new Emitter(c.url, { store, maxPostBytes: 1_000 });
    open.push({ close: () => emitter.close({ timeout: 100 }) });
    const events = makeEvents(20);
    for (const e of events) emitter.input(e);
    await emitter.flush();
    expect(store.acked.sort()).toEqual(events.map((e) => e.eid).sort());
    expect(store.released).toEqual([]);
  });

  it('sends events a persistent store restored at start-up', async () => {
    const c = await collector();
    const store = new RecordingStore();
    const restored = makeEvents(3);
    for (const e of restored) store.add(e);
    const emitter = new Emitter(c.url, { store, flushInterval: 50 });
    open.push({ close: () => emitter.close({ timeout: 100 }) });
    await c.waitForAccepted(3, 5_000);
    expect(c.acceptedEids).toEqual(restored.map((e) => e.eid));
  });

  it('releases events still waiting to retry when closed, in order, for the next start', async () => {
    const c = await collector(() => ({ status: 503 }));
    const store = new RecordingStore();
    const emitter = new Emitter(c.url, { store, maxRetryDelay: 60_000 });
    const events = makeEvents(5);
    for (const e of events) emitter.input(e);
    const result = await emitter.close({ timeout: 300 });
    expect(result).toMatchObject({ ok: false, timedOut: true, queued: 5 });
    expect(store.released).toEqual(events.map((e) => e.eid));
    expect(store.count).toBe(5);
    expect(store.acked).toEqual([]);
  });
});

describe('flushOnUnload', () => {
  it('hands everything that fits to the transport at once, with unloading: true, ignoring backoff', async () => {
    const requests: TransportRequest[] = [];
    let fail = true;
    const transport: Transport = (request) => {
      requests.push(request);
      // Retry-After makes the backoff long for sure: the first step's jitter alone may be a few ms,
      // after which the pump would send the rest itself (a flaky 32 delivered instead of `sent`).
      return Promise.resolve({ status: fail ? 503 : 0, header: (name: string) => (fail && name.toLowerCase() == 'retry-after' ? '60' : undefined) });
    };
    const emitter = new Emitter('collector.invalid', { transport, maxPostBytes: 2_000, maxRetryDelay: 60_000 });
    open.push({ close: () => emitter.close({ timeout: 100 }) });
    const first = makeEvents(2);
    for (const e of first) emitter.input(e);
    await emitter.flush({ timeout: 100 }); // fails with 503: now in a long backoff
    fail = false;
    const more = makeEvents(30);
    for (const e of more) emitter.input(e);
    const before = requests.length;
    const budget = 5_000;
    const sent = emitter.flushOnUnload({ maxBytes: budget });
    const unloadRequests = requests.slice(before);
    expect(unloadRequests.length).toBeGreaterThan(0);
    for (const r of unloadRequests) expect(r.unloading).toBe(true);
    const bodyBytes = unloadRequests.reduce((sum, r) => sum + Buffer.byteLength(r.body ?? ''), 0);
    expect(bodyBytes).toBeLessThanOrEqual(budget);
    // The retried batch goes first.
    expect(JSON.parse(unloadRequests[0]!.body!).data.map((e: { eid: string }) => e.eid)).toEqual(first.map((e) => e.eid));
    expect(sent).toBe(unloadRequests.reduce((n, r) => n + JSON.parse(r.body!).data.length, 0));
    expect(sent).toBeLessThan(32);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(emitter.stats().delivered).toBe(sent);
    expect(emitter.stats().queued).toBe(32 - sent);
  });
});
