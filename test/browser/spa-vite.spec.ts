// SPA page views from npm imports, in a Vite production build, in every engine (issue 20):
// a shop app (test/browser/spa-vite-app.mjs) imports newTracker, enableSpaPageViews and
// enableLinkClickTracking from the packed tarball and is built with `vite build`; a user
// clicks through five routes (the router pushes), goes back twice and follows a fragment
// link. The collector must hold exactly one page view per navigation, with the previous
// URL as referrer and the title the route rendered, and a link_click per click, all good.
// Each step waits for its page view to arrive before the next, as a user reads a page
// before clicking on.
import { expect, test } from './driver/index.js';
import type { Tab } from './driver/types.js';
import { LINK_CLICK, WEB_PAGE, counts, duplicates, entities, selfDescribing, useCollectorAndSite, waitForEvents } from './helpers.js';
// @ts-expect-error: a plain .mjs module without types
import { buildSpa } from './spa-vite-app.mjs';

const live = useCollectorAndSite();
let built: { files: Record<string, string> };

test.beforeAll(async () => {
  // The first run installs Vite into .cache/consumers/spa-vite; later runs reuse it and the build.
  test.setTimeout(600_000);
  built = (await buildSpa()) as typeof built;
});

type SpaWindow = { spaTracker: { flush(): Promise<unknown>; stats(): { filtered: number } } };

/** Serves the built app at `/` with its assets; the page's config comes first in <head>. */
function serve(config: { hook: boolean }): void {
  const script = `<script>window.SPA_CONFIG = ${JSON.stringify({ collector: live.collector.url, ...config })};</script>`;
  for (const [path, text] of Object.entries(built.files)) {
    if (path == '/index.html') live.site.page('/', text.replace('<head>', `<head>${script}`));
    else live.site.page(path, text, { 'Content-Type': 'text/javascript' });
  }
}

const pageViews = (events: Record<string, string>[]) => events.filter((e) => e.e === 'pv').sort((a, b) => Number(a.dtm) - Number(b.dtm));
const path = (url: string | undefined) => url?.replace(live.site.url, '');

/** Waits until the collector holds `count` page views. */
const arrived = (count: number) => waitForEvents(live.collector, (all) => pageViews(all).length >= count);

/** Waits until anything the app scheduled has run (the add-on sends in the task after the next frame) and the tracker's queue is empty. */
const settled = (tab: Tab) =>
  tab.evaluate(async () => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    await (window as unknown as SpaWindow).spaTracker.flush();
  });

/** The walk: five pushes by link clicks, two back()s, one fragment link. */
async function walk(tab: Tab): Promise<void> {
  let expected = 1;
  await arrived(expected); // the first page
  for (const route of ['/products', '/cart', '/checkout', '/products/42', '/about']) {
    await tab.click(`nav a[href="${route}"]`);
    await arrived(++expected);
  }
  for (let i = 0; i < 2; i++) {
    await tab.evaluate(() => history.back());
    await arrived(++expected);
  }
  await tab.click('#to-shipping');
  await arrived(++expected);
  await settled(tab);
}

/** What the collector must hold after {@link walk}: URL, referrer and title of each page view. */
const EXPECTED = [
  ['/', undefined, 'Home · Shop'],
  ['/products', '/', 'Products · Shop'],
  ['/cart', '/products', 'Cart · Shop'],
  ['/checkout', '/cart', 'Checkout · Shop'],
  // The product page sets its title in the frame after the push: read after it.
  ['/products/42', '/checkout', 'Desk lamp · Shop'],
  // The about page sets its title in a microtask.
  ['/about', '/products/42', 'About · Shop'],
  ['/products/42', '/about', 'Desk lamp · Shop'], // back()
  ['/checkout', '/products/42', 'Checkout · Shop'], // back()
  ['/checkout#shipping', '/checkout', 'Checkout · Shop'], // the fragment link
];

/** Checks the page views and link clicks the collector holds after {@link walk}. */
async function expectWalkRecorded(): Promise<void> {
  const events = await waitForEvents(live.collector, (all) => pageViews(all).length >= EXPECTED.length);
  const views = pageViews(events);
  expect(views.map((e) => [path(e.url), path(e.refr), e.page])).toEqual(EXPECTED);
  expect(new Set(views.map((e) => e.aid))).toEqual(new Set(['vite-spa']));
  const ids = views.map((e) => entities(e).find((x) => x.schema === WEB_PAGE)?.data.id);
  expect(ids.every((id) => typeof id == 'string')).toBe(true);
  expect(new Set(ids).size).toBe(views.length);
  // The link-click add-on, from the same npm import: one link_click per click, with where it led.
  const clicks = events.filter((e) => e.e === 'ue').map(selfDescribing);
  expect(clicks.map((event) => event.schema)).toEqual(Array(6).fill(LINK_CLICK));
  expect(clicks.map((event) => path(event.data.targetUrl as string)).sort()).toEqual(
    ['/products', '/cart', '/checkout', '/products/42', '/about', '/checkout#shipping'].sort(),
  );
  expect(duplicates(events)).toEqual([]);
  // Every event the app sent is good (schemas validated): nothing else, nothing bad.
  expect(await counts(live.collector)).toEqual({ total: EXPECTED.length + 6, good: EXPECTED.length + 6, bad: 0 });
}

test('a Vite production build of an SPA (npm imports): exactly one page view per navigation, previous URL as referrer, the rendered title, link clicks too', async ({ driver }) => {
  serve({ hook: false });
  const tab = await driver.open(`${live.site.url}/`);
  await walk(tab);
  await expectWalkRecorded();
  expect(await tab.evaluate(() => (window as unknown as SpaWindow).spaTracker.stats().filtered)).toBe(0);
  expect(await tab.errors()).toEqual([]);
});

test('the same app whose router hook also calls trackPageView: still exactly one page view per navigation', async ({ driver }) => {
  serve({ hook: true });
  const tab = await driver.open(`${live.site.url}/`);
  await walk(tab);
  await expectWalkRecorded();
  // The hook ran after each route rendered, before the add-on's send: the add-on skipped its own.
  expect(await tab.evaluate(() => (window as unknown as SpaWindow).spaTracker.stats().filtered)).toBe(0);
  // A later trackPageView for the URL of the last page view (a data reload) is dropped and counted.
  await tab.evaluate(() => (window as unknown as SpaWindow & { spaTracker: { trackPageView(): void } }).spaTracker.trackPageView());
  await settled(tab);
  expect(await tab.evaluate(() => (window as unknown as SpaWindow).spaTracker.stats().filtered)).toBe(1);
  expect(pageViews(await waitForEvents(live.collector, () => true))).toHaveLength(EXPECTED.length);
  expect(await tab.errors()).toEqual([]);
});
