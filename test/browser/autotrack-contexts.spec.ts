// Global contexts, a filter plugin and consent events from the script tag, end to end
// with the dev collector.
import { expect, test } from './driver/index.js';
import { counts, entities, useCollectorAndSite, waitForEvents } from './helpers.js';
import { entityNames, eventData, eventName, named, trackedPage } from './autotrack-helpers.js';

const live = useCollectorAndSite();

const SETUP = `
  function desktop(os) { return { schema: 'iglu:com.snowplowanalytics.snowplow/desktop_context/jsonschema/1-0-0', data: { osType: os, osVersion: '1' } }; }
  isotrack('newTracker', 'sp', COLLECTOR, { appId: 'contexts' });
  isotrack('addGlobalContexts', [
    [{ accept: ['iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-*-*', 'iglu:com.snowplowanalytics.*/consent_granted/jsonschema/*-*-*'] }, desktop('ruleset')],
    function (e) { return e.eventType === 'pv' ? desktop('generator') : undefined; },
    [function (e) { return e.eventType === 'se'; }, [desktop('filter')]],
  ]);
  isotrack('addGlobalContexts', { removed: desktop('removed') });
  isotrack('removeGlobalContexts', ['removed']);
  isotrack('addPlugin', { filter: function (e) { return !(e.e === 'se' && e.payload.se_ca === 'drop'); } });
  isotrack('enableLinkClickTracking');
  isotrack('trackPageView');
  isotrack('trackStructEvent', { category: 'keep', action: 'a' });
  isotrack('trackStructEvent', { category: 'drop', action: 'a' });
  isotrack('trackStructEvent', { category: 'drop', action: 'b' });
  isotrack('trackConsentGranted', { id: 'terms', version: '2', name: 'Terms', description: 'The terms', expiry: '2030-01-01T00:00:00Z' });
  isotrack('trackConsentWithdrawn', { all: true });
  isotrack(function (trackers) { window.trackerStats = trackers.sp.stats(); });`;

test('global contexts go on exactly the events their rules accept; a filter plugin drops events and stats() counts them; consent events are good', async ({ driver }) => {
  live.site.page('/contexts', trackedPage(live.collector.url, '<a id="link" href="#next">next</a>', SETUP));
  const page = await driver.open(`${live.site.url}/contexts`);
  await page.click('#link');
  const events = await waitForEvents(live.collector, (all) => all.length >= 5);
  const desktops = (e: Record<string, string>) => entities(e).filter((x) => x.schema.includes('desktop_context')).map((x) => x.data.osType);
  const byName = Object.fromEntries(events.map((e) => [eventName(e), desktops(e)]));
  expect(byName).toEqual({
    pv: ['generator'],
    se: ['filter'],
    consent_granted: ['ruleset'],
    consent_withdrawn: [],
    link_click: ['ruleset'],
  });
  expect(named(events, 'se').map((e) => e.se_ca)).toEqual(['keep']);
  const granted = named(events, 'consent_granted')[0]!;
  expect(eventData(granted)).toEqual({ expiry: '2030-01-01T00:00:00Z' });
  expect(entityNames(granted)).toContain('consent_document');
  expect(eventData(named(events, 'consent_withdrawn')[0]!)).toEqual({ all: true });
  expect(await counts(live.collector)).toMatchObject({ good: 5, bad: 0 });
  // Read once the events arrived; the page's tracker counts what its filter dropped.
  const stats = await page.evaluate(() => (window as unknown as { trackerStats: { filtered: number; delivered: number } }).trackerStats);
  expect(stats.filtered).toBe(2);
  await page.evaluate(() => (window as unknown as { isotrack: (f: (t: Record<string, { stats(): unknown }>) => void) => void }).isotrack((t) => ((window as unknown as { later: unknown }).later = t.sp!.stats())));
  expect(await page.evaluate(() => (window as unknown as { later: { filtered: number; delivered: number } }).later)).toMatchObject({ filtered: 2, delivered: 5 });
});
