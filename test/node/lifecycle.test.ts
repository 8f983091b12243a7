import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { closedAfterEachTest } from '../emitter/helpers/collector.js';
import { nodeEntry, runScript } from './helpers/child.js';

let entry = '';
beforeAll(async () => {
  entry = await nodeEntry();
}, 60_000);

const { open, collector } = closedAfterEachTest();


const script = (body: string): string => `import { Emitter, Tracker } from ${JSON.stringify(entry)};\n${body}`;

describe('Node lifecycle (child processes)', () => {
  it('a script that tracks and simply ends still delivers (beforeExit flush)', async () => {
    const c = await collector();
    // Fewer events than bufferSize and a long interval: only the exit flush can send them.
    const result = await runScript(
      script(`
        const emitter = new Emitter(process.env.COLLECTOR, { flushInterval: 600000 });
        const tracker = new Tracker(emitter);
        for (let i = 0; i < 7; i++) tracker.trackStructEvent({ category: 'c', action: 'a' + i });
      `),
      { COLLECTOR: c.url },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(c.acceptedEids.length).toBe(7);
  });

  it('a script that tracks a burst and ends delivers all of it', async () => {
    const c = await collector();
    const result = await runScript(
      script(`
        const tracker = new Tracker(new Emitter(process.env.COLLECTOR));
        for (let i = 0; i < 5000; i++) tracker.trackStructEvent({ category: 'c', action: 'a' });
      `),
      { COLLECTOR: c.url },
    );
    expect(result.code).toBe(0);
    expect(c.acceptedEids.length).toBe(5000);
    expect(new Set(c.acceptedEids).size).toBe(5000);
  });

  it('an idle tracker lets the process exit at once, even with a keep-alive socket open', async () => {
    const c = await collector();
    const result = await runScript(
      script(`
        const tracker = new Tracker(new Emitter(process.env.COLLECTOR, { flushInterval: 600000 }));
        tracker.trackStructEvent({ category: 'c', action: 'a' });
        await tracker.flush();
        globalThis.doneAt = Date.now();
        process.on('exit', () => console.log(Date.now() - globalThis.doneAt));
      `),
      { COLLECTOR: c.url },
      20_000,
    );
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(c.acceptedEids.length).toBe(1);
    // The collector keeps idle connections for 60 s: exiting well before says nothing held the loop.
    expect(Number(result.stdout.trim())).toBeLessThan(10_000);
  });

  it('an emitter that never tracked keeps nothing alive', async () => {
    const result = await runScript(script(`new Tracker(new Emitter('collector.invalid')); console.log('ok');`), {}, 20_000);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('ok');
  });

  it('with the collector down, the exit flush gives up after flushTimeout and the process exits', async () => {
    const result = await runScript(
      script(`
        const tracker = new Tracker(new Emitter('http://127.0.0.1:9', { flushTimeout: 1500 }));
        tracker.trackStructEvent({ category: 'c', action: 'a' });
      `),
      {},
      20_000,
    );
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  });

  it('1,000,000 events tracked in chunks: RSS stays flat', async () => {
    // A lean collector: counting without parsing keeps this process out of the measurement's way.
    let events = 0;
    const server = http.createServer((req, res) => {
      let tail = '';
      req.on('data', (chunk: Buffer) => {
        const text = tail + chunk.toString('latin1');
        for (let i = text.indexOf('"eid"'); i !== -1; i = text.indexOf('"eid"', i + 5)) events++;
        tail = text.slice(-4);
      });
      req.on('end', () => res.end());
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    open.push({ close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const result = await runScript(
      script(`
        const tracker = new Tracker(new Emitter(process.env.COLLECTOR), { encodeBase64: false });
        const rss = [];
        for (let chunk = 0; chunk < 100; chunk++) {
          for (let i = 0; i < 10000; i++) tracker.trackStructEvent({ category: 'cat', action: 'act', label: 'l' + i, value: i });
          await tracker.flush();
          if (chunk % 10 === 9) rss.push(process.memoryUsage().rss);
        }
        console.log(JSON.stringify(rss));
      `),
      { COLLECTOR: url },
      110_000,
    );
    expect(result.code).toBe(0);
    expect(events).toBe(1_000_000);
    const rss = JSON.parse(result.stdout) as number[];
    const warm = rss[1]!; // after 200,000 events
    const end = rss[rss.length - 1]!;
    expect(end).toBeLessThan(warm * 1.5);
  }, 120_000);
});
