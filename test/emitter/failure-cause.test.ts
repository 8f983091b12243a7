// onFailure's third argument says why a request failed (issue 10, item 6): the status,
// or the network error's code and message.
import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src/node/emitter.js';
import type { EmitterOptions, FailureInfo } from '../../src/emitter/options.js';
import { closedAfterEachTest, freePort } from './helpers/collector.js';
import { makeEvents } from './helpers/events.js';

const { open, collector } = closedAfterEachTest();

/** The first onFailure info of an emitter sending 2 events to `endpoint`. */
async function firstFailure(endpoint: string, options: EmitterOptions = {}): Promise<FailureInfo> {
  let resolve!: (info: FailureInfo) => void;
  const failed = new Promise<FailureInfo>((r) => (resolve = r));
  const emitter = new Emitter(endpoint, { ...options, onFailure: (_n, _events, info) => resolve(info) });
  open.push({ close: () => emitter.close({ timeout: 50 }) });
  for (const event of makeEvents(2)) emitter.input(event);
  void emitter.flush({ timeout: 100 });
  return failed;
}

describe('onFailure info carries the cause', () => {
  it('connection refused: ECONNREFUSED', async () => {
    const info = await firstFailure(`http://127.0.0.1:${await freePort()}`);
    expect(info).toMatchObject({ willRetry: true, status: 0 });
    expect(info.cause).toMatch(/^ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect((info.error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('a host that does not resolve: ENOTFOUND (or EAI_AGAIN without DNS)', async () => {
    const info = await firstFailure('http://collector.invalid');
    expect(info.cause).toMatch(/^(ENOTFOUND|EAI_AGAIN): getaddrinfo \w+ collector\.invalid$/);
  });

  it('https against a plain-http collector: the TLS error', async () => {
    const c = await collector();
    const info = await firstFailure(`https://127.0.0.1:${c.port}`);
    expect(info.cause).toMatch(/^EPROTO: .*(wrong version number|packet length too long)/);
  });

  it('no answer within requestTimeout: the timeout', async () => {
    const c = await collector(() => 'hang');
    const info = await firstFailure(c.url, { requestTimeout: 200 });
    expect(info.cause).toBe('isotrack: request timed out after 200 ms');
  });

  it('an HTTP error: the status', async () => {
    const c = await collector(() => ({ status: 503 }));
    const info = await firstFailure(c.url);
    expect(info).toMatchObject({ willRetry: true, status: 503, cause: 'HTTP 503' });
  });

  it('fetch (undici) puts the system error in `cause`: its code is reported', async () => {
    const { fetchTransport } = await import('../../src/transports/fetch.js');
    const info = await firstFailure(`http://127.0.0.1:${await freePort()}`, { transport: fetchTransport() });
    expect(info.cause).toMatch(/^ECONNREFUSED: connect ECONNREFUSED/);
  });
});

