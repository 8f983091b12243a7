import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src/node/emitter.js';
import type { EmitterOptions } from '../../src/emitter/options.js';
import { postBodyBytes } from '../../src/emitter/request.js';
import type { Transport } from '../../src/transports/types.js';
import { closedAfterEachTest, freePort, startCollector } from './helpers/collector.js';
import { countByEid, makeEvent, makeEvents } from './helpers/events.js';

const { open, collector } = closedAfterEachTest();

function emitterFor(url: string, options: EmitterOptions = {}): Emitter {
  const emitter = new Emitter(url, options);
  open.push({ close: () => emitter.close({ timeout: 100 }) });
  return emitter;
}


describe('bounded queue', () => {
  it('queue full by events: onDrop with the exact count, the rest delivered', async () => {
    const c = await collector();
    const drops: [number, string][] = [];
    const emitter = emitterFor(c.url, { maxQueueEvents: 100, onDrop: (n, reason) => drops.push([n, reason]) });
    const events = makeEvents(250);
    for (const e of events) emitter.input(e);
    expect(emitter.stats()).toMatchObject({ dropped: 150, queued: 100 });
    const result = await emitter.flush({ timeout: 10_000 });
    expect(result.ok).toBe(true);
    expect(drops).toEqual([[150, 'queue-full']]);
    // Drop policy: the newest events are refused; the first 100 are delivered.
    expect(c.acceptedEids).toEqual(events.slice(0, 100).map((e) => e.eid));
  });

  it('queue full by bytes', async () => {
    const c = await collector();
    let dropped = 0;
    const events = makeEvents(50);
    const limit = events.slice(0, 20).reduce((sum, e) => sum + e.bytes, 0);
    const emitter = emitterFor(c.url, { maxQueueBytes: limit, onDrop: (n) => (dropped += n) });
    for (const e of events) emitter.input(e);
    await emitter.flush({ timeout: 10_000 });
    expect(dropped).toBe(30);
    expect(c.acceptedEids.length).toBe(20);
  });

  it('space freed by delivery is reused', async () => {
    const c = await collector();
    const emitter = emitterFor(c.url, { maxQueueEvents: 100 });
    for (let round = 0; round < 5; round++) {
      for (const e of makeEvents(100)) emitter.input(e);
      await emitter.flush({ timeout: 10_000 });
    }
    expect(emitter.stats()).toMatchObject({ delivered: 500, dropped: 0 });
  });
});

describe('maxPostBytes', () => {
  it('is strict: no body exceeds it, every event is delivered once', async () => {
    const c = await collector();
    const maxPostBytes = 2_000;
    const emitter = emitterFor(c.url, { maxPostBytes });
    // Mixed sizes, including multi-byte characters (the limit counts UTF-8 bytes).
    const events = Array.from({ length: 300 }, (_, i) => makeEvent({ se_la: 'é€😀'.repeat(i % 40) + 'x'.repeat((i * 37) % 300) }));
    for (const e of events) emitter.input(e);
    expect((await emitter.flush({ timeout: 10_000 })).ok).toBe(true);
    for (const r of c.requests) expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(maxPostBytes);
    // Batches are filled, not one event per request.
    expect(c.requests.length).toBeLessThan(events.length / 2);
    expect(countByEid(c.acceptedEids).size).toBe(events.length);
    expect(c.acceptedEids.length).toBe(events.length);
  });

  it('the body-size arithmetic is exact', async () => {
    const c = await collector();
    const emitter = emitterFor(c.url);
    const events = makeEvents(7, { se_la: 'ü'.repeat(33) });
    for (const e of events) emitter.input(e);
    await emitter.flush({ timeout: 10_000 });
    expect(Buffer.byteLength(c.requests[0]!.body)).toBe(postBodyBytes(events));
  });

  it('a POST request tells its transport the exact UTF-8 size of its body', async () => {
    const sizes: Array<[number | undefined, number]> = [];
    const transport: Transport = async (request) => {
      sizes.push([request.bytes, Buffer.byteLength(request.body!)]);
      return { status: 200, header: () => undefined };
    };
    const emitter = emitterFor('http://127.0.0.1:9', { transport, maxPostBytes: 2_000 });
    for (const e of makeEvents(20, { se_la: 'é€😀 '.repeat(20) })) emitter.input(e);
    expect((await emitter.flush()).ok).toBe(true);
    expect(sizes.length).toBeGreaterThan(1);
    for (const [told, actual] of sizes) expect(told).toBe(actual);
  });

  it('a single oversize event is sent alone by POST and reported', async () => {
    const c = await collector();
    const reported: [string, number][] = [];
    const emitter = emitterFor(c.url, { maxPostBytes: 1_000, onOversize: (event, bytes) => reported.push([event.eid!, bytes]) });
    const small = makeEvents(3);
    const big = makeEvent({ se_la: 'x'.repeat(5_000) });
    for (const e of [small[0]!, big, small[1]!, small[2]!]) emitter.input(e);
    expect((await emitter.flush({ timeout: 10_000 })).ok).toBe(true);
    expect(reported).toEqual([[big.eid, postBodyBytes([big])]]);
    const alone = c.requests.find((r) => r.events.some((e) => e.eid === big.eid))!;
    expect(alone.method).toBe('POST');
    expect(alone.events.length).toBe(1);
    expect(c.acceptedEids.sort()).toEqual([big, ...small].map((e) => e.eid).sort());
    for (const r of c.requests) if (r !== alone) expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(1_000);
  });
});

