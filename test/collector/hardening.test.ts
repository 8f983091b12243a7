// What an attacker's probe of the collector broke, each kept as a test that would have caught it:
// listeners piling up on slow reads, a 1 MB batch of 349,492 empty events holding up everyone,
// pages of /micro/bad streamed without bound or pause, clients that never read their answer,
// a `http://[` request target, `constructor` as an event name, a search for text with `"`.
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendJsonArray } from '../../collector/src/http.js';
import { MAX_PAGE_BYTES } from '../../collector/src/http.js';
import { startCollector } from '../../collector/src/index.js';
import type { RunningCollector } from '../../collector/src/index.js';
import { cpuRatio } from './cpu-budget.js';
import { PAYLOAD_DATA, counts, event, getEvent, getJson, postBody, postEvents, useCollector } from './helpers.js';

const live = useCollector();
const extra: RunningCollector[] = [];
afterEach(async () => {
  await Promise.all(extra.splice(0).map((collector) => collector.close()));
});

async function another(options: Parameters<typeof startCollector>[0]): Promise<RunningCollector> {
  const collector = await startCollector(options);
  extra.push(collector);
  return collector;
}

const closed = (socket: Socket): Promise<void> =>
  socket.closed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve()));

/** Opens a connection, sends a GET and never reads the answer. */
function nonReader(port: number, path: string): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      resolve(socket);
    });
    socket.on('error', () => undefined);
    socket.pause();
  });
}

/** Fills a collector's store with `count` good events of about 10 KB each (through its API, for speed). */
function bigGoodEvents(collector: RunningCollector, count: number): void {
  const context = { timestamp: new Date().toISOString(), ipAddress: null, useragent: null, refererUri: null, headers: [], userId: null };
  const source = { name: 'test', encoding: 'UTF-8', hostname: 'test' };
  for (let i = 0; i < count; i++) {
    const parameters = { e: 'pv', p: 'web', tv: 't', url: `https://example.com/${i}/${'a'.repeat(10_000)}` };
    collector.store.addGood({
      rawEvent: { api: { vendor: 'com.snowplowanalytics.snowplow', version: 'tp2' }, parameters, contentType: 'application/json', source, context },
      eventType: 'page_view',
      schema: 'iglu:com.snowplowanalytics.snowplow/page_view/jsonschema/1-0-0',
      contexts: [],
      decoded: { parameters, unstructEvent: null, contexts: [] },
      receivedAt: context.timestamp,
    });
  }
}

