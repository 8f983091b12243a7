// Identity and sessions in every engine, as the script tag sets them up: a session that times
// out, Do Not Track, a localStorage that fills up while the page runs, and an opt-out.
import { expect, test } from './driver/index.js';
import { duplicates, entities, goodEvents, umdPage, useCollectorAndSite, waitForEvents } from './helpers.js';

const live = useCollectorAndSite();

test('a session ends after sessionTimeout without events: new sid, vid + 1, client_session links the previous one', async ({ driver }) => {
  live.site.page(
    '/session.html',
    umdPage(`
      isotrack('newTracker', 'sp', '${live.collector.url}', { appId: 'session', sessionTimeout: 1, clientSession: true });
      isotrack('trackPageView');
      isotrack('trackStructEvent', { category: 'c', action: 'same session' });
      // 1 s of timeout plus up to 1 s more: WebKitGTK expires a cookie only at the next whole
      // second after its Max-Age (measured 1.16-1.92 s for Max-Age=1; docs/browser-support.md).
      setTimeout(() => isotrack('trackStructEvent', { category: 'c', action: 'after the timeout' }), 2100);`),
  );
  await driver.open(`${live.site.url}/session.html`);
  const events = await waitForEvents(live.collector, (all) => all.length >= 3);
  const [pv, same, after] = ['pv', 'same session', 'after the timeout'].map((which) => events.find((e) => e.e === which || e.se_ac === which)!);
  expect(same!.sid).toBe(pv!.sid);
  expect(same!.vid).toBe('1');
  expect(after!.duid).toBe(pv!.duid);
  expect(after!.sid).not.toBe(pv!.sid);
  expect(after!.vid).toBe('2');
  const session = entities(after!).find((x) => x.schema.includes('client_session'))!.data;
  expect(session).toMatchObject({ sessionId: after!.sid, sessionIndex: 2, previousSessionId: pv!.sid, firstEventId: after!.eid });
});

test('respectDoNotTrack: with Do Not Track on, that tracker sends nothing; one without the option still sends', async ({ driver }) => {
  live.site.page(
    '/dnt.html',
    umdPage(`
      isotrack('newTracker', 'dnt', '${live.collector.url}', { appId: 'dnt', respectDoNotTrack: true });
      isotrack('newTracker', 'plain', '${live.collector.url}', { appId: 'plain', cookieName: '_plain_' });
      isotrack('trackPageView');`, undefined, `Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1', configurable: true });`),
  );
  const page = await driver.open(`${live.site.url}/dnt.html`);
  await waitForEvents(live.collector, (all) => all.some((e) => e.aid === 'plain'));
  // Time for the other tracker's request, had it sent one.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const events = await goodEvents(live.collector);
  expect(events.map((e) => e.aid)).toEqual(['plain']);
  // Nothing stored for the tracker that respects Do Not Track; the other one's cookies are there.
  const stored = await page.evaluate(() => [...document.cookie.split('; '), ...Object.keys(localStorage)].map((entry) => entry.split(/[.=]/)[0]));
  expect(stored.filter((name) => name!.startsWith('_sp_'))).toEqual([]);
  expect(stored).toContain('_plain_id');
});

test('localStorage full while the page runs (quota): events are kept in memory and delivered, without errors', async ({ driver }) => {
  // Storage works when the tracker starts, then every write fails as a full quota does.
  const prelude = `
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.full) throw new DOMException('quota', 'QuotaExceededError');
      setItem.call(this, key, value);
    };`;
  live.site.page(
    '/full.html',
    umdPage(`
      isotrack('newTracker', 'sp', '${live.collector.url}', { appId: 'full' });
      isotrack('trackPageView');
      window.full = true;
      for (let i = 0; i < 30; i++) isotrack('trackStructEvent', { category: 'full', action: 'a' + i });`, undefined, prelude),
  );
  const page = await driver.open(`${live.site.url}/full.html`);
  const events = await waitForEvents(live.collector, (all) => all.length >= 31);
  // Time for a duplicate, had one been sent.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const final = await goodEvents(live.collector);
  expect(final.length).toBe(31);
  expect(duplicates(final)).toEqual([]);
  expect(new Set(events.map((e) => e.duid)).size).toBe(1);
  expect(await page.errors()).toEqual([]);
});

test('an opt-out is remembered across page loads until optIn', async ({ driver }) => {
  live.site.page(
    '/optout.html',
    umdPage(`
      isotrack('newTracker', 'sp', '${live.collector.url}', { appId: 'optout' });
      isotrack('trackStructEvent', { category: 'load', action: new URLSearchParams(location.search).get('step') });`),
  );
  const page = await driver.open(`${live.site.url}/optout.html?step=before`);
  await waitForEvents(live.collector, (all) => all.length >= 1);
  await page.evaluate(() => (window as unknown as { isotrack(...args: unknown[]): void }).isotrack('optOut'));
  await page.goto(`${live.site.url}/optout.html?step=opted-out`);
  await page.evaluate(() => (window as unknown as { isotrack(...args: unknown[]): void }).isotrack('optIn'));
  await page.goto(`${live.site.url}/optout.html?step=opted-in`);
  await waitForEvents(live.collector, (all) => all.length >= 2);
  // Time for the opted-out page's request, had it been sent.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const events = (await goodEvents(live.collector)).sort((a, b) => Number(a.dtm) - Number(b.dtm));
  expect(events.map((e) => e.se_ac)).toEqual(['before', 'opted-in']);
  expect(events[1]!.duid).toBe(events[0]!.duid);
});
