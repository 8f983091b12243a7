// Events still queued when a Node process exits are reported, never lost in silence
// (issue 10, item 6): onDrop(count, 'exit') and one console warning naming the
// collector and the last failure's cause.
import { beforeAll, describe, expect, it } from 'vitest';
import { closedAfterEachTest, freePort } from '../emitter/helpers/collector.js';
import { nodeEntry, runScript } from './helpers/child.js';

let entry = '';
beforeAll(async () => {
  entry = await nodeEntry();
}, 60_000);

const { collector } = closedAfterEachTest();

/** A script that tracks 3 events to `endpoint` and prints what onDrop was told. */
const script = (endpoint: string, after = '') => `
  import { Emitter, Tracker } from ${JSON.stringify(entry)};
  const emitter = new Emitter(${JSON.stringify(endpoint)}, { flushTimeout: 1500, maxRetryDelay: 200, onDrop: (count, reason) => console.log(JSON.stringify({ count, reason })) });
  const tracker = new Tracker(emitter);
  for (let i = 0; i < 3; i++) tracker.trackStructEvent({ category: 'c', action: 'a' + i });
  ${after}
`;

describe('events still queued at exit', () => {
  it('collector refusing connections: onDrop(3, "exit") and one warning with the endpoint and ECONNREFUSED', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const result = await runScript(script(endpoint), {}, 20_000);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('{"count":3,"reason":"exit"}');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^isotrack: 3 event\\(s\\) for ${endpoint.replace(/\./g, '\\.')} lost at exit; last failure: ECONNREFUSED: connect ECONNREFUSED`));
  });

  it('https (the default scheme) against a plain-http collector: the TLS error is the cause', async () => {
    const c = await collector();
    const result = await runScript(script(`127.0.0.1:${c.port}`), {}, 20_000);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('{"count":3,"reason":"exit"}');
    expect(result.stderr).toMatch(new RegExp(`isotrack: 3 event\\(s\\) for https://127\\.0\\.0\\.1:${c.port} lost at exit; last failure: EPROTO: `));
  });

  it('process.exit() before anything was sent: reported too, with no failure yet', async () => {
    const c = await collector();
    const result = await runScript(script(c.url, 'process.exit(0);'), {}, 20_000);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('{"count":3,"reason":"exit"}');
    expect(result.stderr.trim()).toBe(`isotrack: 3 event(s) for ${c.url} lost at exit; last failure: none`);
    expect(c.acceptedEids).toHaveLength(0);
  });

  it('a collector that recovers within the exit flush: everything delivered, nothing reported', async () => {
    const c = await collector((i) => ({ status: i < 2 ? 503 : 200 }));
    const result = await runScript(script(c.url), {}, 20_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    expect(c.acceptedEids).toHaveLength(3);
  });
});
