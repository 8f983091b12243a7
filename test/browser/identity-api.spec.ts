// The page and session API with Snowplow's names: page view id semantics, custom URL and
// referrer, user id from cookie or location, domain user info, newSession and its callback.
// Runs in every engine, on the plain-http shop (127.0.0.1).
import { expect, test } from './driver/index.js';
import { WEB_PAGE, entities, waitForEvents } from './helpers.js';
import { UUID, shopPage, useShop } from './identity-site.js';

const shop = useShop({ plainHttp: true });
const pageId = (event: Record<string, string>) => entities(event).find((x) => x.schema === WEB_PAGE)?.data.id;

test('page view id as Snowplow\'s: events before the first page view share its id, every tracker of the page shares it, preservePageViewId keeps it', async ({ driver }) => {
  shop.page(
    '/pv.html',
    shopPage(
      ['isotrack'],
      `isotrack('newTracker', 'a', '${shop.collector.url}', { appId: 'a' });
       isotrack('newTracker', 'b', '${shop.collector.url}', { appId: 'b' });
       isotrack('trackStructEvent', { category: 'c', action: 'before' });
       isotrack('trackPageView', { pageTitle: 'first' });
       isotrack('trackPageView', { pageTitle: 'second' });
       isotrack('preservePageViewId:b');
       isotrack('trackPageView:b', { pageTitle: 'third' });`,
    ),
  );
  const page = await driver.open(`${shop.origin('www')}/pv.html`);
  const events = await waitForEvents(shop.collector, (all) => all.length >= 7);
  const find = (aid: string, what: string) => events.find((e) => e.aid == aid && (e.se_ac == what || e.page == what))!;
  const first = pageId(find('a', 'first'));
  expect(first).toMatch(UUID);
  for (const aid of ['a', 'b']) {
    expect(pageId(find(aid, 'before'))).toBe(first);
    expect(pageId(find(aid, 'first'))).toBe(first);
  }
  const second = pageId(find('a', 'second'));
  expect(second).not.toBe(first);
  expect(pageId(find('b', 'second'))).toBe(second);
  expect(pageId(find('b', 'third'))).toBe(second);
});

test('setCustomUrl, setReferrerUrl, setUserIdFromLocation, setUserIdFromCookie', async ({ driver }) => {
  shop.page(
    '/api.html',
    shopPage(
      ['isotrack'],
      `document.cookie = 'login=cookie-user; Path=/';
       isotrack('newTracker', 'it', '${shop.collector.url}');
       isotrack('setCustomUrl', '/virtual/page?x=1');
       isotrack('setReferrerUrl', 'https://search.example/?q=shop');
       isotrack('setUserIdFromLocation', 'uid');
       isotrack('trackStructEvent', { category: 'c', action: 'from-location' });
       isotrack('setUserIdFromCookie', 'login');
       isotrack('trackStructEvent', { category: 'c', action: 'from-cookie' });`,
    ),
  );
  const page = await driver.open(`${shop.origin('www')}/api.html?uid=url-user`);
  const events = await waitForEvents(shop.collector, (all) => all.length >= 2);
  const [fromLocation, fromCookie] = ['from-location', 'from-cookie'].map((a) => events.find((e) => e.se_ac == a)!);
  for (const event of [fromLocation!, fromCookie!]) {
    expect(event.url).toBe(`${shop.origin('www')}/virtual/page?x=1`);
    expect(event.refr).toBe('https://search.example/?q=shop');
  }
  expect(fromLocation!.uid).toBe('url-user');
  expect(fromCookie!.uid).toBe('cookie-user');
});

test('getDomainUserId / getDomainUserInfo, newSession and onSessionUpdateCallback', async ({ driver }) => {
  shop.page(
    '/session.html',
    shopPage(
      ['isotrack'],
      `window.updates = [];
       isotrack('newTracker', 'it', '${shop.collector.url}', { onSessionUpdateCallback: (s) => updates.push(s) });
       isotrack('trackPageView');`,
    ),
  );
  const page = await driver.open(`${shop.origin('www')}/session.html`);
  const [pv] = await waitForEvents(shop.collector, (all) => all.length >= 1);
  const read = () =>
    page.evaluate(() => {
      let out: unknown;
      (window as unknown as { isotrack(f: (t: Record<string, { getDomainUserId(): string; getDomainUserInfo(): unknown[] }>) => void): void }).isotrack((trackers) => {
        out = { duid: trackers.it!.getDomainUserId(), info: trackers.it!.getDomainUserInfo(), updates: (window as unknown as { updates: unknown[] }).updates };
      });
      return out as { duid: string; info: (string | number)[]; updates: { sessionId: string; sessionIndex: number; previousSessionId: string | null }[] };
    });
  const before = await read();
  expect(before.duid).toBe(pv!.duid);
  expect(before.info).toHaveLength(11);
  expect([before.info[0], before.info[1], before.info[3], before.info[6], before.info[10]]).toEqual(['0', pv!.duid, 1, pv!.sid, 1]);
  expect(before.updates.map((s) => s.sessionId)).toEqual([pv!.sid]);
  await page.evaluate((code) => void (0, eval)(code), `isotrack('newSession'); isotrack('trackStructEvent', { category: 'c', action: 'after' })`);
  const events = await waitForEvents(shop.collector, (all) => all.length >= 2);
  const after = events.find((e) => e.se_ac == 'after')!;
  expect(after.duid).toBe(pv!.duid);
  expect(after.sid).not.toBe(pv!.sid);
  expect(after.vid).toBe('2');
  const updates = (await read()).updates;
  expect(updates).toHaveLength(2);
  expect(updates[1]).toMatchObject({ sessionId: after.sid, sessionIndex: 2, previousSessionId: pv!.sid });
});
