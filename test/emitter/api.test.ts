import { describe, expect, it } from 'vitest';
import { Emitter as CoreEmitter } from '../../src/emitter/emitter.js';
import { collectorBase } from '../../src/emitter/endpoint.js';
import { Emitter } from '../../src/node/emitter.js';
import { Tracker } from '../../src/core/tracker.js';
import type { Transport } from '../../src/transports/types.js';
import { SCHEMAS } from '../../src/core/schemas.js';
import { closedAfterEachTest } from './helpers/collector.js';
import { makeEvents } from './helpers/events.js';

const { open, collector } = closedAfterEachTest();


function track<E extends { close(o?: { timeout?: number }): Promise<unknown> }>(emitter: E): E {
  open.push({ close: () => emitter.close({ timeout: 100 }) });
  return emitter;
}

describe('endpoint', () => {
  it.each([
    ['collector.example.com', 'https', undefined, 'https://collector.example.com'],
    ['collector.example.com', 'http', 8080, 'http://collector.example.com:8080'],
    ['localhost:9090', 'https', 1234, 'https://localhost:9090'],
    ['http://localhost:9090/', 'https', undefined, 'http://localhost:9090'],
    ['https://c.example.com:443', 'http', 8443, 'https://c.example.com'],
    ['https://c.example.com/proxy/', 'http', undefined, 'https://c.example.com/proxy'],
  ] as const)('%s (protocol %s, port %s) → %s', (endpoint, protocol, port, expected) => {
    expect(collectorBase(endpoint, protocol, port)).toBe(expected);
  });

  it('rejects bad endpoints and options at construction', () => {
    expect(() => new Emitter('')).toThrow(TypeError);
    expect(() => new Emitter('ftp://x.example.com')).toThrow(/http or https/);
    expect(() => new Emitter('x.example.com', { bufferSize: 0 })).toThrow(/bufferSize/);
    expect(() => new Emitter('x.example.com', { method: 'put' as 'post' })).toThrow(/method/);
  });
});

describe('requests on the wire', () => {
  it('POST: payload_data envelope, one stm per attempt in every event, JSON content type, custom headers', async () => {
    const c = await collector();
    const emitter = track(new Emitter(c.url, { customHeaders: { 'X-Test': 'yes' }, postPath: 'custom/path' }));
    const events = makeEvents(3);
    for (const e of events) emitter.input(e);
    await emitter.flush();
    const [r] = c.requests;
    expect(r!.url).toBe('/custom/path');
    expect(r!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r!.headers['x-test']).toBe('yes');
    const body = JSON.parse(r!.body) as { schema: string; data: Record<string, string>[] };
    expect(body.schema).toBe(SCHEMAS.payloadData);
    expect(body.data.map((e) => e.eid)).toEqual(events.map((e) => e.eid));
    const stms = new Set(body.data.map((e) => e.stm));
    expect(stms.size).toBe(1);
    expect(Number([...stms][0])).toBeGreaterThan(1.6e12);
    expect(Object.keys(body.data[0]!)[0]).toBe('stm');
    for (const e of body.data) for (const v of Object.values(e)) expect(typeof v).toBe('string');
  });

  it('GET: one event per request to /i with stm first', async () => {
    const c = await collector();
    const emitter = track(new Emitter(c.url, { method: 'get' }));
    const events = makeEvents(3, { url: 'https://x.example.com/a b?c=d&e' });
    for (const e of events) emitter.input(e);
    await emitter.flush();
    expect(c.requests.length).toBe(3);
    for (const r of c.requests) {
      expect(r.method).toBe('GET');
      expect(r.url).toMatch(/^\/i\?stm=\d{13}&e=se&eid=/);
      expect(r.events[0]!.url).toBe('https://x.example.com/a b?c=d&e');
    }
    expect(c.acceptedEids.sort()).toEqual(events.map((e) => e.eid).sort());
  });

  it('a stm is stamped per attempt, not stored', async () => {
    const c = await collector((i) => ({ status: i === 0 ? 503 : 200 }));
    const emitter = track(new Emitter(c.url, { maxRetryDelay: 200 }));
    for (const e of makeEvents(2)) emitter.input(e);
    await new Promise((r) => setTimeout(r, 20));
    await emitter.flush();
    const [first, second] = c.requests.map((r) => r.events[0]!.stm);
    expect(Number(second)).toBeGreaterThanOrEqual(Number(first));
    expect(c.requests[1]!.body.match(/"stm"/g)!.length).toBe(2);
  });
});

