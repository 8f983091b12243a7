// The Snowplow Micro compatible API, CORS, custom paths and the events page.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  LINK_CLICK,
  SCREEN_VIEW,
  WEB_PAGE,
  b64url,
  bad,
  contexts,
  counts,
  event,
  getEvent,
  getJson,
  good,
  linkClick,
  postBody,
  postEvents,
  sdj,
  unstruct,
  webPage,
  useCollector,
} from './helpers.js';

const live = useCollector({ paths: ['/com.acme/v1', 'com.acme/events/'] });
const ORIGIN = 'https://shop.example';

describe('/micro/all, /micro/reset', () => {
  it('counts good and bad events and resets them', async () => {
    await postEvents(live.url, [event(), event({ e: 'nope' })]);
    await getEvent(live.url, event());
    expect(await counts(live.url)).toEqual({ total: 3, good: 2, bad: 1 });
    expect(await getJson(live.url, '/micro/reset')).toEqual({ total: 0, good: 0, bad: 0 });
    expect(await good(live.url)).toEqual([]);
    expect(await bad(live.url)).toEqual([]);
    // POST works too, as in Micro.
    expect(await getJson(live.url, '/micro/all', {})).toEqual({ total: 0, good: 0, bad: 0 });
  });
});

describe('/micro/good filters', () => {
  beforeEach(async () => {
    const view = sdj(SCREEN_VIEW, { name: 'home', id: crypto.randomUUID() });
    await postEvents(live.url, [
      event({ e: 'pv', aid: 'first' }),
      event({ e: 'ue', ue_px: b64url(unstruct(linkClick())), cx: b64url(contexts(webPage())) }),
      event({ e: 'ue', ue_px: b64url(unstruct(view)) }),
      event({ e: 'se', se_ca: 'c', se_ac: 'a', cx: b64url(contexts(webPage())) }),
      event({ e: 'pv', aid: 'last' }),
    ]);
  });

  it('returns every good event, newest first, with raw and decoded data', async () => {
    const items = await good(live.url);
    expect(items.map((item) => item.eventType)).toEqual(['page_view', 'struct', 'unstruct', 'unstruct', 'page_view']);
    expect(items[0]?.rawEvent.parameters.aid).toBe('last');
    expect(items[3]?.decoded.unstructEvent).toEqual(linkClick());
  });

  it('filters by event_type, as the canonical name or the e code', async () => {
    expect((await good(live.url, { event_type: 'page_view' })).length).toBe(2);
    expect((await good(live.url, { event_type: 'se' })).map((item) => item.eventType)).toEqual(['struct']);
  });

  it('filters by schema', async () => {
    const items = await good(live.url, { schema: LINK_CLICK });
    expect(items.map((item) => item.schema)).toEqual([LINK_CLICK]);
  });

  it('filters by contexts: the event must carry all of them', async () => {
    expect((await good(live.url, { contexts: [WEB_PAGE] })).length).toBe(2);
    expect((await good(live.url, { contexts: [WEB_PAGE, SCREEN_VIEW] })).length).toBe(0);
  });

  it('limits to the most recent events', async () => {
    const items = await good(live.url, { limit: 2 });
    expect(items.map((item) => item.rawEvent.parameters.e)).toEqual(['pv', 'se']);
  });

  it('pages with limit and offset, in a POST body or the query string, and counts all matches', async () => {
    const aids = (items: { rawEvent: { parameters: Record<string, unknown> } }[]) => items.map((item) => item.rawEvent.parameters.aid);
    expect(aids(await good(live.url, { limit: 2, offset: 3 }))).toEqual(['collector-tests', 'first']);
    const response = await fetch(`${live.url}/micro/good?limit=1&offset=4`);
    expect(response.headers.get('x-total-count')).toBe('5');
    expect(aids((await response.json()) as never[])).toEqual(['first']);
    expect(await good(live.url, { offset: 5 })).toEqual([]);
  });

  it('answers 400 to a malformed filter', async () => {
    const response = await fetch(`${live.url}/micro/good`, { method: 'POST', body: '{"limit": "ten"}' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: '"limit" must be a whole number ≥ 0' });
  });
});

