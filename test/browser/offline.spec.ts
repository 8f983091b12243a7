// A page that stays offline for a long while, then gets its network back (issue 15,
// item 5): the default queue bound holds 3,000 events (2 MiB) in memory and in
// localStorage, reports what it cannot hold through onDrop(count, 'queue-full'), and
// delivers everything it held once the collector is reachable. Runs in every
// engine (driver).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './driver/index.js';
import { counts, duplicates, goodEvents, startCollector, startSite, umdPage, type RunningCollector, type Site } from './helpers.js';

let site: Site;
let collector: RunningCollector | undefined;
test.beforeAll(async () => {
  site = await startSite();
});
test.afterAll(async () => {
  await collector?.close();
  await site.close();
});

/** A loopback port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('3,500 events tracked offline: 3,000 held and delivered after recovery, 500 reported queue-full', async ({ driver }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  site.page('/offline.html', umdPage(''));
  const page = await driver.open(`${site.url}/offline.html`);
  await page.evaluate((endpoint) => {
    const w = window as unknown as { isotrack: any; drops: [number, string][]; emitter: any };
    w.drops = [];
    w.emitter = new w.isotrack.Emitter(endpoint, { maxRetryDelay: 2000, onDrop: (n: number, reason: string) => w.drops.push([n, reason]) });
    const tracker = new w.isotrack.Tracker(w.emitter);
    // A long offline session's worth of events, some 600 bytes each.
    for (let i = 0; i < 3500; i++) {
      tracker.trackStructEvent({ category: 'offline', action: 'click', label: `button-${i}`, property: 'x'.repeat(400), value: i });
    }
  }, `http://127.0.0.1:${port}`);

  // Offline: every attempt is refused; the events wait in memory and in localStorage.
  await expect.poll(() => page.evaluate(() => (window as unknown as { emitter: any }).emitter.stats().retried), { timeout: 20_000 }).toBeGreaterThan(0);
  const offline = await page.evaluate(() => {
    const w = window as unknown as { drops: [number, string][]; emitter: any };
    let chars = 0;
    for (const key of Object.keys(localStorage)) if (key.startsWith('_it_q')) chars += key.length + localStorage.getItem(key)!.length;
    return { drops: w.drops, stats: w.emitter.stats(), chars };
  });
  expect(offline.drops).toEqual([[500, 'queue-full']]);
  expect(offline.stats).toMatchObject({ delivered: 0, dropped: 500 });
  expect(offline.stats.queued + offline.stats.inFlight).toBe(3000);
  // Within the 2 MiB bound, and well within the origin's ~5 M characters.
  expect(offline.chars).toBeGreaterThan(1_500_000);
  expect(offline.chars).toBeLessThan(2.2 * 1024 * 1024);
  console.log(`offline: 3,000 events held in ${offline.chars} characters of localStorage`);

  // The network is back.
  collector = await startCollector({ port });
  await expect.poll(async () => (await counts(collector!)).good, { timeout: 60_000, intervals: [500] }).toBe(3000);
  const events = await goodEvents(collector);
  expect(duplicates(events)).toEqual([]);
  expect((await counts(collector)).bad).toBe(0);
  const after = await page.evaluate(() => (window as unknown as { emitter: any }).emitter.stats());
  expect(after).toMatchObject({ delivered: 3000, dropped: 500, queued: 0, inFlight: 0 });
  // Delivered events leave localStorage.
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => /^_it_q[^.]*\.[^.]+\./.test(key)).length)).toBe(0);
});
