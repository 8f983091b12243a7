// SPA page views (issue 20), in every engine: the core tag adds the spa-page-views add-on
// by URL, and an app bundled from the npm build imports enableSpaPageViews. Each
// navigation is awaited in the page (a plugin counts the page views sent) before the next,
// so that the order is the app's; the collector then holds exactly the expected page views.
import { rollup } from 'rollup';
import { expect, test } from './driver/index.js';
import type { Tab } from './driver/types.js';
import { ASYNC_SNIPPET, counts, duplicates, entities, ROOT, useCollectorAndSite, waitForEvents, WEB_PAGE } from './helpers.js';

const live = useCollectorAndSite();

type Win = { sent: string[]; isotrack: (...a: unknown[]) => void; stats: () => { filtered: number } };

/** In the page: records the URL of every page view sent, in `window.sent`, and exposes the tracker's stats. */
const RECORD = `window.sent = [];
isotrack(function (trackers) {
  trackers.sp.addPlugin({ afterTrack: function (e) { if (e.e == 'pv') sent.push(e.payload.url); } });
  window.stats = function () { return trackers.sp.stats(); };
});`;

function snippetPage(script: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>home</title>
<script>
${ASYNC_SNIPPET}
var COLLECTOR = ${JSON.stringify(live.collector.url)};
${script}</script></head><body></body></html>`;
}

const sentCount = (tab: Tab) => tab.evaluate(() => (window as unknown as Win).sent?.length ?? -1);
const pageViews = (events: Record<string, string>[]) => events.filter((e) => e.e === 'pv').sort((a, b) => Number(a.dtm) - Number(b.dtm));
const path = (url: string | undefined) => (url ? url.replace(live.site.url, '') : url);

/**
 * Drives the app through the navigations and returns the page views the collector
 * received: pushes (the router sets the title right after, or in a later frame), the app's
 * own trackPageView before and after the add-on's, a state-only replaceState, a redirect,
 * two back()s and a hash change.
 */
async function navigate(tab: Tab): Promise<Record<string, string>[]> {
  let expected = 1;
  const step = async (fn: () => void) => {
    await tab.evaluate(fn);
    await expect.poll(() => sentCount(tab)).toBe(++expected);
  };
  await expect.poll(() => sentCount(tab)).toBe(1); // the page's own first page view
  await step(() => {
    history.pushState({}, '', '/spa/a');
    document.title = 'A';
  });
  // The title comes a frame later than the URL (a component's effect): the page view waits for the frame.
  await step(() => {
    history.pushState({}, '', '/spa/b');
    requestAnimationFrame(() => (document.title = 'B'));
  });
  // The app's router hook tracks too, before the add-on: one page view.
  await step(() => {
    history.pushState({}, '', '/spa/c');
    document.title = 'C';
    (window as unknown as Win).isotrack('trackPageView');
  });
  // A state-only replaceState is no navigation; a push and a redirect in one task are one.
  await step(() => {
    history.replaceState({ scroll: 1 }, '', location.href);
    history.pushState({}, '', '/spa/d');
    history.replaceState({}, '', '/spa/e');
    document.title = 'E';
  });
  // The app's hook tracks after the add-on did: dropped by the filter, counted.
  await tab.evaluate(() => (window as unknown as Win).isotrack('trackPageView'));
  await expect.poll(() => tab.evaluate(() => (window as unknown as Win).stats().filtered)).toBe(1);
  await step(() => history.pushState({}, '', '/spa/f'));
  await step(() => history.back()); // to /spa/e
  await step(() => history.back()); // to /spa/c (d was replaced by e)
  await step(() => void (location.hash = 'details'));
  const events = await waitForEvents(live.collector, (all) => pageViews(all).length >= expected);
  expect(await sentCount(tab)).toBe(expected);
  return events;
}

test('the core tag adds spa-page-views by URL: one page view per real URL change, previous URL as referrer, the rendered title, a new page view id', async ({ driver }) => {
  live.site.page(
    '/spa',
    snippetPage(`isotrack('newTracker', 'sp', COLLECTOR, { appId: 'spa' });
isotrack('addPlugin', '/dist/plugins/spa-page-views.umd.min.js');
${RECORD}
isotrack('trackPageView');
isotrack('enableSpaPageViews');`),
  );
  for (const route of ['a', 'b', 'c', 'd', 'e', 'f']) live.site.page(`/spa/${route}`, '<!doctype html><title>no reload expected</title>');
  const tab = await driver.open(`${live.site.url}/spa`);
  const events = await navigate(tab);
  const views = pageViews(events);
  expect(views.map((e) => [path(e.url), path(e.refr), e.page])).toEqual([
    ['/spa', undefined, 'home'],
    ['/spa/a', '/spa', 'A'],
    ['/spa/b', '/spa/a', 'B'],
    ['/spa/c', '/spa/b', 'C'],
    ['/spa/e', '/spa/c', 'E'],
    ['/spa/f', '/spa/e', 'E'],
    ['/spa/e', '/spa/f', 'E'],
    ['/spa/c', '/spa/e', 'E'],
    ['/spa/c#details', '/spa/c', 'E'],
  ]);
  const ids = views.map((e) => entities(e).find((x) => x.schema === WEB_PAGE)!.data.id);
  expect(new Set(ids).size).toBe(views.length);
  expect(duplicates(events)).toEqual([]);
  expect(await counts(live.collector)).toMatchObject({ good: views.length, bad: 0 });
  expect(await tab.errors()).toEqual([]);
});

test("a page view the app tracks, then a navigation before the frame: the app's page view is the next one's referrer", async ({ driver }) => {
  live.site.page(
    '/spa-r',
    snippetPage(`isotrack('newTracker', 'sp', COLLECTOR, { appId: 'spa-r' });
isotrack('addPlugin', '/dist/plugins/spa-page-views.umd.min.js');
${RECORD}
isotrack('enableSpaPageViews', { trackInitial: true });`),
  );
  for (const route of ['a', 'b']) live.site.page(`/spa-r/${route}`, '<!doctype html><title>no reload expected</title>');
  const tab = await driver.open(`${live.site.url}/spa-r`);
  await expect.poll(() => sentCount(tab)).toBe(1);
  // One task: the router pushes, its hook tracks the route, and a redirect comes before the
  // add-on's frame (the add-on's pending page view then goes out for /spa-r/b).
  await tab.evaluate(() => {
    history.pushState({}, '', '/spa-r/a');
    (window as unknown as Win).isotrack('trackPageView');
    history.pushState({}, '', '/spa-r/b');
  });
  await expect.poll(() => sentCount(tab)).toBe(3);
  const views = pageViews(await waitForEvents(live.collector, (all) => pageViews(all.filter((e) => e.aid === 'spa-r')).length >= 3)).filter((e) => e.aid === 'spa-r');
  expect(views.map((e) => [path(e.url), path(e.refr)])).toEqual([
    ['/spa-r', undefined],
    ['/spa-r/a', '/spa-r'],
    ['/spa-r/b', '/spa-r/a'],
  ]);
});

test('trackInitial tracks the first page view; ignoreHashChanges leaves fragment changes out', async ({ driver }) => {
  live.site.page(
    '/spa-hash',
    snippetPage(`isotrack('newTracker', 'sp', COLLECTOR, { appId: 'spa' });
isotrack('addPlugin', '/dist/plugins/spa-page-views.umd.min.js');
${RECORD}
isotrack('enableSpaPageViews', { trackInitial: true, ignoreHashChanges: true });`),
  );
  const tab = await driver.open(`${live.site.url}/spa-hash`);
  await expect.poll(() => sentCount(tab)).toBe(1);
  await tab.evaluate(() => {
    location.hash = 'one';
    history.pushState({}, '', '#two');
  });
  await tab.evaluate(() => history.pushState({}, '', '/spa-hash/next#three'));
  await expect.poll(() => sentCount(tab)).toBe(2);
  const views = pageViews(await waitForEvents(live.collector, (all) => pageViews(all).length >= 2));
  expect(views.map((e) => [path(e.url), path(e.refr)])).toEqual([
    ['/spa-hash', undefined],
    ['/spa-hash/next#three', '/spa-hash#two'],
  ]);
});

test('activity tracking restarts with each SPA page view: the pings after a navigation belong to the new page view', async ({ driver }) => {
  live.site.page(
    '/spa-act',
    snippetPage(`isotrack('newTracker', 'sp', COLLECTOR, { appId: 'spa' });
isotrack('addPlugin', '/dist/plugins/spa-page-views.umd.min.js');
isotrack('addPlugin', '/dist/plugins/activity-tracking.umd.min.js');
${RECORD}
isotrack('enableActivityTracking', { minimumVisitLength: 1, heartbeatDelay: 1 });
isotrack('enableSpaPageViews', { trackInitial: true });`),
  );
  const tab = await driver.open(`${live.site.url}/spa-act`);
  const active = () => tab.evaluate(() => void window.dispatchEvent(new Event('keydown')));
  await expect.poll(() => sentCount(tab)).toBe(1);
  await active();
  await waitForEvents(live.collector, (all) => all.some((e) => e.e === 'pp'));
  await tab.evaluate(() => history.pushState({}, '', '/spa-act/next'));
  await expect.poll(() => sentCount(tab)).toBe(2);
  await active();
  const events = await waitForEvents(live.collector, (all) => all.some((e) => e.e === 'pp' && e.url?.endsWith('/spa-act/next')));
  const pageViewId = (e: Record<string, string>) => entities(e).find((x) => x.schema === WEB_PAGE)!.data.id;
  const [first, second] = pageViews(events);
  const pings = events.filter((e) => e.e === 'pp');
  expect(pings.filter((e) => path(e.url) == '/spa-act').map(pageViewId)).toContain(pageViewId(first!));
  // No activity between the first ping and the navigation, so no ping can fall between the push and its page view.
  const next = pings.filter((e) => path(e.url) == '/spa-act/next').map(pageViewId);
  expect(next.length).toBeGreaterThan(0);
  expect(new Set(next)).toEqual(new Set([pageViewId(second!)]));
  expect(pageViewId(first!)).not.toBe(pageViewId(second!));
});

test('an app bundled from the npm build imports enableSpaPageViews; an app that does not import it carries none of it', async ({ driver }) => {
  const browserBuild = `${ROOT}dist/browser.js`;
  const bundle = async (source: string) => {
    const build = await rollup({
      input: 'app',
      plugins: [{ name: 'app', resolveId: (id) => (id == 'app' ? id : id == 'isotrack' ? browserBuild : null), load: (id) => (id == 'app' ? source : null) }],
    });
    const { output } = await build.generate({ format: 'iife' });
    await build.close();
    return output[0].code;
  };
  const app = await bundle(`import { newTracker, enableSpaPageViews } from 'isotrack';
const tracker = newTracker('sp', ${JSON.stringify(live.collector.url)}, { appId: 'npm-spa' });
window.sent = [];
tracker.addPlugin({ afterTrack: (e) => { if (e.e == 'pv') window.sent.push(e.payload.url); } });
enableSpaPageViews(tracker, { trackInitial: true });`);
  const lean = await bundle(`import { newTracker } from 'isotrack'; newTracker('sp', 'c.example.com').trackPageView();`);
  expect(app).toContain('popstate');
  expect(lean).not.toContain('popstate');
  live.site.page('/npm-app.js', app, { 'Content-Type': 'text/javascript' });
  live.site.page('/npm', '<!doctype html><html><head><meta charset="utf-8"><title>npm home</title><script src="/npm-app.js"></script></head><body></body></html>');
  const tab = await driver.open(`${live.site.url}/npm`);
  await expect.poll(() => sentCount(tab)).toBe(1);
  await tab.evaluate(() => {
    history.pushState({}, '', '/npm/list');
    document.title = 'List';
  });
  await expect.poll(() => sentCount(tab)).toBe(2);
  await tab.evaluate(() => history.back());
  await expect.poll(() => sentCount(tab)).toBe(3);
  const views = pageViews(await waitForEvents(live.collector, (all) => pageViews(all).length >= 3));
  expect(views.map((e) => [path(e.url), path(e.refr), e.page, e.aid])).toEqual([
    ['/npm', undefined, 'npm home', 'npm-spa'],
    ['/npm/list', '/npm', 'List', 'npm-spa'],
    ['/npm', '/npm/list', 'List', 'npm-spa'],
  ]);
  expect(await counts(live.collector)).toMatchObject({ bad: 0 });
});
