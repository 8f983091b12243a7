// Cross-domain linking: a followed link the linker accepts carries `_sp=<duid>.<ms>`
// (links added after the tracker started too); a refused one is left alone.
import { expect, test, type Page } from '@playwright/test';
import { waitForEvents } from './helpers.js';
import { SHOP_BROWSER, shopPage, useShop } from './identity-site.js';

test.use(SHOP_BROWSER);
const shop = useShop();

/** The URL of the page the click led to. */
const landed = async (page: Page): Promise<string> => {
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
      `const out = (id, host) => { const a = document.createElement('a'); a.id = id; a.textContent = id; a.href = 'https://' + host + ':' + location.port + '/landing.html?x=1#part'; document.body.append(a, document.createElement('br')); };
       out('early', 'www.other.test');
       out('same', 'app.shop.test');
       isotrack('newTracker', 'it', '${shop.collector.url}', { crossDomainLinker: (a) => a.hostname.endsWith('.other.test') });
       isotrack('trackPageView');
       setTimeout(() => out('late', 'www.other.test'), 50);`,
    ),
  );
});

for (const id of ['early', 'late']) {
  test(`a followed link to another domain (${id === 'late' ? 'added after load' : 'present at load'}) carries _sp=<duid>.<ms timestamp>`, async ({ page }) => {
    await page.goto(`${shop.origin('www')}/links.html`);
    const [event] = await waitForEvents(shop.collector, (all) => all.length >= 1);
    const before = Date.now();
    await page.click(`#${id}`);
    const url = new URL(await landed(page));
    expect(url.hostname).toBe('www.other.test');
    const [duid, ms] = url.searchParams.get('_sp')!.split('.');
    expect(duid).toBe(event!.duid);
    expect(Number(ms)).toBeGreaterThanOrEqual(before - 5_000);
    expect(Number(ms)).toBeLessThanOrEqual(Date.now());
    expect(url.searchParams.get('x')).toBe('1');
    expect(url.hash).toBe('#part');
  });
}

test('a link the linker refuses is followed unchanged', async ({ page }) => {
  await page.goto(`${shop.origin('www')}/links.html`);
  await page.click('#same');
  expect(new URL(await landed(page)).searchParams.has('_sp')).toBe(false);
});
