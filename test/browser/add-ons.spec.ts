// The core script tag with add-ons loaded by URL (`isotrack('addPlugin', url)`), in every
// engine: link, form and error tracking end to end with the dev collector, the commands
// after addPlugin waiting for the script, an add-on that fails or hangs, and the
// command queue's messages (issue 22's script-tag row).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './driver/index.js';
import { ASYNC_SNIPPET, counts, duplicates, useCollectorAndSite, waitForEvents } from './helpers.js';
import { eventData, eventName, named, plainPage } from './autotrack-helpers.js';

const live = useCollectorAndSite();

/** Records the page's console warnings and errors in `window.logged`, before the tag loads. */
const RECORD_CONSOLE = `window.logged = [];
for (const level of ['warn', 'error']) {
  const original = console[level];
  console[level] = function () { logged.push(level + ': ' + Array.from(arguments).map(String).join(' ')); return original.apply(console, arguments); };
}`;

/** A page with the async snippet (core tag only) that then runs `script`. */
function snippetPage(body: string, script: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>add-ons</title>
<script>${RECORD_CONSOLE}
${ASYNC_SNIPPET}
var COLLECTOR = ${JSON.stringify(live.collector.url)};
${script}</script></head><body>${body}</body></html>`;
}

const logged = (tab: { evaluate: <R>(fn: () => R) => Promise<R> }) => tab.evaluate(() => (window as unknown as { logged: string[] }).logged);

test('the core tag adds link, form and error tracking by URL; every event arrives good, the link that leaves at once too', async ({ driver }) => {
  live.site.page(
    '/addons',
    snippetPage(
      `<form id="f" onsubmit="event.preventDefault()"><input id="name" name="name"><button id="send">Send</button></form>
       <a id="away" href="/elsewhere">Leave</a>`,
      `isotrack('newTracker', 'sp', COLLECTOR, { appId: 'addons' });
       isotrack('addPlugin', '/dist/plugins/link-click.umd.min.js');
       // Snowplow's long form, as a migrating page writes it.
       isotrack('addPlugin', '/dist/plugins/form-tracking.umd.min.js', ['snowplowFormTracking', 'FormTrackingPlugin']);
       isotrack('addPlugin', '/dist/plugins/error-tracking.umd.min.js');
       isotrack('enableLinkClickTracking');
       isotrack('enableFormTracking');
       isotrack('enableErrorTracking');
       isotrack('trackError', { message: 'tracked by hand' });
       isotrack('trackPageView');
       isotrack(function () { window.ready = true; });`,
    ),
  );
  live.site.page('/elsewhere', plainPage);
  const tab = await driver.open(`${live.site.url}/addons`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { ready?: boolean }).ready === true)).toBe(true);
  // Before the add-ons, the core tag had none of their code.
  expect(await tab.evaluate(() => typeof (window as unknown as { isotrack: { internal: { addOnCommands: Record<string, unknown> } } }).isotrack.internal.addOnCommands.enableFormTracking)).toBe('function');
  await tab.type('#name', 'Ada');
  await tab.click('#send');
  await tab.evaluate(() => void setTimeout(() => { throw new Error('uncaught on purpose'); }));
  await expect.poll(() => tab.errors().then((errors) => errors.length)).toBe(1);
  await tab.click('#away'); // navigates away at once
  await expect.poll(() => tab.evaluate(() => location.pathname).catch(() => '')).toBe('/elsewhere');

  // Typing into the field focused it first: focus_form (on by default, as Snowplow's).
  const events = await waitForEvents(live.collector, (all) => all.length >= 7 && named(all, 'link_click').length == 1);
  expect(events.map(eventName).sort()).toEqual(['application_error', 'application_error', 'change_form', 'focus_form', 'link_click', 'pv', 'submit_form']);
  expect(eventData(named(events, 'link_click')[0]!)).toMatchObject({ targetUrl: `${live.site.url}/elsewhere`, elementId: 'away' });
  expect(eventData(named(events, 'change_form')[0]!)).toMatchObject({ formId: 'f', elementId: 'name', value: 'Ada' });
  const messages = named(events, 'application_error').map((e) => String(eventData(e).message));
  expect(messages).toContain('tracked by hand');
  expect(messages.some((m) => m.includes('uncaught on purpose'))).toBe(true);
  expect(await counts(live.collector)).toMatchObject({ good: 7, bad: 0 });
  expect(duplicates(events)).toEqual([]);
});

test('an add-on that fails to load is reported once, and the commands after it still run', async ({ driver }) => {
  live.site.page(
    '/missing',
    snippetPage(
      '',
      `isotrack('newTracker', 'sp', COLLECTOR, { appId: 'missing' });
       isotrack('addPlugin', '/dist/plugins/no-such-add-on.umd.min.js');
       isotrack('enableLinkClickTracking');
       isotrack('trackPageView');`,
    ),
  );
  const tab = await driver.open(`${live.site.url}/missing`);
  const [pv] = await waitForEvents(live.collector, (all) => all.some((e) => e.e === 'pv'));
  expect(pv!.aid).toBe('missing');
  const messages = await logged(tab);
  expect(messages.filter((m) => m.includes('no-such-add-on'))).toEqual([
    'warn: isotrack: add-on /dist/plugins/no-such-add-on.umd.min.js failed to load; the commands after addPlugin run without it',
  ]);
  // The command of the missing add-on says what it is.
  expect(messages.some((m) => m.includes('unknown command enableLinkClickTracking') && m.includes('addPlugin'))).toBe(true);
});

test('an add-on that never answers holds the queue 5 s at most, with a warning', async ({ driver }) => {
  const hanging: Server = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/slow.js`;
  try {
    live.site.page(
      '/hanging',
      snippetPage(
        '',
        `isotrack('newTracker', 'sp', COLLECTOR, { appId: 'hanging' });`,
      ),
    );
    const tab = await driver.open(`${live.site.url}/hanging`);
    // After the load event, so that the driver's navigation does not wait for the script.
    await tab.evaluate((src) => {
      const isotrack = (window as unknown as { isotrack: (...a: unknown[]) => void }).isotrack;
      isotrack('addPlugin', src);
      isotrack('trackStructEvent', { category: 'after', action: 'timeout' });
    }, url);
    const [se] = await waitForEvents(live.collector, (all) => all.some((e) => e.e === 'se'));
    expect(se!.se_ca).toBe('after');
    expect((await logged(tab)).filter((m) => m.includes('slow.js'))).toEqual([`warn: isotrack: add-on ${url} did not load within 5 s; the commands after addPlugin run without it`]);
  } finally {
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  }
});

