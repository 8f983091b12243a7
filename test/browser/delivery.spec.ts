// Delivery across page lifecycles in every engine: reloads with the collector down,
// a navigation right after tracking, and several tabs sharing one localStorage.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Tab } from './driver/index.js';
import {
  LINK_CLICK,
  counts,
  duplicates,
  goodEvents,
  startCollector,
  startSite,
  umdPage,
  waitForEvents,
  type RunningCollector,
  type Site,
} from './helpers.js';

let site: Site;
let other: Site;

test.beforeAll(async () => {
  site = await startSite('127.0.0.1');
  // Another origin to navigate to (localhost is not 127.0.0.1 for the browser).
  other = await startSite('localhost');
  other.page('/away.html', '<!doctype html><title>away</title><p>away</p>');
});
test.afterAll(async () => {
  await site.close();
  await other.close();
});

/** Runs `body` with a fresh collector, closed afterwards whatever happens. */
async function withCollector(body: (collector: RunningCollector) => Promise<void>): Promise<void> {
  const collector = await startCollector({ port: 0 });
  try {
    await body(collector);
  } finally {
    await collector.close();
  }
}

/** A collector's port, free again: the collector is "down" until restarted on it. */
async function downCollector(): Promise<{ url: string; up(): Promise<RunningCollector> }> {
  const probe = await startCollector({ port: 0 });
  const { port, url } = probe;
  await probe.close();
  return { url, up: () => startCollector({ port }) };
}

/**
 * A collector stand-in whose answers a test scripts: `answer(n, res)` gets the n-th POST
 * (from 1) and may answer it, leave it unanswered or cut it; returning `false` lets the
 * stand-in accept it (200) and record its event ids. Preflights are answered for CORS.
 */
async function scriptedCollector(answer: (post: number, res: ServerResponse) => boolean) {
  let posts = 0;
  const eids: string[] = [];
  const server = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Headers': 'Content-Type' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      // Every answer carries the CORS headers, so that the page sees a scripted status as it is.
      for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
      if (answer(++posts, res)) return;
      for (const match of body.matchAll(/"eid":"([^"]+)"/g)) eids.push(match[1]!);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts: () => posts,
    eids,
    close: () => (server.closeAllConnections(), server.close()),
  };
}

