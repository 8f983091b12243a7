// Identity reads `document.cookie` once per task, not once per cookie and event (issue 23,
// docs/identity.md "Reading the cookies"), and still sees between tasks what another
// tab or Snowplow's tracker wrote. The page counts the reads of `document.cookie` with a
// getter installed before the tracker loads. Runs in every engine (driver).
import { expect, test } from './driver/index.js';
import { umdPage, useCollectorAndSite, waitForEvents } from './helpers.js';

const live = useCollectorAndSite();

// Counts every read of document.cookie, in every engine (an accessor of Document.prototype).
const COUNT_READS = `(() => {
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  window.cookieReads = 0;
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() { window.cookieReads++; return cookie.get.call(this); },
    set(value) { cookie.set.call(this, value); },
  });
})();`;

type Page = { isotrack(...args: unknown[]): void; cookieReads: number };

test('a burst of 200 events in one task reads document.cookie once; one event per task reads it once, plus the read-backs of its write', async ({ driver }) => {
  live.site.page('/reads.html', umdPage(`isotrack('newTracker', 'sp', '${live.collector.url}', { appId: 'reads' });`, undefined, COUNT_READS));
  const page = await driver.open(`${live.site.url}/reads.html`);
  // Start-up done (root domain probe, first session write): count from here.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  const burst = await page.evaluate(() => {
    const w = window as unknown as Page;
    const before = w.cookieReads;
    for (let i = 0; i < 200; i++) w.isotrack('trackStructEvent', { category: 'burst', action: `a${i}` });
    return w.cookieReads - before;
  });
  expect(burst).toBe(1);
  // One event per task, each after the previous one's deferred write (10 ms): each reads the
  // cookies once (both from one read) and its write reads each cookie back once.
  const spaced = await page.evaluate(async () => {
    const w = window as unknown as Page;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = w.cookieReads;
    for (let i = 0; i < 10; i++) {
      w.isotrack('trackStructEvent', { category: 'spaced', action: `a${i}` });
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return w.cookieReads - before;
  });
  expect(spaced).toBe(10 * 3);
  const events = await waitForEvents(live.collector, (all) => all.length >= 210);
  expect(new Set(events.map((e) => e.sid)).size).toBe(1);
});

test('between tasks the cookies are read afresh: a session cookie another tab removed starts a new session at the next event', async ({ driver }) => {
  live.site.page('/shared.html', umdPage(`isotrack('newTracker', 'sp', '${live.collector.url}', { appId: 'shared' });`, undefined, COUNT_READS));
  const page = await driver.open(`${live.site.url}/shared.html`);
  await page.evaluate(async () => {
    const w = window as unknown as Page;
    w.isotrack('trackStructEvent', { category: 'c', action: 'first' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // What another tab does when the session times out there: the session cookie goes.
    const name = document.cookie.split('; ').find((pair) => pair.startsWith('_sp_ses.'))!.split('=')[0];
    document.cookie = `${name}=; Max-Age=0; Path=/; Domain=${location.hostname}`;
    // The next task: the tracker must see it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    w.isotrack('trackStructEvent', { category: 'c', action: 'second' });
  });
  const events = await waitForEvents(live.collector, (all) => all.length >= 2);
  const [first, second] = ['first', 'second'].map((action) => events.find((e) => e.se_ac == action)!);
  expect(second!.sid).not.toBe(first!.sid);
  expect(second!.vid).toBe(String(Number(first!.vid) + 1));
  expect(second!.duid).toBe(first!.duid);
});
