// The script-tag build in every engine: the async snippet, automatic fields, page view
// ids, activity pings, a strict CSP and a page whose localStorage throws.
import { expect, test } from './driver/index.js';
import {
  LINK_CLICK,
  WEB_PAGE,
  entities,
  selfDescribing,
  umdPage,
  waitForEvents,
  useCollectorAndSite,
} from './helpers.js';

const live = useCollectorAndSite();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('the async snippet replays calls made before the script loaded, in order', async ({ driver }) => {
  const tab = await driver.open(`${live.site.url}/examples/browser/index.html?collector=${encodeURIComponent(live.collector.url)}`);
  const [pv] = await waitForEvents(live.collector, (events) => events.some((e) => e.e === 'pv'));
  await tab.click('#click');
  const events = await waitForEvents(live.collector, (all) => all.some((e) => e.e === 'ue'));
  const ue = events.find((e) => e.e === 'ue')!;
  expect(pv!.aid).toBe('example-site');
  expect(pv!.tna).toBe('sp');
  expect(selfDescribing(ue).schema).toBe(LINK_CLICK);
  // The page view was tracked (queued) before the click.
  expect(Number(pv!.dtm)).toBeLessThanOrEqual(Number(ue.dtm));
  expect(await tab.evaluate(() => typeof (window as unknown as { isotrack: { Tracker: unknown } }).isotrack.Tracker)).toBe('function');
  expect(await tab.errors()).toEqual([]);
});

test('automatic fields, identity and one page view id per page view', async ({ driver }) => {
  live.site.page(
    '/auto.html',
    umdPage(`
      isotrack('newTracker', 'auto', '${live.collector.url}', { appId: 'auto', clientSession: true });
      isotrack('trackPageView');
      isotrack('trackSelfDescribingEvent', { event: { schema: '${LINK_CLICK}', data: { targetUrl: 'https://a.example/' } } });
      isotrack('trackPageView', { pageTitle: 'Explicit title' });
      isotrack('trackStructEvent', { category: 'c', action: 'a' });`, 'Auto page'),
  );
  const tab = await driver.open(`${live.site.url}/auto.html#frag`);
  const events = await waitForEvents(live.collector, (all) => all.length >= 4);
  events.sort((a, b) => Number(a.dtm) - Number(b.dtm) || 0);
  const [pv1, ue, pv2, se] = [events.find((e) => e.e === 'pv' && e.page === 'Auto page')!, events.find((e) => e.e === 'ue')!, events.find((e) => e.page === 'Explicit title')!, events.find((e) => e.e === 'se')!];
  for (const event of [pv1, ue, pv2, se]) {
    expect(event.p).toBe('web');
    expect(event.res).toMatch(/^\d+x\d+$/);
    expect(event.vp).toMatch(/^\d+x\d+$/);
    expect(event.ds).toMatch(/^\d+x\d+$/);
    expect(Number(event.ds!.split('x')[1])).toBeGreaterThanOrEqual(3000);
    expect(event.cd).toMatch(/^\d+$/);
    expect(event.tz).toBeTruthy();
    expect(event.lang).toBeTruthy();
    expect(event.cs).toBe('UTF-8');
    expect(event.url).toBe(`${live.site.url}/auto.html#frag`);
    expect(event.duid).toMatch(UUID);
    expect(event.sid).toMatch(UUID);
    expect(event.vid).toBe('1');
  }
  const pageId = (event: Record<string, string>) => entities(event).find((x) => x.schema === WEB_PAGE)?.data.id;
  expect(pageId(pv1)).toMatch(UUID);
  expect(pageId(ue)).toBe(pageId(pv1));
  expect(pageId(pv2)).toMatch(UUID);
  expect(pageId(pv2)).not.toBe(pageId(pv1));
  expect(pageId(se)).toBe(pageId(pv2));
  // The page was opened without a referrer: no empty `refr` is sent. The second page
  // view's referrer is the first one's URL (same page here).
  expect(pv1).not.toHaveProperty('refr');
  expect(ue).not.toHaveProperty('refr');
  expect(pv2.refr).toBe(pv1.url);
  const session = entities(ue).find((x) => x.schema.includes('client_session'))!.data;
  expect(session).toMatchObject({ userId: ue.duid, sessionId: ue.sid, sessionIndex: 1, storageMechanism: 'COOKIE_1' });
  expect(session.firstEventId).toBe(pv1.eid);
  // Same user and session after a reload.
  await tab.reload();
  const again = await waitForEvents(live.collector, (all) => all.length >= 6);
  const reloaded = again.filter((e) => e.e === 'pv' && e.page === 'Auto page').find((e) => e.eid !== pv1.eid)!;
  expect(reloaded.duid).toBe(pv1.duid);
  expect(reloaded.sid).toBe(pv1.sid);
});

