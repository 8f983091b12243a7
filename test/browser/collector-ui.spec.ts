// The events page in a real browser (Debian Chromium), against the built collector:
// listing, details on click, filters and search, long names, and hostile payloads.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startCollector } from '@isotrack/collector';
import type { RunningCollector } from '@isotrack/collector';

const TP2 = '/com.snowplowanalytics.snowplow/tp2';
const PAYLOAD_DATA = 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4';
const UNSTRUCT = 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';
const CONTEXTS = 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0';
const SCREEN_VIEW = 'iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0';
const LINK_CLICK = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';
const WEB_PAGE = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';
// Accepted because the collector runs with `lax`: an unknown schema with a long name.
const LONG = 'iglu:com.example.a-rather-long-vendor-name.for-testing/an_event_name_that_is_long_enough_to_wrap/jsonschema/1-0-0';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const fields = (extra: Record<string, string>): Record<string, string> => ({
  p: 'web',
  tv: 'isotrack-ui-test',
  eid: randomUUID(),
  dtm: String(Date.now()),
  aid: 'ui-test-app',
  ...extra,
});
const ue = (schema: string, data: unknown): string => b64({ schema: UNSTRUCT, data: { schema, data } });
const cx = (...entities: { schema: string; data: unknown }[]): string => b64({ schema: CONTEXTS, data: entities });

async function post(collector: RunningCollector, events: Record<string, string>[]): Promise<void> {
  const response = await fetch(`${collector.url}${TP2}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ schema: PAYLOAD_DATA, data: events }),
  });
  expect(response.status).toBe(200);
}

/** Collects page errors and console errors; the page must produce none. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return problems;
}

let collector: RunningCollector;
test.beforeAll(async () => {
  collector = await startCollector({ lax: true });
});
test.beforeEach(async () => {
  await fetch(`${collector.url}/micro/reset`, { method: 'POST' });
});
test.afterAll(async () => {
  await collector.close();
});

test('lists good and bad events, newest first, with errors, entities by schema and data on click', async ({ page }) => {
  const problems = watch(page);
  const screenId = randomUUID();
  const pageId = randomUUID();
  await post(collector, [fields({ e: 'ue', ue_px: ue(SCREEN_VIEW, { name: 'checkout', id: screenId }), cx: cx({ schema: WEB_PAGE, data: { id: pageId } }) })]);
  await post(collector, [fields({ e: 'ue', ue_px: ue(LINK_CLICK, {}) })]);

  await page.goto(`${collector.url}/micro/ui`);
  const goodRow = page.locator('li.event.good');
  const badRow = page.locator('li.event.bad');
  await expect(goodRow).toHaveCount(1);
  await expect(goodRow).toContainText('ue unstruct');
  await expect(goodRow).toContainText(SCREEN_VIEW);
  await expect(goodRow).toContainText(`1 entity: ${WEB_PAGE}`);
  await expect(goodRow).toContainText('app ui-test-app');
  await expect(badRow).toHaveCount(1);
  await expect(badRow).toContainText(`ue_px event: ${LINK_CLICK}: missing required field "targetUrl"`);
  await expect(page.locator('#counts')).toHaveText('1 good, 1 bad');
  await expect(page.locator('li.event').first()).toHaveClass(/bad/);

  // Opening a row fetches that one event: its self-describing event, then its entities by schema.
  await goodRow.locator('summary').first().click();
  const detail = goodRow.locator('.detail');
  await expect(detail.locator('details').first()).toContainText(screenId);
  const entity = detail.locator('details.entity', { hasText: WEB_PAGE });
  await expect(entity.locator('pre')).toBeHidden();
  await entity.locator('summary').click();
  await expect(entity.locator('pre')).toContainText(pageId);

  // The page refreshes itself, and keeps the opened row open.
  await post(collector, [fields({ e: 'pv', url: 'https://example.com/after' })]);
  await expect(page.locator('li.event')).toHaveCount(3);
  await expect(page.locator('li.event').first()).toContainText('pv page_view');
  await expect(entity.locator('pre')).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/collector-ui.png', fullPage: true });
  expect(problems).toEqual([]);
});

test('filters by good/bad, event type, schema and app id, and searches the payload', async ({ page }) => {
  const problems = watch(page);
  await post(collector, [
    fields({ e: 'pv', aid: 'shop', url: 'https://shop.example/needle-in-url' }),
    fields({ e: 'se', aid: 'shop', se_ca: 'cart', se_ac: 'add' }),
    fields({ e: 'ue', aid: 'blog', ue_px: ue(LINK_CLICK, { targetUrl: 'https://example.com/haystack' }) }),
    fields({ e: 'pv', aid: 'blog', cx: cx({ schema: WEB_PAGE, data: { id: randomUUID() } }) }),
    fields({ e: 'xx', aid: 'shop' }),
  ]);
  await page.goto(`${collector.url}/micro/ui`);
  const rows = page.locator('li.event');
  await expect(rows).toHaveCount(5);

  await page.selectOption('#f-kind', 'bad');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('event type e="xx" is not recognised');
  await page.selectOption('#f-kind', 'good');
  await expect(rows).toHaveCount(4);

  await page.fill('#f-type', 'page_view');
  await expect(rows).toHaveCount(2);
  await page.fill('#f-type', 'se');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('se struct');
  await page.fill('#f-type', '');

  await page.fill('#f-schema', WEB_PAGE); // an entity's schema matches too
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('app blog');
  await page.fill('#f-schema', LINK_CLICK);
  await expect(rows).toHaveCount(1);
  await page.fill('#f-schema', '');

  await page.fill('#f-app', 'shop');
  await expect(rows).toHaveCount(2);
  await page.fill('#f-app', '');

  // Free text looks inside decoded payloads, base64 entities and events included.
  await page.fill('#f-q', 'NEEDLE');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('pv page_view');
  await page.fill('#f-q', 'haystack');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(LINK_CLICK);
  await page.fill('#f-q', 'nothing matches this');
  await expect(rows).toHaveCount(0);
  await expect(page.locator('#empty')).toBeVisible();
  expect(problems).toEqual([]);
});

test('shows long schema names whole', async ({ page }) => {
  await post(collector, [fields({ e: 'ue', ue_px: ue(LONG, { a: 1 }) })]);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${collector.url}/micro/ui`);
  const schema = page.locator('li.event .schema');
  await expect(schema).toContainText(LONG);
  // Wrapped, not cut: nothing of it is hidden by overflow.
  expect(await schema.evaluate((node) => node.scrollWidth <= node.clientWidth + 1)).toBe(true);
  await page.screenshot({ path: 'test-results/collector-ui-long-names.png' });
});

