import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src/node/emitter.js';
import type { EmitterOptions } from '../../src/emitter/options.js';
import { closedAfterEachTest, freePort } from './helpers/collector.js';
import { countByEid, makeEvents } from './helpers/events.js';

const { open, collector } = closedAfterEachTest();

function emitterFor(url: string, options: EmitterOptions = {}): Emitter {
  const emitter = new Emitter(url, { maxRetryDelay: 1_000, ...options });
  open.push({ close: () => emitter.close({ timeout: 100 }) });
  return emitter;
}


function expectEachOnce(received: string[], sent: { eid: string }[]): void {
  const counts = countByEid(received);
  expect(counts.size).toBe(sent.length);
  for (const { eid } of sent) expect(counts.get(eid)).toBe(1);
}

describe('retries against a real collector', () => {
  it('500 three times then 200: every event delivered exactly once', async () => {
    const c = await collector((i) => ({ status: i < 3 ? 500 : 200 }));
    const failures: boolean[] = [];
    const emitter = emitterFor(c.url, { onFailure: (_n, _events, info) => failures.push(info.willRetry) });
    const events = makeEvents(120);
    for (const e of events) emitter.input(e);
    const result = await emitter.flush({ timeout: 20_000 });
    expect(result).toMatchObject({ ok: true, timedOut: false, queued: 0, inFlight: 0 });
    expectEachOnce(c.acceptedEids, events);
    expect(failures).toEqual([true, true, true]);
    const stats = emitter.stats();
    expect(stats.delivered).toBe(120);
    expect(stats.retried).toBeGreaterThan(0);
    expect(stats.failed).toBe(0);
    // A batch keeps its events (and eids) across retries: the retried bodies carried the same eids.
    const firstEids = c.requests[0]!.events.map((e) => e.eid);
    expect(c.requests[3]!.events.map((e) => e.eid)).toEqual(firstEids);
  });

  it('collector refusing connections for several attempts, then up: all delivered', async () => {
    const port = await freePort();
    const emitter = emitterFor(`http://127.0.0.1:${port}`);
    const events = makeEvents(200);
    for (const e of events) emitter.input(e);
    const flushing = emitter.flush({ timeout: 20_000 });
    // Down until several attempts have failed (a state, not a fixed time: load only slows it).
    while (emitter.stats().retried < 3 * 50) await new Promise((r) => setTimeout(r, 20));
    expect(emitter.stats().delivered).toBe(0);
    const c = await collector(undefined, port);
    const result = await flushing;
    expect(result.ok).toBe(true);
    expectEachOnce(c.acceptedEids, events);
  });

  it('429 with Retry-After: 2 → no attempt sooner', async () => {
    const c = await collector((i) => (i === 0 ? { status: 429, headers: { 'Retry-After': '2' } } : { status: 200 }));
    // Retry-After is honoured up to maxRetryDelay.
    const emitter = emitterFor(c.url, { maxConcurrentRequests: 4, maxRetryDelay: 5_000 });
    const events = makeEvents(30);
    for (const e of events) emitter.input(e);
    expect((await emitter.flush({ timeout: 20_000 })).ok).toBe(true);
    expect(c.requests.length).toBe(2);
    expect(c.requests[1]!.at - c.requests[0]!.at).toBeGreaterThanOrEqual(2_000);
    expectEachOnce(c.acceptedEids, events);
  });

  it('Retry-After as an HTTP date is honoured too', async () => {
    const c = await collector((i) =>
      i === 0 ? { status: 503, headers: { 'Retry-After': new Date(Date.now() + 2_000).toUTCString() } } : { status: 200 },
    );
    const emitter = emitterFor(c.url, { maxRetryDelay: 5_000 });
    for (const e of makeEvents(5)) emitter.input(e);
    expect((await emitter.flush({ timeout: 20_000 })).ok).toBe(true);
    // HTTP dates have 1 s resolution: no attempt before the (truncated) date the server gave.
    expect(c.requests[1]!.at).toBeGreaterThanOrEqual(Math.floor((c.requests[0]!.at + 2_000) / 1000) * 1000);
  });

  for (const [what, header] of [
    ['99999999999 seconds', '99999999999'],
    ['a date in year 9999', 'Fri, 31 Dec 9999 23:59:59 GMT'],
    ['a day', '86400'],
  ] as const) {
    it(`Retry-After of ${what} waits at most maxRetryDelay, with no timer overflow`, async () => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.name);
      process.on('warning', onWarning);
      try {
        const c = await collector((i) => (i === 0 ? { status: 503, headers: { 'Retry-After': header } } : { status: 200 }));
        const emitter = emitterFor(c.url, { maxRetryDelay: 1_000 });
        const events = makeEvents(10);
        for (const e of events) emitter.input(e);
        expect((await emitter.flush({ timeout: 20_000 })).ok).toBe(true);
        // One failed request, one retry after the capped wait: no busy loop of attempts.
        expect(c.requests.length).toBe(2);
        expect(c.requests[1]!.at - c.requests[0]!.at).toBeLessThan(5_000);
        expectEachOnce(c.acceptedEids, events);
        expect(warnings).not.toContain('TimeoutOverflowWarning');
      } finally {
        process.off('warning', onWarning);
      }
    });
  }

  it('durations beyond a timer\'s range are clamped, not overflowed', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const port = await freePort();
      const emitter = emitterFor(`http://127.0.0.1:${port}`, { maxRetryDelay: 1e15, flushInterval: 1e15, requestTimeout: 1e15 });
      for (const e of makeEvents(1)) emitter.input(e);
      // A flush bounded by an absurd timeout must wait, not fire at once.
      let settled = false;
      void emitter.flush({ timeout: 1e15 }).then(() => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('a hanging collector: timeout, retry, delivered after it recovers', async () => {
    const c = await collector((i) => (i < 2 ? 'hang' : { status: 200 }));
    const emitter = emitterFor(c.url, { requestTimeout: 300 });
    const events = makeEvents(40);
    for (const e of events) emitter.input(e);
    const result = await emitter.flush({ timeout: 20_000 });
    expect(result.ok).toBe(true);
    expect(c.requests.length).toBe(3);
    expectEachOnce(c.acceptedEids, events);
  });

  it('connection cut mid-request is retried', async () => {
    const c = await collector((i) => (i === 0 ? 'destroy' : { status: 200 }));
    const emitter = emitterFor(c.url);
    const events = makeEvents(10);
    for (const e of events) emitter.input(e);
    expect((await emitter.flush({ timeout: 20_000 })).ok).toBe(true);
    expectEachOnce(c.acceptedEids, events);
  });

  it.each([400, 401, 403, 410, 422])('%i → dropped, onFailure told, not retried', async (status) => {
    const c = await collector(() => ({ status }));
    const calls: { successCount: number; eids: string[]; willRetry: boolean; status: number; cause: string }[] = [];
    const emitter = emitterFor(c.url, {
      onFailure: (successCount, failed, info) => calls.push({ successCount, eids: failed.map((e) => e.eid!), ...info }),
    });
    const events = makeEvents(5);
    for (const e of events) emitter.input(e);
    const result = await emitter.flush({ timeout: 10_000 });
    expect(result).toMatchObject({ ok: false, timedOut: false, failed: 5, queued: 0 });
    expect(c.requests.length).toBe(1);
    expect(calls).toEqual([{ successCount: 0, eids: events.map((e) => e.eid), willRetry: false, status, cause: `HTTP ${status}` }]);
    expect(emitter.stats()).toMatchObject({ failed: 5, delivered: 0, retried: 0, queued: 0 });
  });

  it('customRetryCodes overrides the table both ways', async () => {
    const c = await collector((i) => ({ status: i === 0 ? 403 : i === 1 ? 503 : 200 }));
    const emitter = emitterFor(c.url, { customRetryCodes: { 403: true, 503: false } });
    for (const e of makeEvents(3)) emitter.input(e);
    const result = await emitter.flush({ timeout: 10_000 });
    expect(c.requests.length).toBe(2);
    expect(result).toMatchObject({ ok: false, failed: 3 });
  });
});
