// Memory is bounded by bytes: floods of near-cap bodies and a long run of small events
// leave the collector's RSS flat. The collector runs in a child process (the built CLI)
// so that its RSS is its own; the figures come from Linux's /proc.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs helper shared with `npm run soak`
import { startChildCollector } from '../../scripts/collector-child.mjs';
import { PAYLOAD_DATA, TP2, event } from './helpers.js';

interface Child {
  url: string;
  rss(): number;
  stop(): Promise<void>;
}

const MiB = 1024 * 1024;
const MAX_BYTES = 32 * MiB;
let child: Child;

beforeAll(async () => {
  child = (await startChildCollector(['--max-bytes', String(MAX_BYTES)])) as Child;
}, 60_000);
afterAll(() => child.stop());

async function post(body: string, contentType = 'application/json'): Promise<void> {
  const response = await fetch(`${child.url}${TP2}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
  await response.arrayBuffer();
}

/** Sends `rounds` × `perRound` requests from `make`, a few at a time; returns the RSS after each round. */
async function flood(rounds: number, perRound: number, make: (i: number) => string, contentType?: string): Promise<number[]> {
  const rss: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < perRound; i += 4) {
      await Promise.all([0, 1, 2, 3].map((k) => post(make(round * perRound + i + k), contentType)));
    }
    rss.push(child.rss());
  }
  return rss;
}

const counts = async (): Promise<{ total: number; good: number; bad: number }> => (await fetch(`${child.url}/micro/all`)).json();

describe('bounded by bytes', () => {
  it('keeps RSS flat under near-cap bodies, good and bad', async () => {
    const filler = 'a'.repeat(1_000_000);
    const good = (i: number) => JSON.stringify({ schema: PAYLOAD_DATA, data: [event({ url: `https://example.com/${i}/${filler}` })] });
    const junk = (i: number) => `${i} ${filler}`; // not JSON: a bad event that keeps a cut of its body
    const goodRss = await flood(6, 24, good);
    const badRss = await flood(6, 60, junk, 'text/plain');
    const all = [...goodRss, ...badRss];
    const mib = all.map((bytes) => Math.round(bytes / MiB));
    console.log(`RSS (MiB) after each round of 24 × 1 MB good bodies, then of 60 × 1 MB bad bodies: ${mib.join(' ')}`);
    expect(await counts()).toEqual({ total: 504, good: 144, bad: 360 });
    // Without a byte budget 144 MB of good events stay in memory; with it, the later
    // rounds add nothing: the last round is no higher than the early ones plus slack.
    const settled = Math.max(...all.slice(2, 6));
    expect(Math.max(...all.slice(6))).toBeLessThan(settled + 48 * MiB);
    expect(Math.max(...all)).toBeLessThan(256 * MiB);
  }, 180_000);

  it('keeps RSS steady over 20,000 small events, sent in batches', async () => {
    await fetch(`${child.url}/micro/reset`);
    const batch = (i: number) => JSON.stringify({ schema: PAYLOAD_DATA, data: Array.from({ length: 25 }, (_, k) => event({ aid: `soak-${i}-${k}` })) });
    const rss = await flood(8, 100, batch);
    const mib = rss.map((bytes) => Math.round(bytes / MiB));
    console.log(`RSS (MiB) after each 2,500 small events: ${mib.join(' ')}`);
    expect((await counts()).good).toBe(20_000);
    expect(Math.max(...rss.slice(4))).toBeLessThan(Math.max(...rss.slice(0, 4)) + 32 * MiB);
  }, 180_000);
});
