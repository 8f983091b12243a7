// The same user on the server: a server-rendered page view, tracked in Node from the
// request's Cookie header with identityFromCookies, carries the browser's duid, sid, vid.
// Chromium only, on purpose: the scenario needs a real registrable domain with subdomains
// (www.shop.test and app.shop.test sharing cookies on Domain=shop.test, over https with
// Secure cookies). Only Chromium can map *.test to loopback here (--host-resolver-rules);
// Firefox and WebKitGTK would need the machine's resolver (/etc/hosts) changed, and a bare
// 127.0.0.1 has no subdomains. The single-host identity scenarios run in every engine
// (identity-state/-storage/-anonymous/-api/-links.spec.ts, on the plain-http shop).
import { expect, test } from '@playwright/test';
import { Emitter, Subject, Tracker, identityFromCookies } from '../../dist/node.js';
import { waitForEvents } from './helpers.js';
import { SHOP_BROWSER, UUID, shopPage, useShop } from './identity-site.js';

test.use(SHOP_BROWSER);
const shop = useShop();

test('a server-rendered page view read from the cookie header carries the browser\'s duid, sid and vid', async ({ page }) => {
  shop.onServerRender(async (cookieHeader) => {
    const id = identityFromCookies(cookieHeader, { cookieDomain: 'shop.test' });
    const subject = new Subject();
    if (id) subject.setDomainUserId(id.domainUserId).setDomainSessionId(id.sessionId).setDomainSessionIndex(id.sessionIndex);
    const tracker = new Tracker(new Emitter(shop.collector.url), { appId: 'server', subject });
    tracker.trackPageView({ pageUrl: 'https://www.shop.test/rendered' });
    await tracker.close();
    return id ?? null;
  });
  shop.page('/browser.html', shopPage(['isotrack'], `isotrack('newTracker', 'it', '${shop.collector.url}', { appId: 'browser' }); isotrack('trackPageView');`));
  await page.goto(`${shop.origin('app')}/ssr`);
  await page.goto(`${shop.origin('www')}/browser.html`);
  await waitForEvents(shop.collector, (all) => all.some((e) => e.aid == 'browser'));
  await page.goto(`${shop.origin('www')}/ssr`);
  const events = await waitForEvents(shop.collector, (all) => all.filter((e) => e.aid == 'server').length >= 2);
  const browser = events.find((e) => e.aid == 'browser')!;
  const [before, after] = events.filter((e) => e.aid == 'server').sort((a, b) => Number(a.dtm) - Number(b.dtm));
  // Before the browser tracker ran there was no cookie: the server event has no ids.
  expect(before).not.toHaveProperty('duid');
  expect(browser.duid).toMatch(UUID);
  expect([after!.duid, after!.sid, after!.vid]).toEqual([browser.duid, browser.sid, browser.vid]);
  expect(await page.evaluate(() => document.body.textContent)).toContain(`"sessionActive":true`);
});