test('explicit page URL, title and referrer win over the automatic ones', async ({ driver }) => {
  live.site.page(
    '/explicit.html',
    umdPage(`
      isotrack('newTracker', 'sp', '${live.collector.url}', { appId: 'explicit' });
      isotrack('trackPageView', { pageUrl: 'https://shop.example/virtual', pageTitle: 'Virtual', referrer: 'https://ref.example/' });
      isotrack('trackPageView');`),
  );
  await driver.open(`${live.site.url}/explicit.html`);
  const events = await waitForEvents(live.collector, (all) => all.length >= 2);
  const [explicit, automatic] = [events.find((e) => e.page === 'Virtual')!, events.find((e) => e.page !== 'Virtual')!];
  expect(explicit).toMatchObject({ url: 'https://shop.example/virtual', page: 'Virtual', refr: 'https://ref.example/' });
  // The next page view is automatic again, and its referrer is the previous page view's URL.
  expect(automatic).toMatchObject({ url: `${live.site.url}/explicit.html`, page: 'isotrack test page', refr: 'https://shop.example/virtual' });
});

test('activity tracking sends page pings with scroll offsets while the user is active', async ({ driver }) => {
  live.site.page(
    '/activity.html',
    umdPage(`
      isotrack('newTracker', 'act', '${live.collector.url}', { appId: 'act' });
      isotrack('trackPageView');
      isotrack('addPlugin', '/dist/plugins/activity-tracking.umd.min.js');
      isotrack('enableActivityTracking', { minimumVisitLength: 1, heartbeatDelay: 1 });`),
  );
  const tab = await driver.open(`${live.site.url}/activity.html`);
  // The user scrolls down and clicks.
  await tab.evaluate(() => scrollTo(0, 400));
  await tab.click('div');
  const events = await waitForEvents(live.collector, (all) => all.some((e) => e.e === 'pp' && Number(e.pp_may) > 0));
  const ping = events.find((e) => e.e === 'pp' && Number(e.pp_may) > 0)!;
  expect(ping.url).toBe(`${live.site.url}/activity.html`);
  for (const key of ['pp_mix', 'pp_max', 'pp_miy']) expect(ping[key]).toMatch(/^\d+$/);
  // An idle user gets no more pings.
  const before = events.filter((e) => e.e === 'pp').length;
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const after = (await waitForEvents(live.collector, () => true)).filter((e) => e.e === 'pp').length;
  expect(after - before).toBeLessThanOrEqual(1);
});

test('works under a strict CSP (script-src self) with the collector in connect-src', async ({ driver }) => {
  // img-src 'self' lets Firefox and WebKit ask for the site's favicon; the collector is not in it.
  const csp = `default-src 'none'; script-src 'self'; img-src 'self'; connect-src ${live.collector.url}`;
  live.site.page(
    '/csp.html',
    `<!doctype html><html><head><meta charset="utf-8"><title>CSP</title><script src="/csp-watch.js"></script>
     <script src="/dist/isotrack.umd.min.js"></script><script src="/csp-app.js"></script></head><body>csp</body></html>`,
    { 'Content-Security-Policy': csp },
  );
  // Every engine reports a blocked script, request or eval as a securitypolicyviolation event.
  live.site.page(
    '/csp-watch.js',
    `window.violations = [];
     document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));`,
    { 'Content-Type': 'text/javascript' },
  );
  live.site.page(
    '/csp-app.js',
    `isotrack('newTracker', 'csp', '${live.collector.url}', { appId: 'csp' });
     isotrack('trackPageView');
     isotrack('trackSelfDescribingEvent', { event: { schema: '${LINK_CLICK}', data: { targetUrl: 'https://csp.example/' } } });`,
    { 'Content-Type': 'text/javascript', 'Content-Security-Policy': csp },
  );
  const tab = await driver.open(`${live.site.url}/csp.html`);
  const events = await waitForEvents(live.collector, (all) => all.filter((e) => e.aid === 'csp').length >= 2);
  expect(events.map((e) => e.e).sort()).toEqual(['pv', 'ue']);
  expect(await tab.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect(await tab.errors()).toEqual([]);
});

test('a page whose localStorage throws still tracks, in memory, without errors', async ({ driver }) => {
  // Storage that throws on every use, as with cookies blocked.
  const prelude = `
    const fail = () => { throw new DOMException('blocked', 'SecurityError'); };
    for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
      Object.defineProperty(Storage.prototype, name, { value: fail, configurable: true });
    }
    Object.defineProperty(window, 'localStorage', { get: fail, configurable: true });`;
  live.site.page(
    '/nostorage.html',
    umdPage(`
      isotrack('newTracker', 'ns', '${live.collector.url}', { appId: 'nostorage', stateStorage: 'localStorage' });
      isotrack('trackPageView');
      for (let i = 0; i < 20; i++) isotrack('trackStructEvent', { category: 'c', action: 'a' + i });`, undefined, prelude),
  );
  const tab = await driver.open(`${live.site.url}/nostorage.html`);
  const events = await waitForEvents(live.collector, (all) => all.length >= 21);
  expect(events.length).toBe(21);
  expect(events[0]!.duid).toBeTruthy();
  expect(await tab.errors()).toEqual([]);
});
