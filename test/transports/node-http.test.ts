import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttpTransport } from '../../src/transports/node-http.js';
import type { TransportRequest } from '../../src/transports/types.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function server(handler: http.RequestListener): Promise<{ url: string; sockets: Set<unknown> }> {
  const s = http.createServer(handler);
  const sockets = new Set<unknown>();
  s.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r()))));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, sockets };
}

const post = (url: string, body = '{"a":"é"}', timeout = 5_000): TransportRequest => ({
  url,
  method: 'POST',
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body,
  timeout,
});

describe('nodeHttpTransport', () => {
  it('sends the body with its byte length and returns status and headers', async () => {
    let seen = '';
    let length = '';
    const s = await server((req, res) => {
      length = req.headers['content-length'] ?? '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (seen += c));
      req.on('end', () => res.writeHead(429, { 'Retry-After': '7', 'X-Multi': ['a', 'b'] }).end('busy'));
    });
    const transport = nodeHttpTransport();
    cleanups.push(() => transport.close?.());
    const res = await transport(post(`${s.url}/tp2`));
    expect(res.status).toBe(429);
    expect(res.header('retry-after')).toBe('7');
    expect(res.header('RETRY-AFTER')).toBe('7');
    expect(res.header('x-multi')).toBe('a, b');
    expect(res.header('absent')).toBeUndefined();
    expect(seen).toBe('{"a":"é"}');
    expect(length).toBe(String(Buffer.byteLength('{"a":"é"}')));
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    const s = await server((_req, res) => res.end());
    const transport = nodeHttpTransport();
    cleanups.push(() => transport.close?.());
    for (let i = 0; i < 5; i++) expect((await transport(post(s.url))).status).toBe(200);
    expect(s.sockets.size).toBe(1);
  });

  it('rejects when the deadline passes, for a server that never answers', async () => {
    const s = await server(() => undefined);
    const transport = nodeHttpTransport();
    cleanups.push(() => transport.close?.());
    await expect(transport(post(s.url, '{}', 200))).rejects.toThrow(/timed out/);
  });

  it('rejects on a refused connection', async () => {
    const s = await server((_req, res) => res.end());
    const url = s.url;
    await cleanups.pop()!();
    const transport = nodeHttpTransport();
    await expect(transport(post(url))).rejects.toThrow();
    transport.close?.();
  });

  it('GET without a body', async () => {
    let url = '';
    const s = await server((req, res) => ((url = req.url ?? ''), res.end()));
    const transport = nodeHttpTransport();
    cleanups.push(() => transport.close?.());
    const res = await transport({ url: `${s.url}/i?stm=1&e=pv`, method: 'GET', headers: {}, timeout: 5_000 });
    expect(res.status).toBe(200);
    expect(url).toBe('/i?stm=1&e=pv');
  });
});
