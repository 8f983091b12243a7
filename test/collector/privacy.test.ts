// /micro/* is private by default: readable by the collector's own page, allowed origins and
// non-browser tools only; the tracking endpoints keep answering every origin.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector } from '../../collector/src/index.js';
import type { RunningCollector } from '../../collector/src/index.js';
import { TP2, counts, event, postEvents, useCollector } from './helpers.js';

const live = useCollector();
const FOREIGN = 'https://evil.example';
const ALLOWED = 'http://localhost:5173';

/** A raw request with exactly the headers given (fetch would not let a test set Host). */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, setHost: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('by default', () => {
  it('refuses /micro/* to a foreign origin, and answers its preflight without CORS or private-network access', async () => {
    await postEvents(live.url, [event({ uid: 'secret-user' })], { headers: { Origin: FOREIGN } });
    const read = await fetch(`${live.url}/micro/good`, { headers: { Origin: FOREIGN } });
    expect(read.status).toBe(403);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(await read.text()).not.toContain('secret-user');
    const preflight = await fetch(`${live.url}/micro/good`, {
      method: 'OPTIONS',
      headers: { Origin: FOREIGN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Private-Network': 'true' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-private-network')).toBeNull();
  });

  it('refuses a foreign page\'s no-cors request (no Origin, Sec-Fetch-Site: cross-site)', async () => {
    const response = await fetch(`${live.url}/micro/good`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(response.status).toBe(403);
    const reset = await fetch(`${live.url}/micro/reset`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(reset.status).toBe(403);
  });

  it('serves the collector\'s own page and origin, and tools without an Origin', async () => {
    await postEvents(live.url, [event()]);
    const own = await fetch(`${live.url}/micro/good`, { headers: { Origin: live.url } });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(live.url);
    const tool = await fetch(`${live.url}/micro/good`);
    expect(tool.status).toBe(200);
    expect(((await tool.json()) as unknown[]).length).toBe(1);
  });

  it('keeps tracking endpoints open to every origin, private-network preflights included', async () => {
    const preflight = await fetch(`${live.url}${TP2}`, {
      method: 'OPTIONS',
      headers: { Origin: FOREIGN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Private-Network': 'true' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(FOREIGN);
    expect(preflight.headers.get('access-control-allow-private-network')).toBe('true');
    expect((await postEvents(live.url, [event()], { headers: { Origin: FOREIGN } })).headers.get('access-control-allow-origin')).toBe(FOREIGN);
  });

  it('resets only by POST from a browser; GET stays for tools, as in Micro', async () => {
    await postEvents(live.url, [event()]);
    const browserGet = await fetch(`${live.url}/micro/reset`, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
    expect(browserGet.status).toBe(405);
    expect((await counts(live.url)).total).toBe(1);
    const foreignPost = await fetch(`${live.url}/micro/reset`, { method: 'POST', headers: { Origin: FOREIGN } });
    expect(foreignPost.status).toBe(403);
    expect((await counts(live.url)).total).toBe(1);
    expect((await fetch(`${live.url}/micro/reset`, { method: 'POST', headers: { Origin: live.url } })).status).toBe(200);
    await postEvents(live.url, [event()]);
    expect(await (await fetch(`${live.url}/micro/reset`)).json()).toEqual({ total: 0, good: 0, bad: 0 });
  });

  it('answers /micro/* only for a Host naming localhost or the bound address (DNS rebinding)', async () => {
    const port = live.collector.port;
    expect((await raw(port, '/micro/good', { Host: `attacker.example:${port}` })).status).toBe(421);
    expect((await raw(port, '/micro/good', { Host: `localhost:${port}` })).status).toBe(200);
    expect((await raw(port, '/micro/good', { Host: `127.0.0.1:${port}` })).status).toBe(200);
    // Tracking still works whatever the Host: a tracker may reach the collector through any name.
    expect((await raw(port, '/i?e=pv&p=web&tv=t', { Host: 'collector.example' })).status).toBe(200);
  });

  it('sends nosniff everywhere and a strict CSP on the events page', async () => {
    const page = await fetch(`${live.url}/micro/ui`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    for (const path of ['/micro/good', '/micro/all', TP2]) {
      expect((await fetch(`${live.url}${path}`)).headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('with --allow-origin', () => {
  let listed: RunningCollector;
  let any: RunningCollector;
  beforeAll(async () => {
    listed = await startCollector({ allowOrigins: [ALLOWED] });
    any = await startCollector({ allowOrigins: ['*'] });
  });
  afterAll(async () => {
    await listed.close();
    await any.close();
  });

  it('lets the listed origin read /micro/*, and no other', async () => {
    const allowed = await fetch(`${listed.url}/micro/good`, { headers: { Origin: ALLOWED } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const preflight = await fetch(`${listed.url}/micro/reset`, { method: 'OPTIONS', headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect((await fetch(`${listed.url}/micro/good`, { headers: { Origin: FOREIGN } })).status).toBe(403);
  });

  it('lets every origin read with *', async () => {
    const response = await fetch(`${any.url}/micro/good`, { headers: { Origin: FOREIGN } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(FOREIGN);
  });

  it('refuses an allowed origin that is not an origin', async () => {
    await expect(startCollector({ allowOrigins: ['not a url'] })).rejects.toThrow(/is not an origin like https:\/\/app\.example:8080/);
  });
});