test('commands before newTracker run when it comes; unknown commands and tracker names get their own messages', async ({ driver }) => {
  live.site.page(
    '/early',
    snippetPage(
      '',
      `isotrack('trackPageView');
       isotrack('trackStructEvent', { category: 'early', action: 'kept' });
       isotrack('newTracker', 'sp', COLLECTOR, { appId: 'early' });
       isotrack('trackPageVeiw');
       isotrack('trackPageView:nope');
       isotrack('trackStructEvent:sp', { category: 'late', action: 'named' });`,
    ),
  );
  const tab = await driver.open(`${live.site.url}/early`);
  const events = await waitForEvents(live.collector, (all) => all.length >= 3);
  expect(events.map((e) => e.e + (e.se_ca ? `:${e.se_ca}` : '')).sort()).toEqual(['pv', 'se:early', 'se:late']);
  const messages = await logged(tab);
  expect(messages.some((m) => m.includes('unknown command trackPageVeiw'))).toBe(true);
  expect(messages.some((m) => m.includes('trackPageView:nope: no tracker named nope (trackers: sp)'))).toBe(true);
  expect(messages.filter((m) => m.includes('unknown command trackPageView'))).toEqual([]);
});

test('commands waiting for a newTracker that has not come by the load event are told about, then run when it comes', async ({ driver }) => {
  live.site.page('/waiting', snippetPage('', `isotrack('trackPageView'); isotrack('trackStructEvent', { category: 'c', action: 'a' });`));
  const tab = await driver.open(`${live.site.url}/waiting`);
  await expect.poll(() => logged(tab).then((m) => m.filter((x) => x.includes('wait for')))).toEqual([
    "warn: isotrack: 2 command(s) wait for isotrack('newTracker', …) and run when it comes: trackPageView, trackStructEvent",
  ]);
  await tab.evaluate((url) => (window as unknown as { isotrack: (...a: unknown[]) => void }).isotrack('newTracker', 'sp', url, { appId: 'late' }), live.collector.url);
  const events = await waitForEvents(live.collector, (all) => all.length >= 2);
  expect(events.map((e) => e.e).sort()).toEqual(['pv', 'se']);
});

test("Snowplow's long form adds window[globalName][constructorName](...args) as a plugin of every tracker", async ({ driver }) => {
  // A third-party plugin script in Snowplow's shape: a global with a constructor.
  live.site.page('/acme-filter.js', `window.acme = { Filter: function (kind) { return { filter: function (e) { return e.e !== kind; } }; } };`, { 'Content-Type': 'text/javascript' });
  live.site.page(
    '/long-form',
    snippetPage(
      '',
      `isotrack('newTracker', 'sp', COLLECTOR, { appId: 'long-form' });
       isotrack('addPlugin', '/acme-filter.js', ['acme', 'Filter'], ['se']);
       isotrack('trackStructEvent', { category: 'dropped', action: 'by the plugin' });
       isotrack('trackPageView');
       isotrack(function (trackers) { window.filtered = trackers.sp.stats().filtered; });`,
    ),
  );
  const tab = await driver.open(`${live.site.url}/long-form`);
  const events = await waitForEvents(live.collector, (all) => all.some((e) => e.e === 'pv'));
  expect(events.map((e) => e.e)).toEqual(['pv']);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { filtered?: number }).filtered)).toBe(1);
});
