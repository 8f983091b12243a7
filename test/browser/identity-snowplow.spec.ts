// Migration from Snowplow, proved against the real @snowplow/browser-tracker on
// https://www.shop.test: the same `_sp_id.c169` / `_sp_ses.c169` cookies, so a returning
// user keeps duid, sid and vid whichever tracker ran before, both trackers on one page
// share them, and subdomains share them as far as Snowplow's do.
// Chromium only, on purpose: the scenario needs a real registrable domain with subdomains
// (www.shop.test and app.shop.test sharing cookies on Domain=shop.test, over https with
// Secure cookies). Only Chromium can map *.test to loopback here (--host-resolver-rules);
// Firefox and WebKitGTK would need the machine's resolver (/etc/hosts) changed, and a bare
// 127.0.0.1 has no subdomains. The single-host identity scenarios run in every engine
// (identity-state/-storage/-anonymous/-api/-links.spec.ts, on the plain-http shop).
import { expect, test, type Page } from '@playwright/test';
import { entities, goodEvents, waitForEvents } from './helpers.js';
import { SHOP_BROWSER, SP_COOKIES, UUID, shopPage, useShop } from './identity-site.js';

test.use(SHOP_BROWSER);
const shop = useShop();

const snowplow = (action: string) =>
  `snowplowBrowserTracking.newTracker('sp', '${shop.collector.url}', { appId: 'snowplow', contexts: { session: true } });
   snowplowBrowserTracking.trackStructEvent({ category: 'step', action: '${action}' });`;
const isotrack = (action: string) =>
  `isotrack('newTracker', 'it', '${shop.collector.url}', { appId: 'isotrack', clientSession: true });
   isotrack('trackStructEvent', { category: 'step', action: '${action}' });`;
const byAction = async (count: number) => {
  const events = await waitForEvents(shop.collector, (all) => all.length >= count);
  return Object.fromEntries(events.map((e) => [e.se_ac!, e]));
};
const session = (event: Record<string, string>) => entities(event).find((x) => x.schema.includes('client_session'))!.data;
const cookies = (page: Page) => page.evaluate(SP_COOKIES) as Promise<Record<string, string>>;


test('Snowplow first, then isotrack: the returning user keeps duid, sid and vid, and the session goes on', async ({ page }) => {
  shop.page('/sp-first.html', shopPage(['snowplow'], snowplow('snowplow')));
  shop.page('/it-second.html', shopPage(['isotrack'], isotrack('isotrack')));
  await page.goto(`${shop.origin('www')}/sp-first.html`);
  await waitForEvents(shop.collector, (all) => all.length >= 1);
  const written = await cookies(page);
  expect(Object.keys(written).sort()).toEqual(['_sp_id.c169', '_sp_ses.c169']);
  await page.goto(`${shop.origin('www')}/it-second.html`);
  const { snowplow: sp, isotrack: it } = await byAction(2);
  expect(sp!.duid).toMatch(UUID);
  expect([it!.duid, it!.sid, it!.vid]).toEqual([sp!.duid, sp!.sid, sp!.vid]);
  // Same session: isotrack's event is the session's second, its first is Snowplow's.
  expect(session(it!)).toMatchObject({ sessionId: sp!.sid, eventIndex: 2, firstEventId: sp!.eid, storageMechanism: 'COOKIE_1' });
  const after = (await cookies(page))['_sp_id.c169']!.split('.');
  expect(after).toHaveLength(10);
  expect([after[0], after[5], after[7], after[9]]).toEqual([sp!.duid, sp!.sid, sp!.eid, '2']);
});

test('isotrack first, then Snowplow: Snowplow sees the same duid, sid and vid', async ({ page }) => {
  shop.page('/it-first.html', shopPage(['isotrack'], isotrack('isotrack')));
  shop.page('/sp-second.html', shopPage(['snowplow'], snowplow('snowplow')));
  await page.goto(`${shop.origin('www')}/it-first.html`);
  await waitForEvents(shop.collector, (all) => all.length >= 1);
  await page.goto(`${shop.origin('www')}/sp-second.html`);
  const { snowplow: sp, isotrack: it } = await byAction(2);
  expect(it!.duid).toMatch(UUID);
  expect([sp!.duid, sp!.sid, sp!.vid]).toEqual([it!.duid, it!.sid, it!.vid]);
  expect(session(sp!)).toMatchObject({ userId: it!.duid, sessionId: it!.sid, eventIndex: 2, firstEventId: it!.eid });
});