/** What the browser does when the user switches tabs or minimises the window: the page becomes hidden. */
async function hide(tab: Tab): Promise<void> {
  await tab.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** A page that tracks `count` events once per browser profile (not again on reload). */
function oncePage(endpoint: string, appId: string, count: number, prelude = ''): string {
  return umdPage(`
    isotrack('newTracker', 'sp', '${endpoint}', { appId: '${appId}' });
    if (!sessionStorage.getItem('tracked')) {
      sessionStorage.setItem('tracked', '1');
      for (let i = 0; i < ${count}; i++) isotrack('trackStructEvent', { category: 'once', action: 'a' + i });
    }`, undefined, prelude);
}

/**
 * The counters of the page's `sp` tracker's emitter. Tests wait for these states (a
 * failed attempt, everything settled) instead of sleeping: under load a fixed pause is
 * either too short (a flaky run) or wasted.
 */
function emitterStats(tab: Tab): Promise<Record<'queued' | 'inFlight' | 'delivered' | 'retried' | 'dropped' | 'failed', number>> {
  return tab.evaluate(
    () =>
      new Promise((resolve) =>
        (window as unknown as { isotrack(f: (t: Record<string, { emitter: { stats(): unknown } }>) => void): void }).isotrack((t) => resolve(t.sp!.emitter.stats())),
      ),
  ) as Promise<Record<'queued' | 'inFlight' | 'delivered' | 'retried' | 'dropped' | 'failed', number>>;
}

/** Waits until the page's emitter has tried and failed at least once: its events are stored, waiting for a retry. */
async function failedOnce(tab: Tab): Promise<void> {
  await expect.poll(async () => (await emitterStats(tab)).retried, { timeout: 20_000 }).toBeGreaterThan(0);
}

/** Waits until the page's emitter holds nothing (every event it had is delivered): nothing more can come from it. */
async function settled(...tabs: Tab[]): Promise<void> {
  for (const tab of tabs) {
    await expect
      .poll(async () => {
        const { queued, inFlight } = await emitterStats(tab);
        return queued + inFlight;
      }, { timeout: 30_000 })
      .toBe(0);
  }
}

test('reload persistence: collector down, reload, collector up: every event delivered once', async ({ driver }) => {
  const down = await downCollector();
  site.page('/reload.html', oncePage(down.url, 'reload', 20));
  const page = await driver.open(`${site.url}/reload.html`);
  // The first attempts fail (connection refused) and the events wait in localStorage.
  await failedOnce(page);
  await page.reload();
  // The reloaded page found them stored and tried them, in vain.
  await failedOnce(page);
  const collector = await down.up();
  try {
    const events = await waitForEvents(collector, (all) => all.length >= 20, 30_000);
    // Everything it held is delivered: no request can still bring a duplicate.
    await settled(page);
    const final = await goodEvents(collector);
    expect(final.length).toBe(20);
    expect(duplicates(final)).toEqual([]);
    expect(events.every((e) => e.aid === 'reload')).toBe(true);
    expect((await counts(collector)).bad).toBe(0);
  } finally {
    await collector.close();
  }
});

test('a burst of several batches is delivered without a failed request or a retry', async ({ driver }) => {
  await withCollector(async (collector) => {
    // 300 events of about 1.3 KB: about ten 40 KB batches, together far more than the
    // 64 KiB that keepalive requests may have in flight. Each batch must be let go of
    // (its response read) before the next is counted, or Chromium refuses it.
    site.page(
      '/burst.html',
      umdPage(`
        isotrack('newTracker', 'sp', '${collector.url}', { appId: 'burst' });
        isotrack((t) => (window.tracker = t.sp));
        for (let i = 0; i < 300; i++) {
          isotrack('trackSelfDescribingEvent', { event: { schema: '${LINK_CLICK}', data: { targetUrl: 'https://example.com/' + i + '/' + 'x'.repeat(1000) } } });
        }`),
    );
    const page = await driver.open(`${site.url}/burst.html`);
    await waitForEvents(collector, (all) => all.length >= 300, 20_000);
    const stats = await page.evaluate(() => (window as unknown as { tracker: { emitter: { stats(): Record<string, number> } } }).tracker.emitter.stats());
    expect(stats).toMatchObject({ delivered: 300, retried: 0, failed: 0, dropped: 0 });
    expect(duplicates(await goodEvents(collector))).toEqual([]);
  });
});

test('a track call sends nothing in its own task: the request follows in a task of its own', async ({ driver }) => {
  await withCollector(async (collector) => {
    site.page(
      '/own-task.html',
      umdPage(`
        isotrack('newTracker', 'sp', '${collector.url}', { appId: 'own-task' });
        isotrack((t) => (window.tracker = t.sp));
        window.fetches = 0;
        const realFetch = window.fetch;
        window.fetch = (...args) => (window.fetches++, realFetch(...args));`),
    );
    const page = await driver.open(`${site.url}/own-task.html`);
    const [inTask, later] = await page.evaluate(async () => {
      const w = window as unknown as { fetches: number; tracker: { trackStructEvent(e: object): string } };
      w.tracker.trackStructEvent({ category: 'c', action: 'a' });
      // The microtasks of this task, including any the track call queued.
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      await Promise.resolve();
      const sentInTask = w.fetches;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return [sentInTask, w.fetches];
    });
    expect(inTask).toBe(0);
    expect(later).toBe(1);
    expect((await waitForEvents(collector, (all) => all.length >= 1, 10_000)).length).toBe(1);
  });
});

test('visibilitychange to hidden sends what is queued at once, with keepalive', async ({ driver }) => {
  await withCollector(async (collector) => {
    // A buffer and an interval that would hold the events for a minute.
    site.page(
      '/hidden.html',
      umdPage(`
        isotrack('newTracker', 'sp', '${collector.url}', { appId: 'hidden', bufferSize: 100, flushInterval: 60000 });
        window.keepalive = [];
        const realFetch = window.fetch;
        window.fetch = (url, init) => (window.keepalive.push(!!init?.keepalive), realFetch(url, init));
        for (let i = 0; i < 5; i++) isotrack('trackStructEvent', { category: 'hidden', action: 'a' + i });`),
    );
    const page = await driver.open(`${site.url}/hidden.html`);
    // All five wait in the queue (the buffer and interval hold them): nothing was sent.
    await expect.poll(async () => (await emitterStats(page)).queued, { timeout: 10_000 }).toBe(5);
    expect(await page.evaluate(() => (window as unknown as { keepalive: boolean[] }).keepalive)).toEqual([]);
    expect(await goodEvents(collector)).toEqual([]);
    await hide(page);
    const events = await waitForEvents(collector, (all) => all.length >= 5, 5_000);
    expect(events.map((e) => e.se_ac).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(await page.evaluate(() => (window as unknown as { keepalive: boolean[] }).keepalive)).toEqual([true]);
  });
});

test('unload: 50 events, then at once a cross-origin navigation: none twice, all delivered on return', async ({ driver }) => {
  await withCollector(async (collector) => {
    // About 1.3 KB per event: 65 KB in all, more than one keepalive budget, so some must wait.
    site.page(
      '/unload.html',
      umdPage(`
        isotrack('newTracker', 'sp', '${collector.url}', { appId: 'unload' });
        // Whether Back showed this page from the back/forward cache.
        addEventListener('pageshow', (event) => (window.restored = event.persisted));
        window.go = () => {
          for (let i = 0; i < 50; i++) {
            isotrack('trackSelfDescribingEvent', { event: { schema: '${LINK_CLICK}', data: { targetUrl: 'https://example.com/' + i + '/' + 'x'.repeat(1000) } } });
          }
          location.href = '${other.url}/away.html';
        };`),
    );
    const page = await driver.open(`${site.url}/unload.html`);
    // In a task of its own, so that the command returns before the page goes.
    await page.evaluate(() => void setTimeout((window as unknown as { go(): void }).go));
    await expect.poll(() => page.url().catch(() => ''), { timeout: 15_000 }).toBe(`${other.url}/away.html`);
    const whileAway = (await goodEvents(collector)).length;
    await page.back();
    // WebKit keeps the page in the back/forward cache, with its requests in flight never
    // settled (the SDK settles them at pageshow); Chromium loads it anew and the new page
    // takes the released queue over; Firefox does either, as it finds the page eligible.
    const restored = await page.evaluate(() => (window as unknown as { restored: boolean }).restored);
    expect({ chromium: [false], firefox: [false, true], webkit: [true] }[driver.engine]).toContain(restored);
    test.info().annotations.push({ type: 'restored from the back/forward cache', description: String(restored) });
    const events = await waitForEvents(collector, (all) => all.length >= 50, 10_000);
    await settled(page);
    const final = await goodEvents(collector);
    expect(duplicates(final)).toEqual([]);
    expect(final.length).toBe(50);
    expect(events.length).toBe(50);
    // Most arrive while the user is away (keepalive requests outlive the page).
    expect(whileAway).toBeGreaterThan(0);
    test.info().annotations.push({ type: 'delivered while away', description: String(whileAway) });
  });
});

test('unload while a retry to a failing collector is on the wire: its events stay stored and arrive on the next load', async ({ driver }) => {
  // The first POST gets a 503 and the second no answer; the rest are accepted. At the
  // reload below, the retry is on the wire to a collector known to fail, so the page
  // must not count its events as delivered.
  const collector = await scriptedCollector((post, res) => post == 1 ? (res.writeHead(503).end(), true) : post == 2);
  try {
    site.page('/failing.html', oncePage(collector.url, 'failing', 5));
    const page = await driver.open(`${site.url}/failing.html`);
    await expect.poll(collector.posts, { timeout: 10_000 }).toBe(2);
    await page.reload();
    await expect.poll(() => collector.eids.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    await settled(page);
    expect(collector.eids.length).toBe(5);
    expect(new Set(collector.eids).size).toBe(5);
  } finally {
    collector.close();
  }
});

test('a hidden tab killed while its failed request waits to be retried: the events were still stored, and a new page sends them', async ({ driver }) => {
  // The first two POSTs get no answer (the first is cut below, once the page is hidden);
  // the rest are accepted.
  const held: ServerResponse[] = [];
  const collector = await scriptedCollector((post, res) => post <= 2 && held.push(res) > 0);
  try {
    // Stands in for the browser killing the tab: once `killed` is set, the page's own
    // pagehide and visibilitychange handlers no longer run.
    const killable = `for (const [target, type] of [[window, 'pagehide'], [document, 'visibilitychange']]) {
        target.addEventListener(type, (event) => window.killed && event.stopImmediatePropagation(), true);
      }`;
    site.page('/killed.html', oncePage(collector.url, 'killed', 5, killable));
    site.page('/next.html', umdPage(`isotrack('newTracker', 'sp', '${collector.url}', { appId: 'killed' });`));
    const page = await driver.open(`${site.url}/killed.html`);
    await expect.poll(collector.posts, { timeout: 10_000 }).toBe(1);
    // The user switches away: the page is hidden, with the request on the wire.
    await hide(page);
    held[0]!.socket?.destroy();
    // The page saw the request fail: its events wait, stored, for a retry.
    await failedOnce(page);
    // A mobile browser kills the hidden tab: no pagehide, nothing runs any more.
    await page.evaluate(() => void ((window as unknown as { killed: boolean }).killed = true));
    await page.close();
    // The next page of the site takes the dead tab's queue over once its lease expires (15 s).
    await driver.open(`${site.url}/next.html`);
    await expect.poll(() => new Set(collector.eids).size, { timeout: 40_000 }).toBe(5);
    expect(collector.eids.length).toBe(5);
  } finally {
    collector.close();
  }
});

test('two tabs: each sends its own events once, and only one takes over a closed tab\'s queue', async ({ driver }) => {
  const down = await downCollector();
  site.page('/tab.html', oncePage(down.url, 'tabs', 15));
  const a = await driver.open(`${site.url}/tab.html`);
  // Its events are stored (the first attempt failed) before the tab closes.
  await failedOnce(a);
  await a.close();
  // Two tabs open at once; both see the closed tab's queue.
  const [b, c] = await Promise.all([driver.open(`${site.url}/tab.html`), driver.open(`${site.url}/tab.html`)]);
  await b.evaluate(() => {
    for (let i = 0; i < 10; i++) (window as unknown as { isotrack(...a: unknown[]): void }).isotrack('trackStructEvent', { category: 'b', action: 'b' + i });
  });
  await c.evaluate(() => {
    for (let i = 0; i < 10; i++) (window as unknown as { isotrack(...a: unknown[]): void }).isotrack('trackStructEvent', { category: 'c', action: 'c' + i });
  });
  // Both tried and failed: their events are stored, and both tabs are live.
  await failedOnce(b);
  await failedOnce(c);
  const collector = await down.up();
  try {
    // b and c run in one sessionStorage each (new tabs), so each also tracked 15 of its own.
    const expected = 15 * 3 + 20;
    await waitForEvents(collector, (all) => all.length >= expected, 30_000);
    // Neither tab holds anything any more: no late request can bring a duplicate.
    await settled(b, c);
    const final = await goodEvents(collector);
    expect(duplicates(final)).toEqual([]);
    expect(final.length).toBe(expected);
  } finally {
    await collector.close();
  }
});
