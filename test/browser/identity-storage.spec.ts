// Each stateStorageStrategy stores the identity exactly where it says and nowhere else,
// in the keys Snowplow uses there; 'localStorage' state is shared with Snowplow too.
// Runs in every engine, on the plain-http shop (127.0.0.1: keys `_sp_*.dc78`).
import { expect, test, type Tab } from './driver/index.js';
import { waitForEvents } from './helpers.js';
import { PLAIN_ID, PLAIN_SES, UUID, shopPage, spCookies, spStorage, useShop } from './identity-site.js';

const shop = useShop({ plainHttp: true });

const stored = async (page: Tab) => ({
  cookies: await page.evaluate(spCookies),
  storage: await page.evaluate(spStorage),
  legacy: await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('_it_id'))),
});

for (const strategy of ['cookieAndLocalStorage', 'cookie'] as const) {
  test(`${strategy}: identity in the _sp_id / _sp_ses cookies of the root domain, none in localStorage`, async ({ driver }) => {
    shop.page(`/${strategy}.html`, shopPage(['isotrack'], `isotrack('newTracker', 'it', '${shop.collector.url}', { stateStorageStrategy: '${strategy}' }); isotrack('trackPageView');`));
    const page = await driver.open(`${shop.origin('www')}/${strategy}.html`);
    const [event] = await waitForEvents(shop.collector, (all) => all.length >= 1);
    const { cookies, storage, legacy } = await stored(page);
    expect(Object.keys(cookies).sort()).toEqual([PLAIN_ID, PLAIN_SES]);
    expect(cookies[PLAIN_ID]!.split('.')[0]).toBe(event!.duid);
    expect(cookies[PLAIN_SES]).toBe('*');
    expect(storage).toEqual({});
    expect(legacy).toEqual([]);
  });
}

test('localStorage: Snowplow\'s keys with their .expires companions, no cookie; Snowplow with the same strategy reads them', async ({ driver }) => {
  shop.page('/ls.html', shopPage(['isotrack'], `isotrack('newTracker', 'it', '${shop.collector.url}', { appId: 'isotrack', stateStorageStrategy: 'localStorage' }); isotrack('trackPageView');`));
  shop.page(
    '/ls-sp.html',
    shopPage(['snowplow'], `snowplowBrowserTracking.newTracker('sp', '${shop.collector.url}', { appId: 'snowplow', stateStorageStrategy: 'localStorage' }); snowplowBrowserTracking.trackPageView();`),
  );
  const page = await driver.open(`${shop.origin('www')}/ls.html`);
  const [event] = await waitForEvents(shop.collector, (all) => all.length >= 1);
  const { cookies, storage } = await stored(page);
  expect(cookies).toEqual({});
  expect(Object.keys(storage).sort()).toEqual([PLAIN_ID, `${PLAIN_ID}.expires`, PLAIN_SES, `${PLAIN_SES}.expires`]);
  expect(storage[PLAIN_ID]!.split('.')[0]).toBe(event!.duid);
  // Lifetimes in ms from now: two years for the id, 30 minutes for the session.
  const now = Date.now();
  expect(Number(storage[`${PLAIN_ID}.expires`]) - now).toBeGreaterThan(63_000_000_000);
  expect(Number(storage[`${PLAIN_SES}.expires`]) - now).toBeGreaterThan(1_700_000);
  expect(Number(storage[`${PLAIN_SES}.expires`]) - now).toBeLessThanOrEqual(1_800_000);
  await page.goto(`${shop.origin('www')}/ls-sp.html`);
  const events = await waitForEvents(shop.collector, (all) => all.length >= 2);
  const sp = events.find((e) => e.aid == 'snowplow')!;
  expect([sp.duid, sp.sid, sp.vid]).toEqual([event!.duid, event!.sid, event!.vid]);
});

test('none: nothing in cookies or localStorage, ids in memory for the page (a new user after a reload)', async ({ driver }) => {
  shop.page('/none.html', shopPage(['isotrack'], `isotrack('newTracker', 'it', '${shop.collector.url}', { stateStorageStrategy: 'none' }); isotrack('trackPageView'); isotrack('trackStructEvent', { category: 'c', action: 'a' });`));
  const page = await driver.open(`${shop.origin('www')}/none.html`);
  const first = await waitForEvents(shop.collector, (all) => all.length >= 2);
  expect(first[0]!.duid).toMatch(UUID);
  expect(first[1]!.duid).toBe(first[0]!.duid);
  expect(first[1]!.sid).toBe(first[0]!.sid);
  expect(await stored(page)).toEqual({ cookies: {}, storage: {}, legacy: [] });
  await page.reload();
  const all = await waitForEvents(shop.collector, (events) => events.length >= 4);
  expect(new Set(all.map((e) => e.duid)).size).toBe(2);
});
