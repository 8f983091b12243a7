// Malformed and hostile requests: the collector records or refuses them and keeps serving.
import { connect } from 'node:net';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startCollector } from '../../collector/src/index.js';
import { PAYLOAD_DATA, TP2, bad, badErrors, counts, event, getEvent, good, postBody, postEvents, useCollector } from './helpers.js';

const live = useCollector();

/** Proves the collector still works after whatever the test did. */
async function stillServing(): Promise<void> {
  await postEvents(live.url, [event()]);
  expect((await good(live.url)).length).toBeGreaterThan(0);
}

/** Sends raw bytes over TCP and resolves with whatever comes back before the socket closes. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(live.collector.port, '127.0.0.1', () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('oversized bodies', () => {
  it('refuses a 10 MB body with 413 and records it as bad', async () => {
    const filler = 'x'.repeat(10 * 1024 * 1024);
    const response = await postBody(live.url, JSON.stringify({ schema: PAYLOAD_DATA, data: [event({ url: filler })] }));
    expect(response.status).toBe(413);
    const [item] = await bad(live.url);
    expect(item?.errors).toEqual([expect.stringMatching(/^body of \d+ bytes is over the 1048576-byte limit/)]);
    // Nothing of the body is kept: memory stays bounded.
    expect(item?.collectorPayload.body).toBeNull();
    await stillServing();
  });

  it('accepts a body just under the limit', async () => {
    const fields = event({ url: `https://example.com/${'a'.repeat(900_000)}` });
    expect((await postEvents(live.url, [fields])).status).toBe(200);
    expect(await counts(live.url)).toEqual({ total: 1, good: 1, bad: 0 });
    // Only the copy of a bad request body is cut for storage; a good event is kept whole.
    expect((await good(live.url))[0]?.rawEvent.parameters.url).toBe(fields.url);
  });
});

describe('malformed requests', () => {
  it('records an empty GET /i as bad', async () => {
    const response = await fetch(`${live.url}/i`);
    expect(response.status).toBe(200);
    expect(await badErrors(live.url)).toEqual(['GET request without a query string: there is no event in it']);
  });

  it('records a query string that cannot be percent-decoded', async () => {
    await fetch(`${live.url}/i?e=pv&p=web&tv=t&url=%E0%A4%A`);
    expect(await badErrors(live.url)).toEqual([expect.stringContaining('query string: cannot percent-decode "url=%E0%A4%A"')]);
    await stillServing();
  });

  it('records an empty POST body', async () => {
    await postBody(live.url, '');
    expect(await badErrors(live.url)).toEqual(['body is empty: expected a payload_data JSON']);
  });

  it('records a body that is not UTF-8', async () => {
    await postBody(live.url, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(await badErrors(live.url)).toEqual(['body is not valid UTF-8']);
  });

  it('records JSON that is not an object, and events that are not objects', async () => {
    await postBody(live.url, '[1,2,3]');
    await postBody(live.url, JSON.stringify({ schema: PAYLOAD_DATA, data: ['pv', event()] }));
    expect(await counts(live.url)).toEqual({ total: 3, good: 1, bad: 2 });
    expect(await badErrors(live.url)).toEqual([
      'payload_data 1-0-4: the data must be object',
      expect.stringContaining('body is not a self-describing JSON object'),
    ]);
  });

  it('survives a client that disconnects in the middle of a body', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${live.url}${TP2}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': '100000' },
      });
      req.on('error', () => resolve());
      req.write('{"schema":', () => {
        req.destroy();
        resolve();
      });
    });
    await stillServing();
  });

  it('answers 400 to bytes that are not HTTP', async () => {
    const answer = await rawExchange('HELLO THERE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  it('treats a prototype name as an unknown event code', async () => {
    await getEvent(live.url, event({ e: 'constructor' }));
    expect(await badErrors(live.url)).toEqual([expect.stringContaining('event type e="constructor" is not recognised')]);
  });
});

describe('memory bounds', () => {
  it('keeps only the newest maxEvents of each kind, but counts them all', async () => {
    const small = await startCollector({ maxEvents: 3 });
    try {
      const aids = ['a', 'b', 'c', 'd', 'e'];
      await postEvents(small.url, aids.map((aid) => event({ aid })));
      await postEvents(small.url, aids.map((aid) => event({ aid, e: 'bad-code' })));
      expect(await counts(small.url)).toEqual({ total: 10, good: 5, bad: 5 });
      expect((await good(small.url)).map((item) => item.rawEvent.parameters.aid)).toEqual(['e', 'd', 'c']);
      expect((await bad(small.url)).length).toBe(3);
    } finally {
      await small.close();
    }
  });

  it('rejects options that make no sense', async () => {
    await expect(startCollector({ port: 70000 })).rejects.toThrow(/port must be an integer/);
    await expect(startCollector({ maxEvents: 0 })).rejects.toThrow(/maxEvents must be a positive integer/);
    await expect(startCollector({ paths: ['/micro/x'] })).rejects.toThrow(/cannot be used as a tracking path/);
  });

  it('rejects a port that is taken', async () => {
    await expect(startCollector({ port: live.collector.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
