// Link-click tracking from the script tag, end to end with the dev collector: links
// present and added later, filters, a link that leaves the page at once, pseudo-clicks.
import { expect, test } from './driver/index.js';
import { counts, duplicates, useCollectorAndSite, waitForEvents } from './helpers.js';
import { eventData, named, namedInOrder, plainPage, trackedPage } from './autotrack-helpers.js';

const live = useCollectorAndSite();

const LINKS = `<a id="stay" class="nav main" href="#top" target="_self"><b>Stay</b> here</a>
<a id="denied" class="no-track" href="#denied">denied</a>
<a id="script" href="javascript:void 0">script</a>
<a id="away" href="/elsewhere">Leave</a>
<a id="popup" href="/elsewhere?new" target="_blank">New tab</a>`;

test('tracks clicks on links present and added later, not on denied or script links, and the one that leaves the page at once arrives', async ({ driver }) => {
  live.site.page('/links', trackedPage(live.collector.url, LINKS, `
    isotrack('newTracker', 'sp', COLLECTOR, { appId: 'links' });
    isotrack('enableLinkClickTracking', { options: { denylist: ['no-track'] }, trackContent: true });`));
  live.site.page('/elsewhere', plainPage);
  const page = await driver.open(`${live.site.url}/links`);
  await page.evaluate(() => {
    const later = document.createElement('a');
    later.id = 'later';
    later.href = '/links#later';
    later.textContent = 'Added later';
    document.body.append(later);
  });
  await page.click('#stay b'); // inside the link
  await page.click('#later');
  await page.click('#denied');
  await page.click('#script');
  await page.click('#away'); // navigates away at once
  await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/elsewhere');

  const events = await waitForEvents(live.collector, (all) => named(all, 'link_click').length >= 3);
  const clicks = namedInOrder(events, 'link_click').map(eventData);
  const base = live.site.url;
  expect(clicks).toEqual([
    { targetUrl: `${base}/links#top`, elementId: 'stay', elementClasses: ['nav', 'main'], elementTarget: '_self', elementContent: '<b>Stay</b> here' },
    { targetUrl: `${base}/links#later`, elementId: 'later', elementContent: 'Added later' },
    { targetUrl: `${base}/elsewhere`, elementId: 'away', elementContent: 'Leave' },
  ]);
  expect(await counts(live.collector)).toMatchObject({ good: 3, bad: 0 });
  expect(duplicates(events)).toEqual([]);
});

test('with pseudoClicks, middle and Ctrl clicks are tracked; with an allowlist, only listed links', async ({ driver }) => {
  live.site.page('/pseudo', trackedPage(live.collector.url, LINKS, `
    isotrack('newTracker', 'sp', COLLECTOR, { appId: 'pseudo' });
    isotrack('enableLinkClickTracking', { options: { allowlist: ['nav'] }, pseudoClicks: true });`));
  const page = await driver.open(`${live.site.url}/pseudo`);
  await page.click('#stay', { button: 'middle' });
  await page.click('#stay', { modifiers: ['Control'] });
  await page.click('#popup', { button: 'middle' }); // not in the allowlist
  await page.click('#stay');
  const events = await waitForEvents(live.collector, (all) => named(all, 'link_click').length >= 3);
  expect(named(events, 'link_click').map((e) => eventData(e).elementId)).toEqual(['stay', 'stay', 'stay']);
  expect(await counts(live.collector)).toMatchObject({ good: 3, bad: 0 });
});
