// Each stateStorageStrategy stores the identity exactly where it says and nowhere else,
// in the keys Snowplow uses there; 'localStorage' state is shared with Snowplow too.
import { expect, test, type Page } from '@playwright/test';
import { waitForEvents } from './helpers.js';
import { SHOP_BROWSER, SP_COOKIES, SP_STORAGE, UUID, shopPage, useShop } from './identity-site.js';

test.use(SHOP_BROWSER);
const shop = useShop();

const stored = async (page: Page) => ({
  cookies: (await page.evaluate(SP_COOKIES)) as Record<string, string>,
  storage: (await page.evaluate(SP_STORAGE)) as Record<string, string>,
  legacy: (await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('_it_id')))) as string[],
});

for (const strategy of ['cookieAndLocalStorage', 'cookie'] as const) {
  test(`${strategy}: identity in the _sp_id / _sp_ses cookies of the root domain, none in localStorage`, async ({ page }) => {
    shop.page(`/${strategy}.html`, shopPage(['isotrack'], `isotrack('newTracker', 'it', '${shop.collector.url}', { stateStorageStrategy: '${strategy}' }); isotrack('trackPageView');`));
    await page.goto(`${shop.origin('www')}/${strategy}.html`);
    const [event] = await waitForEvents(shop.collector, (all) => all.length >= 1);
    const { cookies, storage, legacy } = await stored(page);
    expect(Object.keys(cookies).sort()).toEqual(['_sp_id.c169', '_sp_ses.c169']);
    expect(cookies['_sp_id.c169']!.split('.')[0]).toBe(event!.duid);
    expect(cookies['_sp_ses.c169']).toBe('*');
    expect(storage).toEqual({});
    expect(legacy).toEqual([]);
  });
}

test('localStorage: Snowplow\'s keys with their .expires companions, no cookie; Snowplow with the same strategy reads them', async ({ page }) => {
  shop.page('/ls.html', shopPage(['isotrack'], `isotrack('newTracker', 'it', '${shop.collector.url}', { appId: 'isotrack', stateStorageStrategy: 'localStorage' }); isotrack('trackPageView');`));
  shop.page(
    '/ls-sp.html',
    shopPage(['snowplow'], `snowplowBrowserTracking.newTracker('sp', '${shop.collector.url}', { appId: 'snowplow', stateStorageStrategy: 'localStorage' }); snowplowBrowserTracking.trackPageView();`),
  );
  await page.goto(`${shop.origin('www')}/ls.html`);
  const [event] = await waitForEvents(shop.collector, (all) => all.length >= 1);
  const { cookies, storage } = await stored(page);
  expect(cookies).toEqual({});
  expect(Object.keys(storage).sort()).toEqual(['_sp_id.c169', '_sp_id.c169.expires', '_sp_ses.c169', '_sp_ses.c169.expires']);
  expect(storage['_sp_id.c169']!.split('.')[0]).toBe(event!.duid);
  // Lifetimes in ms from now: two years for the id, 30 minutes for the session.
  const now = Date.now();
  expect(Number(storage['_sp_id.c169.expires']) - now).toBeGreaterThan(63_000_000_000);
  expect(Number(storage['_sp_ses.c169.expires']) - now).toBeGreaterThan(1_700_000);
  expect(Number(storage['_sp_ses.c169.expires']) - now).toBeLessThanOrEqual(1_800_000);
  await page.goto(`${shop.origin('www')}/ls-sp.html`);
  const events = await waitForEvents(shop.collector, (all) => all.length >= 2);
  const sp = events.find((e) => e.aid == 'snowplow')!;
  expect([sp.duid, sp.sid, sp.vid]).toEqual([event!.duid, event!.sid, event!.vid]);
});

test('none: nothing in cookies or localStorage, ids in memory for the page (a new user after a reload)', async ({ page }) => {
  shop.page('/none.html', shopPage(['isotrack'], `isotrack('newTracker', 'it', '${shop.collector.url}', { stateStorageStrategy: 'none' }); isotrack('trackPageView'); isotrack('trackStructEvent', { category: 'c', action: 'a' });`));
  await page.goto(`${shop.origin('www')}/none.html`);
  const first = await waitForEvents(shop.collector, (all) => all.length >= 2);
  expect(first[0]!.duid).toMatch(UUID);
  expect(first[1]!.duid).toBe(first[0]!.duid);
  expect(first[1]!.sid).toBe(first[0]!.sid);
  expect(await stored(page)).toEqual({ cookies: {}, storage: {}, legacy: [] });
  await page.reload();
  const all = await waitForEvents(shop.collector, (events) => events.length >= 4);
  expect(new Set(all.map((e) => e.duid)).size).toBe(2);
});
