// The cross-tab claim race of the persistent queue (issue 22): a tab closes with events
// it could not send, and two tabs of the site open at the same moment. Both see the
// closed tab's queue; both track and flush while they decide who takes it over. Every
// event must reach the collector exactly once. Runs in every engine (driver), a few
// rounds, each in a fresh profile.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './driver/index.js';
import { counts, duplicates, goodEvents, startCollector, startSite, umdPage, waitForEvents, type RunningCollector, type Site } from './helpers.js';

let site: Site;
test.beforeAll(async () => {
  site = await startSite('127.0.0.1');
});
test.afterAll(async () => {
  await site.close();
});

/**
 * An outage: on a port of its own, a proxy that answers every request 503 with
 * `Retry-After: 60`, so that a tab waits a minute before its next attempt and none of its
 * requests is in flight when the test closes it. `up()` replaces it by the collector on
 * the same port. (A refused port is not enough: the backoff's full jitter may retry at
 * once, and a request in flight at close can reach the collector started a moment later
 * while its events stay stored for the next tab, since the tracker prefers a duplicate to
 * a loss when it cannot know. That is not the claim race this spec is about.)
 */
async function outage(): Promise<{ url: string; up(): Promise<RunningCollector> }> {
  const proxy: Server = createServer((req, res) => {
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Expose-Headers': 'Retry-After',
    };
    if (req.method == 'OPTIONS') res.writeHead(204, cors).end();
    else res.writeHead(503, { ...cors, 'Retry-After': '60' }).end();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async up() {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      return startCollector({ port });
    },
  };
}

type Page = { isotrack(...args: unknown[]): void };

for (const round of [1, 2, 3]) {
  test(`round ${round}: two tabs open at once, both tracking and flushing, take over a closed tab's queue: every event arrives once`, async ({ driver, engine }) => {
    const down = await outage();
    site.page('/claim.html', umdPage(`isotrack('newTracker', 'sp', '${down.url}', { appId: 'claim' });`));
    // The closed tab: 30 events that the collector, down, never got.
    const closed = await driver.open(`${site.url}/claim.html`);
    await closed.evaluate(() => {
      for (let i = 0; i < 30; i++) (window as unknown as Page).isotrack('trackStructEvent', { category: 'closed', action: `a${i}` });
    });
    // Stored, refused once, and waiting a minute to retry, with no request in flight:
    // what a tab closing now holds. (Closed before a first attempt, it would send them with
    // keepalive at pagehide and forget them, as it cannot know that such a request fails.)
    await expect.poll(() => closed.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('_it_q')).length)).toBeGreaterThan(1);
    await expect
      .poll(() =>
        closed.evaluate(
          () =>
            new Promise<string>((resolve) =>
              (window as unknown as Page).isotrack((t: Record<string, { stats(): { retried: number; inFlight: number } }>) => {
                const { retried, inFlight } = t.sp!.stats();
                resolve(retried > 0 && inFlight == 0 ? 'waiting' : `retried ${retried}, in flight ${inFlight}`);
              }),
            ),
        ),
      )
      .toBe('waiting');
    await closed.close();

    const collector = await down.up();
    try {
      // Both tabs load at once, and at once track 20 events each over 10 tasks while
      // each one's queue goes out: the claim of the closed tab's queue runs meanwhile.
      const [b, c] = await Promise.all([driver.open(`${site.url}/claim.html`), driver.open(`${site.url}/claim.html`)]);
      const burst = (tab: typeof b, name: string) =>
        tab.evaluate(async (label) => {
          for (let task = 0; task < 10; task++) {
            for (let i = 0; i < 2; i++) (window as unknown as Page).isotrack('trackStructEvent', { category: label, action: `t${task}-${i}` });
            (window as unknown as Page).isotrack('flush');
            await new Promise((resolve) => setTimeout(resolve, 15));
          }
        }, name);
      await Promise.all([burst(b, 'b'), burst(c, 'c')]);
      const expected = 30 + 20 + 20;
      // Generous: where the closed tab's lease is not released at close, it expires after 15 s.
      await waitForEvents(collector, (all) => all.length >= expected, 60_000).catch(async (error) => {
        throw new Error(`${(await goodEvents(collector)).length} of ${expected} events arrived: ${error}`);
      });
      // Time for a duplicate to arrive, if a second tab had claimed the queue too.
      await expect.poll(() => b.evaluate(() => Object.keys(localStorage).filter((key) => /^_it_q[^.]*\.[^.]+\./.test(key)).length), { timeout: 20_000 }).toBe(0);
      const events = await goodEvents(collector);
      expect(duplicates(events)).toEqual([]);
      expect(events.length).toBe(expected);
      expect(events.filter((event) => event.se_ca == 'closed').length).toBe(30);
      expect((await counts(collector)).bad).toBe(0);
    } finally {
      await collector.close();
    }
  });
}
