// A collector that answers with a redirect: the batch is never followed to where it
// points (a bodiless GET for 301/302/303, another origin for 307/308), the events are
// not counted delivered, and onFailure says why (issue 15, item 3). Node's own fetch
// with `redirect: 'manual'` sees the real status; browsers are covered by
// test/browser/redirects.spec.ts.
import { describe, expect, it } from 'vitest';
import { Emitter as CoreEmitter } from '../../src/emitter/emitter.js';
import type { FailureInfo } from '../../src/emitter/options.js';
import { fetchTransport } from '../../src/transports/fetch.js';
import { nodeHttpTransport } from '../../src/transports/node-http.js';
import type { Transport } from '../../src/transports/types.js';
import { closedAfterEachTest } from '../emitter/helpers/collector.js';
import { makeEvents } from '../emitter/helpers/events.js';

const { open, collector } = closedAfterEachTest();

const transports: [string, () => Transport][] = [
  ['fetchTransport', () => fetchTransport()],
  ['nodeHttpTransport', () => nodeHttpTransport()],
];

describe.each(transports)('%s and a redirecting collector', (_name, make) => {
  it.each([301, 302, 303, 307, 308])('%i: not followed, not delivered, onFailure gives the cause', async (status) => {
    const elsewhere = await collector();
    const c = await collector(() => ({ status, headers: { location: `${elsewhere.url}/com.snowplowanalytics.snowplow/tp2` } }));
    const failures: FailureInfo[] = [];
    const emitter = new CoreEmitter(c.url, { transport: make(), onFailure: (_n, _events, info) => failures.push(info) });
    open.push({ close: () => emitter.close({ timeout: 100 }) });
    for (const event of makeEvents(3)) emitter.input(event);
    const result = await emitter.flush({ timeout: 10_000 });
    expect(result).toMatchObject({ ok: false, timedOut: false, failed: 3, queued: 0 });
    expect(c.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
    expect(emitter.stats()).toMatchObject({ delivered: 0, failed: 3, retried: 0 });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ willRetry: false, status });
    expect(failures[0]!.cause).toBe(`HTTP ${status} redirect to ${elsewhere.url}/com.snowplowanalytics.snowplow/tp2, not followed`);
  });
});
