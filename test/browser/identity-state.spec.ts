// State read back is validated (issue 15, item 4): corrupted `_it_id` or `_sp_id` is
// discarded once with a console.warn and never makes an event bad; a valid `_it_id` of
// an earlier isotrack is migrated once to the `_sp_id` cookie. Runs in every engine, on
// the plain-http shop (127.0.0.1: the cookies are `_sp_*.dc78`, not Secure).
import { expect, test, type Tab } from './driver/index.js';
import { counts, waitForEvents } from './helpers.js';
import { PLAIN_ID, UUID, pageWarnings, shopPage, spCookies, useShop } from './identity-site.js';

const shop = useShop({ plainHttp: true });

const TRACK = (n: number) => `isotrack('newTracker', 'it', '${shop.collector.url}', { clientSession: true });
  isotrack('trackPageView');
  for (let i = 0; i < ${n}; i++) isotrack('trackStructEvent', { category: 'c', action: 'a' + i });`;
const warnings = (page: Tab) => page.evaluate(pageWarnings);
const idCookie = async (page: Tab) => (await page.evaluate(spCookies))[PLAIN_ID]!.split('.');
// A page of the shop without a tracker, to plant state before the tracker's page loads.
const plant = async (page: Tab, script: string) => {
  await page.evaluate((code) => void (0, eval)(code), script);
};

for (const [what, script] of [
  ['_it_id of 7 bad fields', `localStorage.setItem('_it_id', 'a.b.c.d.e.f.g')`],
  // The Domain the tracker itself writes there (the host, a bare IP address).
  ['_sp_id cookie with a session id that is no UUID', `document.cookie = '${PLAIN_ID}=3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d.1.NaN.1..c; Path=/; Domain=127.0.0.1'`],
] as const) {
  test(`corrupted ${what}: discarded once with a warning, every event good, also after a reload`, async ({ driver }) => {
    shop.page('/blank.html', shopPage([], ''));
    const page = await driver.open(`${shop.origin('www')}/blank.html`);
    await plant(page, script);
    shop.page('/track.html', shopPage(['isotrack'], TRACK(6)));
    await page.goto(`${shop.origin('www')}/track.html`);
    const events = await waitForEvents(shop.collector, (all) => all.length >= 7);
    expect(await warnings(page)).toEqual([expect.stringMatching(/^isotrack: discarded invalid identity state (_it_id|_sp_id\.dc78)=/)]);
    expect(new Set(events.map((e) => e.duid)).size).toBe(1);
    expect(events[0]!.sid).toMatch(UUID);
    expect(events[0]!.vid).toBe('1');
    expect(await page.evaluate(() => localStorage.getItem('_it_id'))).toBeNull();
    expect((await idCookie(page))[5]).toBe(events[0]!.sid);
    await page.reload();
    const again = await waitForEvents(shop.collector, (all) => all.length >= 14);
    expect(await warnings(page)).toEqual([]);
    expect(new Set(again.map((e) => e.duid)).size).toBe(1);
    expect(new Set(again.map((e) => e.sid)).size).toBe(1);
    expect(await counts(shop.collector)).toMatchObject({ good: 14, bad: 0 });
  });
}

test('a valid _it_id of an earlier isotrack is migrated once: same user, session and index, then _it_id is gone', async ({ driver }) => {
  const duid = '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  const sid = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
  const previous = 'b1b2c3d4-e5f6-4789-8abc-def012345678';
  const first = 'c1b2c3d4-e5f6-4789-8abc-def012345678';
  shop.page('/blank.html', shopPage([], ''));
  const page = await driver.open(`${shop.origin('www')}/blank.html`);
  await plant(page, `localStorage.setItem('_it_id', ['${duid}', 4, '${sid}', Date.now() - 60000, '${previous}', '${first}', Date.now() - 600000].join('.'))`);
  shop.page('/migrate.html', shopPage(['isotrack'], TRACK(0)));
  await page.goto(`${shop.origin('www')}/migrate.html`);
  const [event] = await waitForEvents(shop.collector, (all) => all.length >= 1);
  expect([event!.duid, event!.sid, event!.vid]).toEqual([duid, sid, '4']);
  expect(await warnings(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('_it_id'))).toBeNull();
  const cookie = await idCookie(page);
  expect([cookie[0], cookie[2], cookie[5], cookie[6], cookie[7]]).toEqual([duid, '4', sid, previous, first]);
});
