// Anonymous tracking as Snowplow offers it: what each variant sends, stores and asks of
// the collector, switched at runtime, and clearUserData. Runs in every engine, on the
// plain-http shop (127.0.0.1: keys `_sp_*.dc78`).
import { expect, test, type Driver, type Tab } from './driver/index.js';
import { entities, waitForEvents } from './helpers.js';
import { PLAIN_ID, PLAIN_SES, UUID, shopPage, spCookies, spStorage, useShop } from './identity-site.js';

const shop = useShop({ plainHttp: true });

const stored = async (page: Tab) => ({ ...(await page.evaluate(spCookies)), ...(await page.evaluate(spStorage)) }) as Record<string, string>;
const anonymousHeader = async () => {
  const good = (await (await fetch(`${shop.collector.url}/micro/good`)).json()) as { rawEvent: { context: { headers: string[] } } }[];
  return good.map((item) => item.rawEvent.context.headers.some((h) => h.toLowerCase().startsWith('sp-anonymous')));
};
// Opens the page in a new tab; returns the tab and the page view it tracked.
const open = async (driver: Driver, name: string, options: string) => {
  shop.page(
    `/${name}.html`,
    shopPage(['isotrack'], `isotrack('newTracker', 'it', '${shop.collector.url}', { clientSession: true, ${options} }); isotrack('setUserId', 'user-1'); isotrack('trackPageView');`),
  );
  const page = await driver.open(`${shop.origin('www')}/${name}.html`);
  const [event] = await waitForEvents(shop.collector, (all) => all.length >= 1);
  return { page, event: event! };
};

test('anonymousTracking: true sends no user or session id, stores nothing, no SP-Anonymous header', async ({ driver }) => {
  const { page, event } = await open(driver, 'anon', 'anonymousTracking: true');
  for (const key of ['duid', 'sid', 'vid', 'uid']) expect(event).not.toHaveProperty(key);
  expect(entities(event).some((x) => x.schema.includes('client_session'))).toBe(false);
  expect(await stored(page)).toEqual({});
  expect(await anonymousHeader()).toEqual([false]);
});

test('withSessionTracking: sid and vid, a client_session without user, a stored session without user id', async ({ driver }) => {
  const { page, event } = await open(driver, 'anon-session', 'anonymousTracking: { withSessionTracking: true }');
  expect(event.sid).toMatch(UUID);
  expect(event.vid).toBe('1');
  for (const key of ['duid', 'uid']) expect(event).not.toHaveProperty(key);
  const session = entities(event).find((x) => x.schema.includes('client_session'))!.data;
  expect(session).toMatchObject({ userId: '00000000-0000-0000-0000-000000000000', sessionId: event.sid, previousSessionId: null });
  const cookies = await stored(page);
  expect(Object.keys(cookies).sort()).toEqual([PLAIN_ID, PLAIN_SES]);
  const fields = cookies[PLAIN_ID]!.split('.');
  expect(fields[0]).toBe('');
  expect(fields[5]).toBe(event.sid);
  expect(await anonymousHeader()).toEqual([false]);
});

test('withServerAnonymisation: requests carry SP-Anonymous, nothing stored', async ({ driver }) => {
  const { page, event } = await open(driver, 'anon-server', 'anonymousTracking: { withServerAnonymisation: true }');
  expect(event).not.toHaveProperty('duid');
  expect(await stored(page)).toEqual({});
  expect(await anonymousHeader()).toEqual([true]);
});

test('switched at runtime: enable hides the ids, disable brings the stored user back; clearUserData starts a new user', async ({ driver }) => {
  const { page, event: first } = await open(driver, 'runtime', '');
  expect(first.duid).toMatch(UUID);
  const step = async (command: string, n: number) => {
    await page.evaluate((code) => void (0, eval)(code), `${command}; isotrack('trackStructEvent', { category: 'c', action: 'after-${n}' })`);
    const events = await waitForEvents(shop.collector, (all) => all.some((e) => e.se_ac == `after-${n}`));
    return events.find((e) => e.se_ac == `after-${n}`)!;
  };
  const anon = await step(`isotrack('enableAnonymousTracking')`, 1);
  for (const key of ['duid', 'sid', 'uid']) expect(anon).not.toHaveProperty(key);
  const back = await step(`isotrack('disableAnonymousTracking')`, 2);
  expect([back.duid, back.sid, back.uid]).toEqual([first.duid, first.sid, 'user-1']);
  const cleared = await step(`isotrack('clearUserData')`, 3);
  expect(cleared.duid).toMatch(UUID);
  expect(cleared.duid).not.toBe(first.duid);
  expect(cleared.sid).not.toBe(first.sid);
  expect(cleared.vid).toBe('1');
  expect(cleared).not.toHaveProperty('uid');
  expect((await stored(page))[PLAIN_ID]!.split('.')[0]).toBe(cleared.duid);
});
