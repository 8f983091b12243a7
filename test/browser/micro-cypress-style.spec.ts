// A test written the way Snowplow Micro's documented Cypress example is written: the app
// tracks in a real browser, then the test asserts only through Micro's API (`/micro/all`,
// `/micro/good` filters, `/micro/bad`), with small helpers like the example's custom
// commands. Nothing here knows it is talking to isotrack's dev collector: pointed at a
// Micro with MICRO_URL, it would run unchanged.
import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { LINK_CLICK, WEB_PAGE, startCollector, startSite, umdPage } from './helpers.js';
import type { RunningCollector, Site } from './helpers.js';

interface MicroGood {
  eventType: string | null;
  schema: string | null;
  contexts: string[];
  event: Record<string, unknown> & { unstruct_event: { data: { schema: string; data: Record<string, unknown> } } | null };
}

let collector: RunningCollector;
let site: Site;
let micro: string;
test.beforeAll(async () => {
  collector = await startCollector({ port: 0 });
  site = await startSite();
  micro = process.env.MICRO_URL ?? collector.url;
});
test.afterAll(async () => {
  await site.close();
  await collector.close();
});

// The example's custom commands, over Playwright's request fixture.
const resetMicro = async (request: APIRequestContext) => expect((await request.get(`${micro}/micro/reset`)).ok()).toBe(true);
const microAll = async (request: APIRequestContext) => (await request.get(`${micro}/micro/all`)).json() as Promise<{ total: number; good: number; bad: number }>;
const eventsWith = async (request: APIRequestContext, filter: Record<string, unknown>) =>
  (await request.post(`${micro}/micro/good`, { data: filter })).json() as Promise<MicroGood[]>;
const noBadEvents = async (request: APIRequestContext) => expect(await (await request.post(`${micro}/micro/bad`, { data: {} })).json()).toEqual([]);
const eventsWithParams = async (request: APIRequestContext, params: Record<string, unknown>) =>
  (await eventsWith(request, {})).filter((good) => Object.entries(params).every(([key, value]) => good.event[key] === value));

test('tracks a checkout page, then asserts through /micro/good filters', async ({ page, request }) => {
  await resetMicro(request);
  site.page(
    '/checkout.html',
    umdPage(`
      isotrack('newTracker', 'sp', '${micro}', { appId: 'shop' });
      isotrack('trackPageView');
      document.getElementById('buy').addEventListener('click', function () {
        isotrack('trackSelfDescribingEvent', { event: { schema: '${LINK_CLICK}', data: { targetUrl: 'https://shop.example/paid' } } });
        isotrack('trackStructEvent', { category: 'checkout', action: 'pay', value: 42 });
      });`, 'Checkout').replace('<body>', '<body><button id="buy">Buy</button>'),
  );
  await page.goto(`${site.url}/checkout.html`);
  await page.click('#buy');

  // Micro examples wait for the count, then query.
  await expect.poll(async () => (await microAll(request)).total, { timeout: 15_000 }).toBe(3);
  expect(await microAll(request)).toEqual({ total: 3, good: 3, bad: 0 });
  await noBadEvents(request);

  const views = await eventsWith(request, { event_type: 'page_view' });
  expect(views).toHaveLength(1);
  expect(views[0]?.event).toMatchObject({ app_id: 'shop', page_title: 'Checkout', page_url: `${site.url}/checkout.html` });

  const clicks = await eventsWith(request, { schema: LINK_CLICK, contexts: [WEB_PAGE] });
  expect(clicks).toHaveLength(1);
  expect(clicks[0]?.event.unstruct_event?.data.data.targetUrl).toBe('https://shop.example/paid');

  const [payment, ...others] = await eventsWithParams(request, { se_category: 'checkout', se_action: 'pay' });
  expect(others).toHaveLength(0);
  expect(payment?.eventType).toBe('struct');
  expect(payment?.event.se_value).toBe(42);

  // Every event of the page view carries the same web_page entity.
  const withPage = await eventsWith(request, { contexts: [WEB_PAGE], limit: 10 });
  expect(withPage).toHaveLength(3);
  expect((await eventsWith(request, { limit: 1 }))[0]?.eventType).toBe('struct');
});

test('a tracking mistake shows up on /micro/bad, as in Micro', async ({ page, request }) => {
  await resetMicro(request);
  site.page(
    '/broken.html',
    umdPage(`
      isotrack('newTracker', 'sp', '${micro}', { appId: 'shop' });
      isotrack('trackSelfDescribingEvent', { event: { schema: '${LINK_CLICK}', data: { elementId: 'no-target-url' } } });`),
  );
  await page.goto(`${site.url}/broken.html`);
  await expect.poll(async () => (await microAll(request)).bad, { timeout: 15_000 }).toBe(1);
  const bad = (await (await request.post(`${micro}/micro/bad`, { data: { vendor: 'com.snowplowanalytics.snowplow', version: 'tp2' } })).json()) as { errors: string[] }[];
  expect(bad).toHaveLength(1);
  expect(bad[0]?.errors.join('\n')).toContain('targetUrl');
  expect(await eventsWith(request, { schema: LINK_CLICK })).toEqual([]);
});
