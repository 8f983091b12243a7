// The ad-tracking and enhanced-consent add-ons (issue 20), in every engine: the core tag
// adds each by URL, and each of their events arrives good in the dev collector (schemas
// validated), with Snowplow's command names.
import { expect, test } from './driver/index.js';
import { ASYNC_SNIPPET, counts, useCollectorAndSite, waitForEvents } from './helpers.js';
import { eventData, eventName } from './autotrack-helpers.js';

const live = useCollectorAndSite();

const PREFERENCES = `{ basisForProcessing: 'consent', consentUrl: 'https://shop.example/privacy', consentVersion: '2.1', consentScopes: ['analytics'], domainsApplied: ['shop.example'] }`;

test('ad impressions, clicks and conversions; consent preferences of every action and the CMP shown, each good', async ({ driver }) => {
  live.site.page(
    '/ads',
    `<!doctype html><html><head><meta charset="utf-8"><title>ads</title>
<script>
window.logged = [];
var original = console.error;
console.error = function () { logged.push(Array.from(arguments).map(String).join(' ')); return original.apply(console, arguments); };
${ASYNC_SNIPPET}
isotrack('newTracker', 'sp', ${JSON.stringify(live.collector.url)}, { appId: 'ads' });
isotrack('addPlugin', '/dist/plugins/ad-tracking.umd.min.js');
isotrack('addPlugin', '/dist/plugins/enhanced-consent.umd.min.js');
isotrack('trackAdImpression', { impressionId: 'imp-1', costModel: 'cpm', cost: 0.5, bannerId: 'b1', zoneId: 'z1', advertiserId: 'adv', campaignId: 'c1' });
isotrack('trackAdClick', { targetUrl: 'https://ad.example/landing', clickId: 'click-1', costModel: 'cpc', cost: 0.2 });
isotrack('trackAdConversion', { conversionId: 'conv-1', category: 'signup', action: 'done', initialValue: 10, costModel: 'cpa', cost: 2 });
isotrack('trackAdClick', { clickId: 'no target' });
var p = ${PREFERENCES};
isotrack('trackCmpVisible', { elapsedTime: 1234.5 });
isotrack('trackConsentAllow', p);
isotrack('trackConsentSelected', Object.assign({}, p, { gdprApplies: true }));
isotrack('trackConsentPending', p);
isotrack('trackConsentImplicit', p);
isotrack('trackConsentDeny', p);
isotrack('trackConsentDeny', Object.assign({}, p, { consentScopes: [] }));
isotrack('trackConsentExpired', p);
isotrack('trackConsentWithdrawn', p);
isotrack('trackConsentAllow', Object.assign({}, p, { consentVersion: 'far too long a version' }));
isotrack(function () { window.ready = true; });
</script></head><body></body></html>`,
  );
  const tab = await driver.open(`${live.site.url}/ads`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { ready?: boolean }).ready === true)).toBe(true);
  const events = await waitForEvents(live.collector, (all) => all.length >= 11);
  const byName = (name: string) => events.filter((e) => eventName(e) === name).map(eventData);
  expect(byName('ad_impression')).toEqual([{ impressionId: 'imp-1', zoneId: 'z1', bannerId: 'b1', campaignId: 'c1', advertiserId: 'adv', costModel: 'cpm', cost: 0.5 }]);
  expect(byName('ad_click')).toEqual([{ targetUrl: 'https://ad.example/landing', clickId: 'click-1', costModel: 'cpc', cost: 0.2 }]);
  expect(byName('ad_conversion')).toEqual([{ conversionId: 'conv-1', category: 'signup', action: 'done', initialValue: 10, costModel: 'cpa', cost: 2 }]);
  expect(byName('cmp_visible')).toEqual([{ elapsedTime: 1234.5 }]);
  const preferences = byName('consent_preferences');
  expect(preferences.map((d) => d.eventType).sort()).toEqual(['allow_all', 'allow_selected', 'deny_all', 'expired', 'implicit_consent', 'pending', 'withdrawn']);
  expect(preferences.find((d) => d.eventType == 'allow_selected')).toEqual({
    eventType: 'allow_selected', basisForProcessing: 'consent', consentUrl: 'https://shop.example/privacy', consentVersion: '2.1', consentScopes: ['analytics'], domainsApplied: ['shop.example'], gdprApplies: true,
  });
  expect(await counts(live.collector)).toMatchObject({ good: 11, bad: 0 });
  // The three mistakes were refused at the call, naming the argument, and the queue went on.
  const logged = await tab.evaluate(() => (window as unknown as { logged: string[] }).logged);
  expect(logged.some((m) => m.includes('TypeError: isotrack: targetUrl is required'))).toBe(true);
  expect(logged.some((m) => m.includes('TypeError: isotrack: consentScopes must be a non-empty array of strings'))).toBe(true);
  expect(logged.some((m) => m.includes('TypeError: isotrack: consentVersion must be a non-empty string of at most 16 characters'))).toBe(true);
});