describe('/micro/bad', () => {
  it('keeps the raw request and every error', async () => {
    await postBody(live.url, 'not json', { query: 'aid=x', headers: { 'X-Test': 'yes', Cookie: 'session=secret' } });
    const [item] = await bad(live.url);
    expect(item?.collectorPayload).toMatchObject({
      api: { vendor: 'com.snowplowanalytics.snowplow', version: 'tp2' },
      path: '/com.snowplowanalytics.snowplow/tp2',
      querystring: ['aid=x'],
      rawQuerystring: 'aid=x',
      body: 'not json',
      contentType: 'application/json; charset=UTF-8',
    });
    expect(item?.collectorPayload.headers['x-test']).toBe('yes');
    // Cookies of other localhost apps must not leak through the CORS-open API.
    expect(item?.collectorPayload.headers.cookie).toBe('(redacted)');
    expect(item?.collectorPayload.context.headers).toContain('cookie: (redacted)');
    expect(Date.parse(item?.collectorPayload.timestamp ?? '')).not.toBeNaN();
  });

  it('filters by vendor and version', async () => {
    await postBody(live.url, 'not json');
    await postBody(live.url, 'not json', { path: '/com.acme/v1' });
    await fetch(`${live.url}/i`);
    const acme = await bad(live.url, { vendor: 'com.acme', version: 'v1' });
    expect(acme.map((item) => item.collectorPayload.path)).toEqual(['/com.acme/v1']);
    expect((await bad(live.url, { version: 'tp1' })).length).toBe(1);
    expect((await bad(live.url, { limit: 1 }))[0]?.collectorPayload.path).toBe('/i');
  });
});

describe('tracking paths', () => {
  it('accepts the configured extra POST paths', async () => {
    await postEvents(live.url, [event()], { path: '/com.acme/v1' });
    await postEvents(live.url, [event()], { path: '/com.acme/events' });
    expect(await counts(live.url)).toEqual({ total: 2, good: 2, bad: 0 });
  });

  it('merges query-string parameters into every POST event, the query winning', async () => {
    await postEvents(live.url, [event({ aid: 'body' }), event({ aid: 'body' })], { query: 'aid=query&tna=ns' });
    const items = await good(live.url);
    expect(items.map((item) => [item.rawEvent.parameters.aid, item.rawEvent.parameters.tna])).toEqual([
      ['query', 'ns'],
      ['query', 'ns'],
    ]);
  });

  it('answers 404 on unknown paths and 405 on a known path with the wrong method', async () => {
    expect((await fetch(`${live.url}/com.other/tp2/more`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${live.url}/i`, { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await fetch(`${live.url}/micro/nothing`)).status).toBe(404);
    expect(await counts(live.url)).toEqual({ total: 0, good: 0, bad: 0 });
  });

  it('drops the IP address when SP-Anonymous is set', async () => {
    await postEvents(live.url, [event()], { headers: { 'SP-Anonymous': '*' } });
    await postEvents(live.url, [event()]);
    const [named, anonymous] = await good(live.url);
    expect(anonymous?.rawEvent.context.ipAddress).toBeNull();
    expect(named?.rawEvent.context.ipAddress).toMatch(/127\.0\.0\.1/);
  });
});

describe('CORS', () => {
  it('answers a preflight for the tracking paths from any origin', async () => {
    for (const path of ['/com.snowplowanalytics.snowplow/tp2', '/com.acme/v1', '/i']) {
      const response = await fetch(`${live.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,sp-anonymous',
        },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      expect(allowed).toContain('content-type');
      expect(allowed).toContain('sp-anonymous');
      expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    }
  });

  it('puts CORS headers for any origin on tracking responses', async () => {
    const headers = { Origin: ORIGIN };
    const responses = [
      await postEvents(live.url, [event()], { headers }),
      await fetch(`${live.url}/i?e=pv&p=web&tv=t`, { headers }),
    ];
    for (const response of responses) {
      expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    }
  });
});

describe('the events page', () => {
  it('serves HTML with its script and styles', async () => {
    const page = await fetch(`${live.url}/micro/ui`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<ol id="events"');
    expect(html).toContain('/micro/ui.js');
    const script = await fetch(`${live.url}/micro/ui.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain("'/micro/ui/events?'");
    expect((await fetch(`${live.url}/micro/ui.css`)).status).toBe(200);
    const root = await fetch(`${live.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/micro/ui');
  });
});
