// The events page in a real browser (Debian Chromium), against the built collector.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startCollector } from '@isotrack/collector';
import type { RunningCollector } from '@isotrack/collector';

const TP2 = '/com.snowplowanalytics.snowplow/tp2';
const PAYLOAD_DATA = 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4';
const UNSTRUCT = 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';
const SCREEN_VIEW = 'iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0';
const LINK_CLICK = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const fields = (extra: Record<string, string>): Record<string, string> => ({
  p: 'web',
  tv: 'isotrack-ui-test',
  eid: randomUUID(),
  dtm: String(Date.now()),
  aid: 'ui-test-app',
  ...extra,
});

async function post(collector: RunningCollector, events: Record<string, string>[]): Promise<void> {
  const response = await fetch(`${collector.url}${TP2}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ schema: PAYLOAD_DATA, data: events }),
  });
  expect(response.status).toBe(200);
}

let collector: RunningCollector;
test.beforeAll(async () => {
  collector = await startCollector();
});
test.afterAll(async () => {
  await collector.close();
});

test('the events page lists good and bad events, newest first, with errors and payloads', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  const screenId = randomUUID();
  await post(collector, [
    fields({ e: 'ue', ue_px: b64({ schema: UNSTRUCT, data: { schema: SCREEN_VIEW, data: { name: 'checkout', id: screenId } } }) }),
  ]);
  await post(collector, [fields({ e: 'ue', ue_px: b64({ schema: UNSTRUCT, data: { schema: LINK_CLICK, data: {} } }) })]);

  await page.goto(`${collector.url}/micro/ui`);
  const goodRow = page.locator('li.event.good');
  const badRow = page.locator('li.event.bad');
  await expect(goodRow).toHaveCount(1);
  await expect(goodRow).toContainText('ue unstruct');
  await expect(goodRow).toContainText(SCREEN_VIEW);
  await expect(goodRow).toContainText('app ui-test-app');
  await expect(badRow).toHaveCount(1);
  await expect(badRow).toContainText(`ue_px event: ${LINK_CLICK}: missing required field "targetUrl"`);
  await expect(page.locator('#counts')).toHaveText('1 good, 1 bad');
  // Newest first: the bad event was sent last.
  await expect(page.locator('li.event').first()).toHaveClass(/bad/);

  // The decoded payload opens on click.
  await goodRow.locator('summary').click();
  await expect(goodRow.locator('pre')).toBeVisible();
  await expect(goodRow.locator('pre')).toContainText(screenId);

  // The page refreshes itself, and keeps the opened row open.
  await post(collector, [fields({ e: 'pv', url: 'https://example.com/after' })]);
  await expect(page.locator('li.event')).toHaveCount(3);
  await expect(page.locator('li.event').first()).toContainText('pv page_view');
  await expect(page.locator('li.event.good', { hasText: SCREEN_VIEW }).locator('pre')).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/collector-ui.png', fullPage: true });
  expect(problems).toEqual([]);
});
