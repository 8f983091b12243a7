// The web-vitals add-on (issue 20) in every engine: the core tag adds it by URL, the user
// interacts, the tab is closed, and exactly one web_vitals event arrives good in the dev
// collector with the metrics this engine measures (its PerformanceObserver entry types).
import { expect, test } from './driver/index.js';
import { ASYNC_SNIPPET, counts, entities, goodEvents, useCollectorAndSite, waitForEvents, WEB_PAGE } from './helpers.js';
import { eventData, named } from './autotrack-helpers.js';

const live = useCollectorAndSite();

function snippetPage(body: string, script: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>web vitals</title>
<script>
${ASYNC_SNIPPET}
var COLLECTOR = ${JSON.stringify(live.collector.url)};
${script}</script></head><body>${body}</body></html>`;
}

/** What this engine can measure, as the page sees it. */
interface Support {
  lcp: boolean;
  cls: boolean;
  fcp: boolean;
  inp: boolean;
  ttfb: boolean;
}

const ENGINE_MEASURES: Record<string, Support> = {
  chromium: { lcp: true, cls: true, fcp: true, inp: true, ttfb: true },
  firefox: { lcp: true, cls: false, fcp: true, inp: true, ttfb: true },
  webkit: { lcp: false, cls: false, fcp: true, inp: false, ttfb: true },
};

test('one web_vitals event with the metrics the engine measures, sent as the tab closes', async ({ driver, engine }) => {
  // Sent in the add-on's pagehide listener, after the core's: in Firefox that event (and the
  // app's `left`) is lost about one close in three, the open bug of
  // test/browser/unload-tracked-events.spec.ts (issue 20). It passed in Firefox in most runs,
  // with the metrics of the table above; failed once in a targeted run.
  test.fixme(engine == 'firefox', 'Firefox loses events tracked in a later pagehide listener: open bug, see unload-tracked-events.spec.ts');
  live.site.page(
    '/vitals',
    snippetPage(
      `<h1>Web vitals</h1><p id="text">Some text that paints, then moves down when a banner comes.</p>
       <button id="slow">Slow button</button>`,
      `isotrack('newTracker', 'sp', COLLECTOR, { appId: 'vitals' });
       isotrack('addPlugin', '/dist/plugins/web-vitals.umd.min.js');
       isotrack('enableWebVitals', { context: [function (data) { return { schema: '${WEB_PAGE}', data: { id: '11111111-2222-4333-8444-' + (data.navigationType === 'navigate' ? '555555555555' : '666666666666') } }; }] });
       isotrack('trackPageView');
       isotrack(function () {
         // The app's own listener, after the add-on's: it tracks in the same pagehide.
         addEventListener('pagehide', function () { isotrack('trackStructEvent', { category: 'app', action: 'left' }); });
         window.ready = true;
       });
       addEventListener('load', function () {
         // An unexpected layout shift, long before any input: a banner pushes the text down.
         setTimeout(function () {
           var banner = document.createElement('div');
           banner.style.height = '200px';
           banner.textContent = 'banner';
           document.body.insertBefore(banner, document.body.firstChild);
           requestAnimationFrame(function () { setTimeout(function () { window.shifted = true; }, 100); });
         }, 200);
       });
       document.addEventListener('click', function (event) {
         if (event.target.id !== 'slow') return;
         // A slow click handler: an interaction of more than 100 ms.
         var until = performance.now() + 120;
         while (performance.now() < until) {}
         window.clicked = true;
       });`,
    ),
  );
  const tab = await driver.open(`${live.site.url}/vitals`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { ready?: boolean; shifted?: boolean }).ready === true && (window as unknown as { shifted?: boolean }).shifted === true)).toBe(true);
  await tab.click('#slow');
  await expect.poll(() => tab.evaluate(() => (window as unknown as { clicked?: boolean }).clicked === true)).toBe(true);
  const support = await tab.evaluate((): Support => {
    const types = PerformanceObserver.supportedEntryTypes ?? [];
    const timing = (window as unknown as { PerformanceEventTiming?: { prototype: object } }).PerformanceEventTiming;
    return {
      lcp: types.includes('largest-contentful-paint'),
      cls: types.includes('layout-shift'),
      fcp: performance.getEntriesByName('first-contentful-paint').length > 0,
      inp: types.includes('event') && !!timing && 'interactionId' in timing.prototype,
      ttfb: performance.getEntriesByType('navigation').length > 0,
    };
  });
  // What each engine of this suite measures (Debian's builds), as docs/automatic-tracking.md lists it.
  expect(support).toEqual(ENGINE_MEASURES[driver.engine]);
  await waitForEvents(live.collector, (all) => all.some((e) => e.e === 'pv'));

  // Closed as a user closes it: the add-on sends in its visibilitychange/pagehide listener,
  // after the core's unload flush has run.
  await tab.close();
  const events = await waitForEvents(live.collector, (all) => named(all, 'web_vitals').length >= 1 && all.some((e) => e.se_ac === 'left'), 10_000);
  const vitals = named(events, 'web_vitals');
  expect(vitals).toHaveLength(1);
  const data = eventData(vitals[0]!) as Record<string, number>;
  const measured = Object.keys(data).filter((key) => key !== 'navigationType').sort();
  const expected = (Object.keys(support) as (keyof Support)[]).filter((metric) => support[metric]).sort();
  expect(measured).toEqual(expected);
  expect(data.navigationType as unknown).toBe('navigate');
  for (const metric of measured) expect(data[metric]).toBeGreaterThanOrEqual(0);
  if (support.cls) expect(data.cls).toBeGreaterThan(0);
  // The click handler ran 120 ms: the interaction lasted at least that.
  if (support.inp) expect(data.inp).toBeGreaterThanOrEqual(100);
  if (support.lcp) expect(data.lcp).toBeGreaterThan(0);
  // The dynamic context, from the event's data.
  expect(entities(vitals[0]!).filter((x) => x.schema === WEB_PAGE && x.data.id === '11111111-2222-4333-8444-555555555555')).toHaveLength(1);
  expect(named(await goodEvents(live.collector), 'web_vitals')).toHaveLength(1);
  expect(await counts(live.collector)).toMatchObject({ good: 3, bad: 0 });
});

test("Snowplow's long form adds it too, and nothing is sent twice when the page is hidden, then left", async ({ driver, engine }) => {
  // The app's `left` event, tracked in a later pagehide listener, tells when the close has
  // sent all it will. Firefox loses that event about one close in three: the open bug of
  // test/browser/unload-tracked-events.spec.ts (issue 20), so this cannot wait on it there.
  test.fixme(engine == 'firefox', 'Firefox loses the event tracked in a later pagehide listener: open bug, see unload-tracked-events.spec.ts');
  live.site.page(
    '/vitals-snowplow',
    snippetPage(
      `<p>Text that paints.</p>`,
      `isotrack('newTracker', 'sp', COLLECTOR, { appId: 'vitals' });
       isotrack('addPlugin', '/dist/plugins/web-vitals.umd.min.js', ['snowplowWebVitals', 'WebVitalsPlugin']);
       isotrack(function () {
         addEventListener('pagehide', function () { isotrack('trackStructEvent', { category: 'app', action: 'left' }); });
         window.ready = true;
       });`,
    ),
  );
  const tab = await driver.open(`${live.site.url}/vitals-snowplow`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { ready?: boolean }).ready === true)).toBe(true);
  // The user switches tabs: hidden, the event goes at once.
  await tab.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await waitForEvents(live.collector, (all) => named(all, 'web_vitals').length >= 1, 10_000);
  // Then the tab is closed: no second web_vitals.
  await tab.close();
  const events = await waitForEvents(live.collector, (all) => all.some((e) => e.se_ac === 'left'), 10_000);
  expect(named(events, 'web_vitals')).toHaveLength(1);
  expect(eventData(named(events, 'web_vitals')[0]!)).toMatchObject({ navigationType: 'navigate', ttfb: expect.any(Number) });
  expect(await counts(live.collector)).toMatchObject({ good: 2, bad: 0 });
});
