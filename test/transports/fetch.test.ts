import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Emitter } from '../../src/emitter/emitter.js';
import { createFetchPlatform, fetchTransport } from '../../src/transports/fetch.js';
import { makeEvents } from '../emitter/helpers/events.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function server(handler: http.RequestListener): Promise<string> {
  const s = http.createServer(handler);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r()))));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

describe('fetchTransport', () => {
  it('returns status and headers from a real server', async () => {
    let body = '';
    const url = await server((req, res) => {
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => res.writeHead(503, { 'Retry-After': '3' }).end());
    });
    const res = await fetchTransport()({ url, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"x":"1"}', timeout: 5_000 });
    expect(res.status).toBe(503);
    expect(res.header('Retry-After')).toBe('3');
    expect(body).toBe('{"x":"1"}');
  });

  it('aborts after the timeout', async () => {
    const url = await server(() => undefined);
    await expect(fetchTransport()({ url, method: 'GET', headers: {}, timeout: 200 })).rejects.toThrow();
  });

  it('uses the given fetch, with keepalive when unloading', async () => {
    const url = await server((_req, res) => res.end());
    const inits: RequestInit[] = [];
    const spy: typeof fetch = (input, init) => (inits.push(init ?? {}), fetch(input, init));
    const transport = fetchTransport({ fetch: spy, credentials: 'include' });
    await transport({ url, method: 'GET', headers: {}, timeout: 5_000 });
    await transport({ url, method: 'GET', headers: {}, timeout: 5_000, unloading: true });
    expect(inits.map((i) => i.keepalive)).toEqual([false, true]);
    expect(inits[0]!.credentials).toBe('include');
  });

  it('falls back to loadFetch when there is no global fetch', async () => {
    const url = await server((_req, res) => res.end());
    const realFetch = globalThis.fetch;
    let loads = 0;
    const transport = fetchTransport({ loadFetch: async () => (loads++, realFetch) });
    (globalThis as { fetch?: typeof fetch }).fetch = undefined;
    try {
      expect((await transport({ url, method: 'GET', headers: {}, timeout: 5_000 })).status).toBe(200);
      expect((await transport({ url, method: 'GET', headers: {}, timeout: 5_000 })).status).toBe(200);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(loads).toBe(1);
  });

  it('drives the core Emitter end to end (the neutral platform)', async () => {
    const eids: string[] = [];
    const url = await server((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        for (const e of (JSON.parse(body) as { data: { eid: string }[] }).data) eids.push(e.eid);
        res.end();
      });
    });
    const emitter = new Emitter(url, {}, createFetchPlatform());
    const events = makeEvents(30);
    for (const e of events) emitter.input(e);
    expect((await emitter.close()).ok).toBe(true);
    expect(eids).toEqual(events.map((e) => e.eid));
  });
});
