// Cross-domain linking: a followed link the linker accepts carries `_sp=<duid>.<ms>`
// (links added after the tracker started too); a refused one is left alone. Runs in every
// engine on the plain-http shop: the page is on 127.0.0.1, the "other domain" is
// `localhost` (another host name for the same server), the refused link stays on 127.0.0.1.
import { expect, test, type Tab } from './driver/index.js';
import { waitForEvents } from './helpers.js';
import { shopPage, useShop } from './identity-site.js';

const shop = useShop({ plainHttp: true });

/** The URL of the page the click led to. */
const landed = async (page: Tab): Promise<string> => {
  let href = '';
  await expect.poll(async () => (href = await page.evaluate(() => location.href).catch(() => '')), { timeout: 10_000 }).toContain('/landing.html');
  return href;
};

test.beforeAll(() => {
  shop.page('/landing.html', shopPage([], ''));
  shop.page(
    '/links.html',
    shopPage(
      ['isotrack'],
      `const out = (id, host) => { const a = document.createElement('a'); a.id = id; a.textContent = id; a.href = location.protocol + '//' + host + ':' + location.port + '/landing.html?x=1#part'; document.body.append(a, document.createElement('br')); };
       out('early', 'localhost');
       out('same', '127.0.0.1');
       isotrack('newTracker', 'it', '${shop.collector.url}', { crossDomainLinker: (a) => a.hostname == 'localhost' });
       isotrack('trackPageView');
       setTimeout(() => out('late', 'localhost'), 50);`,
    ),
  );
});

for (const id of ['early', 'late']) {
  test(`a followed link to another domain (${id === 'late' ? 'added after load' : 'present at load'}) carries _sp=<duid>.<ms timestamp>`, async ({ driver }) => {
    const page = await driver.open(`${shop.origin('www')}/links.html`);
    const [event] = await waitForEvents(shop.collector, (all) => all.length >= 1);
    // The late link is added 50 ms after load, which may be after the page view arrived.
    await expect.poll(() => page.evaluate((selector) => document.querySelector(selector) !== null, `#${id}`)).toBe(true);
    const before = Date.now();
    await page.click(`#${id}`);
    const url = new URL(await landed(page));
    expect(url.hostname).toBe('localhost');
    const [duid, ms] = url.searchParams.get('_sp')!.split('.');
    expect(duid).toBe(event!.duid);
    expect(Number(ms)).toBeGreaterThanOrEqual(before - 5_000);
    expect(Number(ms)).toBeLessThanOrEqual(Date.now());
    expect(url.searchParams.get('x')).toBe('1');
    expect(url.hash).toBe('#part');
  });
}

test('a link the linker refuses is followed unchanged', async ({ driver }) => {
  const page = await driver.open(`${shop.origin('www')}/links.html`);
  await page.click('#same');
  expect(new URL(await landed(page)).searchParams.has('_sp')).toBe(false);
});