describe('adapters and callbacks', () => {
  it('a custom transport is used instead of the platform one', async () => {
    const c = await collector();
    const seen: string[] = [];
    const transport: Transport = async (request) => {
      seen.push(`${request.method} ${request.url}`);
      const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
      await res.arrayBuffer();
      return { status: res.status, header: (name) => res.headers.get(name) ?? undefined };
    };
    // The core emitter with no platform at all: only the custom transport.
    const emitter = track(new CoreEmitter(c.url, { transport }));
    const events = makeEvents(4);
    for (const e of events) emitter.input(e);
    expect((await emitter.flush()).ok).toBe(true);
    expect(seen).toEqual([`POST ${c.url}/com.snowplowanalytics.snowplow/tp2`]);
    expect(c.acceptedEids).toEqual(events.map((e) => e.eid));
  });

  it('a transport that throws synchronously is a network error, retried', async () => {
    let calls = 0;
    const transport: Transport = (request) => {
      if (calls++ === 0) throw new Error('boom');
      return Promise.resolve({ status: 200, header: () => undefined, request });
    };
    const emitter = track(new CoreEmitter('collector.invalid', { transport, maxRetryDelay: 100 }));
    for (const e of makeEvents(3)) emitter.input(e);
    expect((await emitter.flush()).ok).toBe(true);
    expect(emitter.stats()).toMatchObject({ delivered: 3, retried: 3 });
  });

  it('status 0 (handed off, answer unknowable) counts as delivered', async () => {
    const transport: Transport = () => Promise.resolve({ status: 0, header: () => undefined });
    const emitter = track(new CoreEmitter('collector.invalid', { transport }));
    for (const e of makeEvents(3)) emitter.input(e);
    expect((await emitter.flush()).ok).toBe(true);
  });

  it('callbacks that throw never break delivery; they receive parsed payloads', async () => {
    const c = await collector((i) => ({ status: i % 2 === 0 ? 500 : 200 }));
    const successes: string[][] = [];
    const original = console.warn;
    console.warn = () => undefined;
    try {
      const emitter = track(
        new Emitter(c.url, {
          maxPostBytes: 1_000,
          maxRetryDelay: 50,
          onSuccess: (events) => {
            successes.push(events.map((e) => e.eid!));
            throw new Error('onSuccess throws');
          },
          onFailure: () => {
            throw new Error('onFailure throws');
          },
          onDrop: () => {
            throw new Error('onDrop throws');
          },
          maxQueueEvents: 20,
        }),
      );
      const events = makeEvents(25);
      for (const e of events) emitter.input(e);
      expect((await emitter.flush({ timeout: 10_000 })).ok).toBe(true);
      expect(successes.flat().sort()).toEqual(events.slice(0, 20).map((e) => e.eid).sort());
      expect(emitter.stats()).toMatchObject({ delivered: 20, dropped: 5 });
    } finally {
      console.warn = original;
    }
  });

  it('with the real Tracker: events arrive valid, with their eids', async () => {
    const c = await collector();
    const emitter = new Emitter(c.url);
    const tracker = new Tracker(emitter, { namespace: 'ns', appId: 'app' });
    open.push({ close: () => emitter.close({ timeout: 100 }) });
    const ids = [
      tracker.trackStructEvent({ category: 'c', action: 'a' }),
      tracker.trackSelfDescribingEvent({
        event: { schema: 'iglu:com.acme/thing/jsonschema/1-0-0', data: { n: 1 } },
        context: [{ schema: 'iglu:com.acme/ctx/jsonschema/1-0-0', data: { k: 'é' } }],
      }),
    ];
    await tracker.flush();
    expect(c.acceptedEids).toEqual(ids);
    for (const e of c.requests[0]!.events) expect(e).toMatchObject({ tna: 'ns', aid: 'app', stm: expect.stringMatching(/^\d+$/) });
  });
});