describe('flush and close', () => {
  it('flush({ timeout }) with the collector down resolves with what is still queued', async () => {
    const emitter = emitterFor(`http://127.0.0.1:${await freePort()}`);
    for (const e of makeEvents(25)) emitter.input(e);
    const result = await emitter.flush({ timeout: 800 });
    expect(result.timedOut).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.queued + result.inFlight).toBe(25);
  });

  it('flush resolves at once when nothing is queued', async () => {
    const c = await collector();
    const emitter = emitterFor(c.url);
    expect(await emitter.flush()).toEqual({ ok: true, timedOut: false, failed: 0, queued: 0, inFlight: 0 });
  });

  it('flush waits only for events queued before it', async () => {
    const c = await startCollector((i) => (i === 0 ? 'hang' : { status: 200 }));
    open.push(c);
    const emitter = emitterFor(c.url, { requestTimeout: 60_000 });
    emitter.input(makeEvent());
    await emitter.flush({ timeout: 200 }); // the first request now hangs, in flight
    const later = makeEvents(3);
    for (const e of later) emitter.input(e);
    // A second flush must not resolve before the hanging batch settles…
    const second = await emitter.flush({ timeout: 500 });
    expect(second.timedOut).toBe(true);
    expect(c.acceptedEids).toEqual(later.map((e) => e.eid)); // …although the later events were delivered.
  });

  it('close flushes and stops; later input is dropped as closed: onDrop replaces the warning, stats and the next flush report it', async () => {
    const c = await collector();
    const drops: [number, string][] = [];
    const emitter = emitterFor(c.url, { onDrop: (n, r) => drops.push([n, r]) });
    const events = makeEvents(12);
    for (const e of events) emitter.input(e);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      expect((await emitter.close()).ok).toBe(true);
      for (const e of makeEvents(3)) emitter.input(e);
      await Promise.resolve();
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([]);
    expect(drops).toEqual([[3, 'closed']]);
    expect(emitter.stats().dropped).toBe(3);
    expect(c.acceptedEids.length).toBe(12);
    // The next flush reports them once, as given up; the one after has nothing to report.
    expect(await emitter.flush()).toMatchObject({ ok: false, failed: 3, queued: 0 });
    expect(await emitter.flush()).toMatchObject({ ok: true, failed: 0, queued: 0 });
  });

  it('tracking after close() with no onDrop: one console warning naming the fix, however many events', async () => {
    const c = await collector();
    const emitter = emitterFor(c.url);
    await emitter.close();
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      for (const e of makeEvents(2)) emitter.input(e);
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([['isotrack: tracked after close(): dropped']]);
    expect(emitter.stats()).toMatchObject({ dropped: 2, delivered: 0 });
    expect(await emitter.flush()).toMatchObject({ ok: false, failed: 2 });
    expect(c.requests).toHaveLength(0);
  });
});
