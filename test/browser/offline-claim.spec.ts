// The cross-tab claim race of the persistent queue (issue 22): a tab closes with events
// it could not send, and two tabs of the site open at the same moment. Both see the
// closed tab's queue; both track and flush while they decide who takes it over. Every
// event must reach the collector exactly once. Runs in every engine (driver), a few
// rounds, each in a fresh profile.
import { expect, test } from './driver/index.js';
import { counts, duplicates, goodEvents, startCollector, startSite, umdPage, waitForEvents, type RunningCollector, type Site } from './helpers.js';

let site: Site;
test.beforeAll(async () => {
  site = await startSite('127.0.0.1');
});
test.afterAll(async () => {
  await site.close();
});

/** A collector's port, free again: the collector is "down" until started on it. */
async function downCollector(): Promise<{ url: string; up(): Promise<RunningCollector> }> {
  const probe = await startCollector({ port: 0 });
  const { port, url } = probe;
  await probe.close();
  return { url, up: () => startCollector({ port }) };
}

type Page = { isotrack(...args: unknown[]): void };

for (const round of [1, 2, 3]) {
  test(`round ${round}: two tabs open at once, both tracking and flushing, take over a closed tab's queue: every event arrives once`, async ({ driver, engine }) => {
    // OPEN BUG (issue 22), not a passing test: in Chromium about one round in six sees the
    // closed tab's 30 events arrive twice (seen in two full runs on this machine, loaded and
    // idle). Suspected: the closed tab's keepalive send at pagehide is still pending in the
    // browser when the collector comes up on the same port, so the events arrive from it
    // and again from the tab that claims the stored copy. Firefox and WebKit pass every round.
    test.fixme(engine == 'chromium', 'duplicates of the closed tab\'s events in Chromium: open bug, see the comment above');
    const down = await downCollector();
    site.page('/claim.html', umdPage(`isotrack('newTracker', 'sp', '${down.url}', { appId: 'claim' });`));
    // The closed tab: 30 events that the collector, down, never got.
    const closed = await driver.open(`${site.url}/claim.html`);
    await closed.evaluate(() => {
      for (let i = 0; i < 30; i++) (window as unknown as Page).isotrack('trackStructEvent', { category: 'closed', action: `a${i}` });
    });
    // Stored, and refused once (the tab then waits to retry): what a tab closing now holds.
    // (Closed before a first attempt, it would send them with keepalive at pagehide and
    // forget them, as it cannot know that such a request fails.)
    await expect.poll(() => closed.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('_it_q')).length)).toBeGreaterThan(1);
    await expect
      .poll(() => closed.evaluate(() => new Promise<number>((resolve) => (window as unknown as Page).isotrack((t: Record<string, { stats(): { retried: number } }>) => resolve(t.sp!.stats().retried)))))
      .toBeGreaterThan(0);
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