test('an expired session: isotrack starts the next one as Snowplow would (vid + 1, previous session linked), and Snowplow continues it', async ({ page }) => {
  shop.page('/sp-old.html', shopPage(['snowplow'], snowplow('old')));
  shop.page('/it-new.html', shopPage(['isotrack'], isotrack('new')));
  shop.page('/sp-after.html', shopPage(['snowplow'], snowplow('after')));
  await page.goto(`${shop.origin('www')}/sp-old.html`);
  await waitForEvents(shop.collector, (all) => all.length >= 1);
  // The session cookie expires (30 minutes without events).
  await page.evaluate(() => (document.cookie = '_sp_ses.c169=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=shop.test; Secure'));
  expect(Object.keys(await cookies(page))).toEqual(['_sp_id.c169']);
  await page.goto(`${shop.origin('www')}/it-new.html`);
  await waitForEvents(shop.collector, (all) => all.length >= 2);
  await page.goto(`${shop.origin('www')}/sp-after.html`);
  const { old, new: fresh, after } = await byAction(3);
  expect(fresh!.duid).toBe(old!.duid);
  expect(fresh!.sid).not.toBe(old!.sid);
  expect(fresh!.vid).toBe(String(Number(old!.vid) + 1));
  expect(session(fresh!)).toMatchObject({ previousSessionId: old!.sid, eventIndex: 1, firstEventId: fresh!.eid });
  expect([after!.duid, after!.sid, after!.vid]).toEqual([fresh!.duid, fresh!.sid, fresh!.vid]);
  expect(session(after!)).toMatchObject({ previousSessionId: old!.sid, eventIndex: 2 });
});

test('both on one page, over two page loads: every event of either tracker has one duid and sid', async ({ page }) => {
  shop.page(
    '/both.html',
    shopPage(
      ['snowplow', 'isotrack'],
      `${snowplow('sp-1')}
       ${isotrack('it-1')}
       snowplowBrowserTracking.trackStructEvent({ category: 'step', action: 'sp-2' });
       isotrack('trackStructEvent', { category: 'step', action: 'it-2' });`,
    ),
  );
  await page.goto(`${shop.origin('www')}/both.html`);
  await waitForEvents(shop.collector, (all) => all.length >= 4);
  await page.reload();
  const events = await waitForEvents(shop.collector, (all) => all.length >= 8);
  expect(new Set(events.map((e) => e.duid)).size).toBe(1);
  expect(new Set(events.map((e) => e.sid)).size).toBe(1);
  expect(new Set(events.map((e) => e.vid))).toEqual(new Set(['1']));
  expect((await goodEvents(shop.collector)).length).toBe(8);
  // Within one task each tracker counts the session's events it saw (both defer their
  // cookie writes a few ms); the next page load counts on from the larger count.
  const indexes = (tracker: string, load: number) => events.filter((e) => e.aid == tracker).map((e) => session(e).eventIndex as number).sort((a, b) => a - b).slice(load * 2, load * 2 + 2);
  for (const tracker of ['snowplow', 'isotrack']) expect(Math.min(...indexes(tracker, 1))).toBeGreaterThan(Math.max(...indexes(tracker, 0)));
  const stored = (await cookies(page))['_sp_id.c169']!.split('.');
  expect([stored[0], stored[5]]).toEqual([events[0]!.duid, events[0]!.sid]);
});

test('subdomains share the id as Snowplow\'s do: www then app, either tracker', async ({ page }) => {
  shop.page('/it-www.html', shopPage(['isotrack'], isotrack('it-www')));
  shop.page('/it-app.html', shopPage(['isotrack'], isotrack('it-app')));
  shop.page('/sp-app.html', shopPage(['snowplow'], snowplow('sp-app')));
  await page.goto(`${shop.origin('www')}/it-www.html`);
  await waitForEvents(shop.collector, (all) => all.length >= 1);
  await page.goto(`${shop.origin('app')}/it-app.html`);
  await waitForEvents(shop.collector, (all) => all.length >= 2);
  await page.goto(`${shop.origin('app')}/sp-app.html`);
  const events = await byAction(3);
  expect(events['it-app']!.duid).toBe(events['it-www']!.duid);
  expect(events['sp-app']!.duid).toBe(events['it-www']!.duid);
  expect(events['it-app']!.sid).toBe(events['it-www']!.sid);
  // Written on the root domain, readable from both subdomains.
  expect(Object.keys(await cookies(page)).sort()).toEqual(['_sp_id.c169', '_sp_ses.c169']);
});
