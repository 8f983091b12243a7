// The npm-import path, in every engine: examples/spa bundled with rollup from dist/browser.js, as a
// single-page app's bundler would, tracking a page view per route change.
import { expect, test } from './driver/index.js';
import { rollup, type RollupOptions, type OutputOptions } from 'rollup';
import { WEB_PAGE, entities, goodEvents, startCollector, startSite, waitForEvents, type RunningCollector, type Site } from './helpers.js';

let collector: RunningCollector;
let site: Site;

test.beforeAll(async () => {
  // @ts-expect-error: a plain .mjs config without types
  const config = (await import('../../examples/spa/rollup.config.mjs')).default as RollupOptions;
  const bundle = await rollup(config);
  await bundle.write(config.output as OutputOptions);
  await bundle.close();
  collector = await startCollector({ port: 0 });
  site = await startSite();
});
test.afterAll(async () => {
  await site.close();
  await collector.close();
});

test('an ESM app bundled from dist/browser.js: route changes send page views with the previous URL as referrer', async ({ driver }) => {
  const start = `${site.url}/examples/spa/?collector=${encodeURIComponent(collector.url)}`;
  const page = await driver.open(start);
  await waitForEvents(collector, (all) => all.some((e) => e.e === 'pv'));
  await page.click('a[href="/examples/spa/about"]');
  await page.click('a[href="/examples/spa/"]');
  const events = await waitForEvents(collector, (all) => all.filter((e) => e.e === 'pv').length >= 3);
  const views = events.filter((e) => e.e === 'pv').sort((a, b) => Number(a.dtm) - Number(b.dtm));
  expect(views.map((e) => e.url)).toEqual([start, `${site.url}/examples/spa/about`, `${site.url}/examples/spa/`]);
  expect(views[1]!.refr).toBe(start);
  expect(views[2]!.refr).toBe(`${site.url}/examples/spa/about`);
  expect(views[1]!.page).toBe('isotrack SPA: About');
  const ids = views.map((e) => entities(e).find((x) => x.schema === WEB_PAGE)!.data.id);
  expect(new Set(ids).size).toBe(3);
  for (const view of views) {
    expect(view.aid).toBe('example-spa');
    expect(entities(view).some((x) => x.schema.includes('client_session'))).toBe(true);
  }
  expect(await page.errors()).toEqual([]);
});

test('anonymous mode and opt-out', async ({ driver }) => {
  await fetch(`${collector.url}/micro/reset`);
  const page = await driver.open(`${site.url}/examples/spa/?collector=${encodeURIComponent(collector.url)}`);
  await waitForEvents(collector, (all) => all.some((e) => e.e === 'pv'));
  await fetch(`${collector.url}/micro/reset`);
  await page.evaluate(() => {
    const t = (window as unknown as { spaTracker: import('../../dist/browser.js').BrowserTracker }).spaTracker;
    t.setUserId('user-1');
    t.identity!.setAnonymous(true);
    t.trackStructEvent({ category: 'anon', action: 'a' });
  });
  const [anon] = await waitForEvents(collector, (all) => all.length >= 1);
  for (const key of ['uid', 'duid', 'sid', 'vid']) expect(anon![key]).toBeUndefined();
  expect(entities(anon!).some((x) => x.schema.includes('client_session'))).toBe(false);
  const good = (await (await fetch(`${collector.url}/micro/good`)).json()) as { rawEvent: { context: { headers: string[] } } }[];
  expect(JSON.stringify(good[0]!.rawEvent.context.headers).toLowerCase()).toContain('sp-anonymous');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k === '_it_id'))).toEqual([]);
  await page.evaluate(() => {
    const t = (window as unknown as { spaTracker: import('../../dist/browser.js').BrowserTracker }).spaTracker;
    t.identity!.setAnonymous(false);
    t.identity!.optOut();
    t.trackStructEvent({ category: 'opted-out', action: 'a' });
    t.identity!.optIn();
    t.trackStructEvent({ category: 'back', action: 'a' });
  });
  await waitForEvents(collector, (all) => all.length >= 2);
  // Time for the opted-out event's request, had it been sent.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const events = (await goodEvents(collector)).filter((e) => e.e === 'se').sort((a, b) => Number(a.dtm) - Number(b.dtm));
  expect(events.map((e) => e.se_ca)).toEqual(['anon', 'back']);
  expect(events[1]!.duid).toBeTruthy();
  expect(events[1]!.uid).toBe('user-1');
});