describe('streamed pages', () => {
  it('leaves no listener behind however often a reader pushes back', async () => {
    let before = -1;
    let after = -1;
    let drains = 0;
    const server = createServer((req, res) => {
      before = res.listenerCount('close');
      res.on('drain', () => drains++);
      const items = Array.from({ length: 2_000 }, (_, i) => `${i}:${'x'.repeat(10_000)}`);
      void sendJsonArray(req, res, items).then(() => (after = res.listenerCount('close')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect((await response.json()).length).toBe(2_000);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
      server.close();
    }
    expect(drains).toBeGreaterThan(10); // the reader did push back, many times
    expect(after).toBe(before);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('ends a /micro/bad page after maxPageBytes of JSON, and pages on from there', async () => {
    const collector = await another({ maxPageBytes: 1024 * 1024 });
    // 1,000 bad events a request, each listed with a 4 KB cut of the body: about 5 KB of JSON each.
    const body = JSON.stringify({ schema: PAYLOAD_DATA, data: Array.from({ length: 1_000 }, (_, i) => ({ e: 'x', aid: `a${i}` })) });
    await postBody(collector.url, body);
    expect((await counts(collector.url)).bad).toBe(1_000);
    const response = await fetch(`${collector.url}/micro/bad?limit=1000`);
    expect(response.headers.get('x-total-count')).toBe('1000');
    const text = await response.text();
    const first = JSON.parse(text) as { id: number }[];
    expect(first.length).toBeLessThan(1_000);
    const largest = Math.max(...first.map((item) => JSON.stringify(item).length));
    expect(text.length).toBeLessThanOrEqual(1024 * 1024 + largest + 2);
    const rest: { id: number }[] = [];
    while (first.length + rest.length < 1_000) {
      const page = await getJson<{ id: number }[]>(collector.url, '/micro/bad', { offset: first.length + rest.length });
      expect(page.length).toBeGreaterThan(0);
      rest.push(...page);
    }
    expect(rest[0]?.id).toBe((first.at(-1)?.id ?? 0) - 1);
    // The default is 32 MiB.
    expect(MAX_PAGE_BYTES).toBe(32 * 1024 * 1024);
  });

  it('lets the event loop run every 256 KB of a page, even when every write is taken at once', async () => {
    // A write buffer bigger than the page: write() never pushes back, as with a reader that
    // keeps up. The turns of the event loop counted while the page is written are the
    // chances other requests get; unyielding, there were none until the page ended.
    let turns = -1;
    const server = createServer({ highWaterMark: 256 * 1024 * 1024 }, (req, res) => {
      let count = 0;
      let writing = true;
      const tick = (): void => {
        count++;
        if (writing) setImmediate(tick);
      };
      setImmediate(tick);
      const items = Array.from({ length: 2_000 }, (_, i) => `${i}:${'x'.repeat(10_000)}`);
      void sendJsonArray(req, res, items).then(() => {
        writing = false;
        turns = count;
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect((await response.json()).length).toBe(2_000);
    } finally {
      server.close();
    }
    // About 76 steps of 256 KB; without the yields it was 0.
    expect(turns).toBeGreaterThan((2_000 * 10_000) / (256 * 1024) / 2);
  });
});

describe('batches', () => {
  it('refuses 349,492 empty events in one 1 MB body at the cost of parsing it, not of validating it', async () => {
    const empties = `{"schema":"${PAYLOAD_DATA}","data":[${Array.from({ length: 349_492 }, () => '{}').join(',')}]}`;
    expect(empties.length).toBeLessThanOrEqual(1024 * 1024);
    const harmless = JSON.stringify({ schema: PAYLOAD_DATA, data: [event({ url: `https://example.com/${'a'.repeat(1_000_000)}` })] });
    const ratio = await cpuRatio(
      () => postBody(live.url, harmless),
      () => postBody(live.url, empties),
    );
    // Validating every empty event used to cost 3 s of CPU, hundreds of times the baseline.
    expect(ratio).toBeLessThan(40);
    const response = await postBody(live.url, empties);
    expect(response.status).toBe(413);
  });

  it('lets the event loop run while a full batch is validated', async () => {
    // Turns of the event loop between the batch's first and last stored event: the chances
    // other requests get. Unyielding, the 1,000 events were validated in one go (0 turns).
    let stored = 0;
    let turns = 0;
    const tick = (): void => {
      turns++;
      if (stored < 1_000) setImmediate(tick);
    };
    const collector = await another({
      onEvent: () => {
        if (++stored === 1) setImmediate(tick);
      },
    });
    await postEvents(collector.url, Array.from({ length: 1_000 }, () => event()));
    expect(stored).toBe(1_000);
    // 1,000 events, 32 a turn: about 31 turns.
    expect(turns).toBeGreaterThan(15);
  });
});

describe('connections', () => {
  /**
   * Resolves once the collector has closed `socket`. A client that does not read sees no
   * close, so it writes a blank line now and then (which HTTP ignores) until the write fails.
   */
  function closedByServer(socket: Socket): Promise<void> {
    return new Promise((resolve) => {
      const timer = setInterval(() => socket.write('\r\n'), 50);
      const done = (): void => (clearInterval(timer), resolve());
      socket.once('error', done);
      socket.once('close', done);
    });
  }

  it('closes a connection whose client does not read its answer', async () => {
    const collector = await another({ responseTimeoutMs: 300, maxBytes: 2 ** 30 });
    bigGoodEvents(collector, 2_000); // a 20 MB answer: more than the socket buffers hold
    const socket = await nonReader(collector.port, '/micro/good');
    await closedByServer(socket);
    expect((await postEvents(collector.url, [event()])).status).toBe(200);
  });

  it('lets a newcomer in when every connection is held by a client that does not read', async () => {
    const collector = await another({ maxConnections: 3, responseTimeoutMs: 120_000, maxBytes: 2 ** 30 });
    bigGoodEvents(collector, 2_000);
    const holders = await Promise.all([0, 1, 2].map(() => nonReader(collector.port, '/micro/good')));
    // Refused while the holders' requests are recent, then the longest-running one makes room.
    let served = false;
    while (!served) {
      served = await fetch(`${collector.url}/micro/all`).then((response) => response.ok, () => false);
      if (!served) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.race(holders.map(closedByServer));
    holders.forEach((socket) => socket.destroy());
  });
});

describe('odd requests', () => {
  it('answers 400, without a stack trace, to a request target that is not a URL', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(live.collector.port, '127.0.0.1', () => socket.end('GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('offers "constructor" as a type suggestion, never null', async () => {
    await getEvent(live.url, { e: 'constructor', p: 'web', tv: 't' });
    await getEvent(live.url, { e: '__proto__', p: 'web', tv: 't' });
    const page = await getJson<{ suggestions: { types: unknown[] } }>(live.url, '/micro/ui/events');
    expect(page.suggestions.types).toEqual(['__proto__', 'constructor']);
    const filtered = await getJson<{ rows: unknown[] }>(live.url, '/micro/ui/events?type=constructor');
    expect(filtered.rows.length).toBe(1);
  });

  it('finds text with quotes and backslashes in the events page search', async () => {
    await postEvents(live.url, [event({ page: 'He said "hi" \\o/' }), event({ page: 'other' })]);
    const search = async (q: string): Promise<number | null> =>
      (await getJson<{ matched: number | null }>(live.url, `/micro/ui/events?q=${encodeURIComponent(q)}`)).matched;
    expect(await search('said "hi"')).toBe(1);
    expect(await search('"hi" \\o/')).toBe(1);
  });
});