test('renders hostile payloads in every field as inert text', async ({ page }) => {
  const problems = watch(page);
  const html = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await post(collector, [
    fields({ e: 'ue', aid: html, url: html, page: html, ue_px: ue(LONG, { name: html, [html]: html }), cx: cx({ schema: LONG, data: { html } }) }),
    fields({ e: html, aid: html, tv: html }),
  ]);
  await fetch(`${collector.url}${TP2}`, { method: 'POST', headers: { 'Content-Type': 'text/html' }, body: html });
  await page.goto(`${collector.url}/micro/ui`);
  const rows = page.locator('li.event');
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) {
    await row.locator('summary').first().click();
    await expect(row.locator('.detail')).not.toContainText('loading…');
    for (const inner of await row.locator('.detail details').all()) await inner.locator('summary').click();
  }
  await expect(page.locator('li.event', { hasText: `app ${html}` }).first()).toBeVisible();
  await expect(page.locator('body')).toContainText(html);
  expect(await page.locator('#events img, #events script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.fill('#f-q', '<script>');
  await expect(rows).toHaveCount(3);
  expect(problems).toEqual([]);
});

test('draws good and bad events per minute', async ({ page }) => {
  await post(collector, [fields({ e: 'pv' }), fields({ e: 'pv' }), fields({ e: 'xx' })]);
  await page.goto(`${collector.url}/micro/ui`);
  const minutes = page.locator('#bars g');
  await expect(minutes).toHaveCount(30);
  // The newest minute holds the three events: two good, one bad, drawn as two bars.
  await expect(minutes.last().locator('title')).toHaveText(/^\d\d:\d\d UTC: 2 good, 1 bad$/);
  await expect(minutes.last().locator('rect.good')).toHaveCount(1);
  await expect(minutes.last().locator('rect.bad')).toHaveCount(1);
  await expect(page.locator('#chart-caption')).toContainText('3 events');
});

test('shows the atomic fields picked as columns, and remembers the choice', async ({ page }) => {
  const problems = watch(page);
  const html = '<img src=x onerror="window.__pwned=1">';
  await post(collector, [fields({ e: 'pv', page: html, url: 'https://shop.example/cart' }), fields({ e: 'xx', url: 'https://shop.example/bad' })]);
  await page.goto(`${collector.url}/micro/ui`);
  await page.click('#columns > summary');
  await page.fill('#columns-find', 'page_');
  await expect(page.locator('#columns-list label:visible')).toHaveCount(9); // page_url, page_title, page_referrer, page_url* parts
  await page.check('#columns-list input[value="page_title"]');
  await page.check('#columns-list input[value="page_urlpath"]');
  const good = page.locator('li.event.good dl.cols');
  await expect(good).toContainText('page_title');
  await expect(good).toContainText(html);
  await expect(good).toContainText('/cart');
  // A failed event shows the fields of its incomplete event.
  await expect(page.locator('li.event.bad dl.cols')).toContainText('/bad');
  await page.reload();
  await expect(page.locator('li.event.good dl.cols')).toContainText('/cart');
  await expect(page.locator('#columns-list input[value="page_title"]')).toBeChecked();
  expect(await page.locator('#events img').count()).toBe(0);
  expect(problems).toEqual([]);
});

test('opens an event as JSON in a side panel', async ({ page }) => {
  const id = randomUUID();
  await post(collector, [fields({ e: 'pv', eid: id, aid: 'panel-app' })]);
  await page.goto(`${collector.url}/micro/ui`);
  await page.locator('li.event summary').first().click();
  await page.click('li.event .json-button');
  const panel = page.locator('#panel');
  await expect(panel).toBeVisible();
  const shown = JSON.parse((await page.locator('#panel-json').textContent()) ?? '{}') as { event: Record<string, unknown> };
  expect(shown.event).toMatchObject({ event_id: id, app_id: 'panel-app', event: 'page_view' });
  await page.click('#panel-close');
  await expect(panel).toBeHidden();
});

test('pages through 100,000 stored events', async ({ page }) => {
  const big = await startCollector({ maxEvents: 100_000, maxBytes: 2 ** 31 - 1 });
  try {
    const context = { timestamp: new Date().toISOString(), ipAddress: null, useragent: null, refererUri: null, headers: [], userId: null };
    const source = { name: 'test', encoding: 'UTF-8', hostname: null as unknown as string };
    const api = { vendor: 'com.snowplowanalytics.snowplow', version: 'tp2' };
    for (let i = 0; i < 100_000; i++) {
      const parameters = { e: 'pv', p: 'web', tv: 't', aid: `app-${i % 7}`, eid: randomUUID() };
      big.store.addGood({
        rawEvent: { api, parameters, contentType: 'application/json', source, context },
        eventType: 'page_view',
        schema: 'iglu:com.snowplowanalytics.snowplow/page_view/jsonschema/1-0-0',
        contexts: [],
        decoded: { parameters, unstructEvent: null, contexts: [] },
        receivedAt: context.timestamp,
      });
    }
    const problems = watch(page);
    await page.goto(`${big.url}/micro/ui`);
    await expect(page.locator('#counts')).toHaveText('100000 good, 0 bad');
    await expect(page.locator('li.event')).toHaveCount(200);
    await expect(page.locator('#shown')).toHaveText('Events 1–200 of 100000 matching, newest first');
    const newest = Number(await page.locator('li.event').first().getAttribute('data-id'));
    await page.click('#older');
    await expect(page.locator('#shown')).toHaveText('Events 201–400 of 100000 matching, newest first');
    await expect(page.locator('li.event').first()).toHaveAttribute('data-id', String(newest - 200));
    await page.fill('#f-app', 'app-3');
    await expect(page.locator('#shown')).toHaveText(/^Events 1–200 of 1428\d matching/);
    await page.click('#older');
    await page.click('#newer');
    await expect(page.locator('#newer')).toBeDisabled();
    expect(problems).toEqual([]);
  } finally {
    await big.close();
  }
});
