// The button-click-tracking, ga-cookies and performance-navigation-timing add-ons
// (issue 20), in every engine: the core tag adds each by URL, and every event and
// entity arrives good in the dev collector (schemas validated).
import { expect, test } from './driver/index.js';
import { ASYNC_SNIPPET, counts, entities, useCollectorAndSite, waitForEvents } from './helpers.js';
import { eventData, named } from './autotrack-helpers.js';

const live = useCollectorAndSite();

const GA_COOKIES = 'iglu:com.google.analytics/cookies/jsonschema/1-0-0';
const NAVIGATION_TIMING = 'iglu:org.w3/PerformanceNavigationTiming/jsonschema/1-0-0';

function snippetPage(body: string, script: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>add-ons</title>
<script>
${ASYNC_SNIPPET}
var COLLECTOR = ${JSON.stringify(live.collector.url)};
${script}</script></head><body>${body}</body></html>`;
}

test('button clicks (buttons added later too, filter, labels), GA cookies on every event, navigation timing on page views', async ({ driver }) => {
  live.site.page(
    '/buttons',
    snippetPage(
      `<button id="buy" name="buy" class="cta big"><span id="icon">Buy now</span></button>
       <button id="quiet" class="no-track">Hidden</button>
       <input id="send" type="button" value="Send">
       <button id="blank" class="cta"></button>`,
      `document.cookie = '_ga=GA1.1.1234567890.1700000000; path=/';
       document.cookie = '__utmz=111.222.1.1.utmcsr=(direct); path=/';
       isotrack('newTracker', 'sp', COLLECTOR, { appId: 'buttons' });
       isotrack('addPlugin', '/dist/plugins/button-click-tracking.umd.min.js');
       isotrack('addPlugin', '/dist/plugins/ga-cookies.umd.min.js');
       // Snowplow's long form, as a migrating page writes it.
       isotrack('addPlugin', '/dist/plugins/performance-navigation-timing.umd.min.js', ['snowplowPerformanceNavigationTiming', 'PerformanceNavigationTimingPlugin']);
       isotrack('enableGaCookies');
       isotrack('enableButtonClickTracking', {
         filter: { denylist: ['no-track'] },
         defaultLabel: function (button) { return 'unlabelled ' + button.id; },
         context: [function (button) { return { schema: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0', data: { id: '11111111-2222-4333-8444-' + (button.id == 'buy' ? '555555555555' : '666666666666') } }; }],
       });
       isotrack('trackPageView');
       isotrack(function () { window.ready = true; });`,
    ),
  );
  const tab = await driver.open(`${live.site.url}/buttons`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { ready?: boolean }).ready === true)).toBe(true);
  await tab.click('#icon'); // lands on the span inside the button
  await tab.click('#quiet'); // denied
  await tab.click('#send');
  await tab.click('#blank');
  // A button added after tracking started.
  await tab.evaluate(() => {
    const late = document.createElement('button');
    late.id = 'late';
    late.textContent = 'Later';
    late.dataset.spButtonLabel = 'Added later';
    document.body.appendChild(late);
  });
  await tab.click('#late');

  const events = await waitForEvents(live.collector, (all) => all.length >= 5);
  const clicks = named(events, 'button_click').sort((a, b) => Number(a.dtm) - Number(b.dtm));
  expect(clicks.map(eventData)).toEqual([
    { label: 'Buy now', id: 'buy', name: 'buy', classes: ['cta', 'big'] },
    { label: 'Send', id: 'send' },
    { label: 'unlabelled blank', id: 'blank', classes: ['cta'] },
    { label: 'Added later', id: 'late' },
  ]);
  // The dynamic context, from the button clicked.
  expect(entities(clicks[0]!).filter((x) => x.data.id === '11111111-2222-4333-8444-555555555555')).toHaveLength(1);
  // GA cookies on every event, with the values the page's cookies hold.
  for (const event of events) {
    expect(entities(event).find((x) => x.schema === GA_COOKIES)?.data).toEqual({ _ga: 'GA1.1.1234567890.1700000000', __utmz: '111.222.1.1.utmcsr=(direct)' });
  }
  // Navigation timing on the page view only.
  const [pv] = events.filter((e) => e.e === 'pv');
  const timing = entities(pv!).find((x) => x.schema === NAVIGATION_TIMING)?.data;
  expect(timing).toMatchObject({ entryType: 'navigation', type: 'navigate' });
  expect(timing!.responseEnd as number).toBeGreaterThan(0);
  expect(clicks.every((e) => !entities(e).some((x) => x.schema === NAVIGATION_TIMING))).toBe(true);
  expect(await counts(live.collector)).toMatchObject({ good: 5, bad: 0 });
  expect(await tab.errors()).toEqual([]);
});
