// Memory is bounded by bytes, and the bound is true: what the collector process retains
// (heap and external memory after a full GC, in a child process running the built package)
// grows by no more than what its store counts, whatever shape the stored data has. Retained
// memory, not RSS at one moment: RSS also holds garbage not yet collected, and how much
// depends on how busy the machine is (a fresh-clone run once saw 223 MiB against 214).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PAYLOAD_DATA, TP2, event } from './helpers.js';
import type { MeasuredCollector } from './retained.js';
import { startMeasuredCollector } from './retained.js';

const MiB = 1024 * 1024;
const MAX_BYTES = 16 * MiB;
// Room for what is not events: caches, socket buffers, the heap's own rounding.
const SLACK = 6 * MiB;
let child: MeasuredCollector;
let idle = 0;

beforeAll(async () => {
  child = await startMeasuredCollector({ maxBytes: MAX_BYTES });
  // Warm: compiled schemas and code paths are not what is measured.
  await post(JSON.stringify({ schema: PAYLOAD_DATA, data: [event(), { e: 'x' }] }));
  await fetch(`${child.url}/i`, { headers: { 'x-warm': 'x' } }).then((response) => response.arrayBuffer());
  await fetch(`${child.url}/micro/reset`);
  idle = (await child.measure()).retained;
}, 60_000);
afterAll(() => child.stop());
beforeEach(async () => {
  await fetch(`${child.url}/micro/reset`).then((response) => response.arrayBuffer());
});

async function post(body: string, contentType = 'application/json'): Promise<void> {
  const response = await fetch(`${child.url}${TP2}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
  await response.arrayBuffer();
}

/** Sends `count` requests made by `make`, four at a time. */
async function flood(count: number, send: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < count; i += 4) await Promise.all([0, 1, 2, 3].map((k) => (i + k < count ? send(i + k) : undefined)));
}

/** Retained growth since idle stays within what the store counts; returns the figures. */
async function expectCounted(label: string): Promise<{ grown: number; counted: number }> {
  const { retained, rss, storeBytes } = await child.measure();
  const grown = retained - idle;
  const figures = `${label}: retained +${(grown / MiB).toFixed(1)} MiB, counted ${(storeBytes / MiB).toFixed(1)} MiB, RSS ${Math.round(rss / MiB)} MiB`;
  console.log(figures);
  expect(grown, figures).toBeLessThan(1.3 * storeBytes + SLACK);
  return { grown, counted: storeBytes };
}

describe('bounded by bytes, counted truly', () => {
  it('near-cap bodies, good and bad', async () => {
    const filler = 'a'.repeat(1_000_000);
    await flood(24, (i) => post(JSON.stringify({ schema: PAYLOAD_DATA, data: [event({ url: `https://example.com/${i}/${filler}` })] })));
    await flood(24, (i) => post(`${i} ${filler}`, 'text/plain')); // not JSON: bad, keeps a cut of the body
    const { counted } = await expectCounted('1 MB bodies');
    // One record may pass the bound (the newest is always kept): never more than that.
    expect(counted).toBeLessThan(MAX_BYTES + 2 * MiB);
  }, 120_000);

  it('requests without an event but with large headers', async () => {
    const pad = 'h'.repeat(12_000);
    await flood(600, () => fetch(`${child.url}/i`, { headers: { 'x-pad': pad } }).then((response) => void response.arrayBuffer()));
    await expectCounted('GET /i without a query, 12 KB of headers each');
  }, 120_000);

  it('bad events whose fields are parsed JSON, counted as parsed', async () => {
    const arrays = Array.from({ length: 340_000 }, () => '[]').join(',');
    await flood(4, () => post(`{"schema":"${PAYLOAD_DATA}","data":[{"e":[${arrays}]}]}`));
    await expectCounted('340,000 empty arrays in a field');
  }, 120_000);

  it('a thousand bad events a request', async () => {
    const body = JSON.stringify({ schema: PAYLOAD_DATA, data: Array.from({ length: 1_000 }, () => ({})) });
    await flood(20, () => post(body));
    await expectCounted('20 requests of 1,000 empty events');
  }, 120_000);

  it('10,000 small events in batches', async () => {
    await flood(400, (i) => post(JSON.stringify({ schema: PAYLOAD_DATA, data: Array.from({ length: 25 }, (_, k) => event({ aid: `soak-${i}-${k}` })) })));
    const { counted } = await expectCounted('10,000 small good events');
    expect(counted).toBeLessThanOrEqual(MAX_BYTES);
  }, 120_000);
});
