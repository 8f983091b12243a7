// Events tracked while the page is being hidden or left, by a listener registered after
// the tracker's own (an app's, an add-on's): the core's unload flush has already run by
// then, and they must still be delivered at once, not left in storage for a next visit.
import { expect, test, type Tab } from './driver/index.js';
import { counts, duplicates, goodEvents, umdPage, useCollectorAndSite, waitForEvents } from './helpers.js';

const live = useCollectorAndSite();

/** The app's listeners, registered after newTracker (so after the core's unload listeners). */
const APP_LISTENERS = `
  function ran(action) {
    // Which ran, for the test to read from another page of the origin once this one is gone.
    localStorage.setItem('ran', (localStorage.getItem('ran') || '') + action + ' ');
    isotrack('trackStructEvent', { category: 'unload', action: action });
  }
  addEventListener('pagehide', function () { ran('pagehide'); });
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') ran('hidden'); });`;

/** The page's tracker counters (its `sp` tracker). */
const stats = (tab: Tab) =>
  tab.evaluate(() => (window as unknown as { isotrack: (f: (t: Record<string, { stats(): Record<string, number> }>) => unknown) => Record<string, number> }).isotrack((t) => t.sp!.stats()));

test('an event tracked in a later visibilitychange→hidden listener is sent at once with keepalive, not held for the batch', async ({ driver }) => {
  // A buffer and an interval that would hold an ordinary event for a minute.
  live.site.page(
    '/hidden-late',
    umdPage(`
      isotrack('newTracker', 'sp', '${live.collector.url}', { appId: 'late', bufferSize: 100, flushInterval: 60000 });
      window.keepalive = [];
      var realFetch = window.fetch;
      window.fetch = function (url, init) { keepalive.push(!!(init && init.keepalive)); return realFetch(url, init); };
      ${APP_LISTENERS}`),
  );
  const tab = await driver.open(`${live.site.url}/hidden-late`);
  // The user switches tabs: the page is hidden (and lives on).
  await tab.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const events = await waitForEvents(live.collector, (all) => all.length >= 1, 5_000);
  expect(events.map((e) => e.se_ac)).toEqual(['hidden']);
  expect(await tab.evaluate(() => (window as unknown as { keepalive: boolean[] }).keepalive)).toEqual([true]);
  await expect.poll(() => stats(tab)).toMatchObject({ queued: 0, delivered: 1 });
  // Back in a later task, the ordinary path again: the buffer holds the next event.
  await tab.evaluate(() => (window as unknown as { isotrack: (...a: unknown[]) => void }).isotrack('trackStructEvent', { category: 'unload', action: 'later' }));
  await expect.poll(() => stats(tab)).toMatchObject({ queued: 1 });
  expect(await counts(live.collector)).toMatchObject({ good: 1, bad: 0 });
});

test('events tracked in later pagehide and visibilitychange listeners of a closing tab arrive, each once', async ({ driver, engine }) => {
  // OPEN BUG (issue 20), not a pass: in Firefox ESR about one close in three loses the event
  // tracked in the app's `pagehide` listener, while the one tracked in its later
  // `visibilitychange` listener (Firefox fires it after `pagehide`) arrives. Measured with
  // the diagnosis below: 2 of 6 idle, 6 of 25 under two busy loops, once in a full CI run;
  // "missing: pagehide (not stored: lost)". The event was handed to a keepalive request
  // that never reached the collector, and was then let go as on the wire. Chromium and
  // WebKit pass every round.
  test.fixme(engine == 'firefox', 'Firefox loses the event tracked in a later pagehide listener about one close in three: open bug, see the comment above');
  live.site.page(
    '/leave-late',
    umdPage(`
      isotrack('newTracker', 'sp', '${live.collector.url}', { appId: 'late' });
      isotrack('trackPageView');
      ${APP_LISTENERS}`),
  );
  const tab = await driver.open(`${live.site.url}/leave-late`);
  await waitForEvents(live.collector, (all) => all.some((e) => e.e === 'pv'));
  // Closed as a user closes it: pagehide (and visibilitychange→hidden where the engine
  // fires it on close); no later task runs.
  await tab.close();
  // A page of the origin without the tracker (which would send what storage kept) reads which ran.
  live.site.page('/plain', '<!doctype html><title>plain</title><p>plain</p>');
  const reader = await driver.open(`${live.site.url}/plain`);
  const ran = (await reader.evaluate(() => localStorage.getItem('ran') || '')).trim().split(' ');
  expect(ran).toContain('pagehide');
  const events = await waitForEvents(live.collector, (all) => all.filter((e) => e.se_ca === 'unload').length >= ran.length, 10_000).catch(async (error) => {
    // Which event is missing, and whether the closed tab left it stored for a next visit
    // (late, not lost) or not at all (lost): the two need different fixes.
    const arrived = (await goodEvents(live.collector)).filter((e) => e.se_ca === 'unload').map((e) => e.se_ac);
    const stored = await reader.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('_it_q')).map((key) => localStorage.getItem(key)).join('\n'));
    const missing = ran.filter((action) => !arrived.includes(action));
    throw new Error(`ran: ${ran.join(', ')}; arrived: ${arrived.join(', ') || 'none'}; missing: ${missing.map((action) => `${action} (${stored.includes(`"se_ac":"${action}"`) ? 'still stored' : 'not stored: lost'})`).join(', ')}: ${error}`);
  });
  expect(events.filter((e) => e.se_ca === 'unload').map((e) => e.se_ac).sort()).toEqual(ran.sort());
  expect(duplicates(await goodEvents(live.collector))).toEqual([]);
  expect(await counts(live.collector)).toMatchObject({ good: 1 + ran.length, bad: 0 });
});
