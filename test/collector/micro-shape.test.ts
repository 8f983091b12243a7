// /micro/good's `event` is the enriched event with atomic field names, as Snowplow Micro
// returns it, so that assertions written against Micro keep working unchanged.
import { describe, expect, it } from 'vitest';
import { LINK_CLICK, WEB_PAGE, b64url, contexts, event, getEvent, good, linkClick, postEvents, sdj, unstruct, useCollector } from './helpers.js';

const live = useCollector();

// The Micro documentation's style: find the events of a kind, then check their fields.
async function eventsWith(filter: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const items = await good(live.url);
  return items.map((item) => item.event).filter((e) => Object.entries(filter).every(([key, value]) => e[key] === value));
}

describe('Micro-compatible event', () => {
  it('names a page view\'s fields as the atomic event does', async () => {
    const dtm = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    await postEvents(live.url, [
      event({
        e: 'pv',
        aid: 'shop',
        url: 'https://shop.example:8443/cart?utm_source=news&utm_medium=email#top',
        page: 'Cart',
        refr: 'https://search.example/?q=shoes',
        uid: 'user-7',
        duid: 'd-uid',
        sid: '3f1e0d7c-6b5a-4a3b-9c2d-1e0f9a8b7c6d',
        vid: '3',
        tnuid: 'n-uid',
        dtm: String(dtm),
        stm: String(dtm + 1000),
        vp: '1280x720',
        res: '1920x1080',
        cookie: '1',
        lang: 'en-GB',
        tz: 'Europe/London',
        cx: b64url(contexts(sdj(WEB_PAGE, { id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }))),
      }),
    ]);
    const [pv] = await eventsWith({ event: 'page_view', app_id: 'shop' });
    expect(pv).toMatchObject({
      app_id: 'shop',
      platform: 'web',
      event: 'page_view',
      event_name: 'page_view',
      event_vendor: 'com.snowplowanalytics.snowplow',
      event_format: 'jsonschema',
      event_version: '1-0-0',
      user_id: 'user-7',
      domain_userid: 'd-uid',
      domain_sessionid: '3f1e0d7c-6b5a-4a3b-9c2d-1e0f9a8b7c6d',
      domain_sessionidx: 3,
      network_userid: 'n-uid',
      page_url: 'https://shop.example:8443/cart?utm_source=news&utm_medium=email#top',
      page_title: 'Cart',
      page_referrer: 'https://search.example/?q=shoes',
      page_urlscheme: 'https',
      page_urlhost: 'shop.example',
      page_urlport: 8443,
      page_urlpath: '/cart',
      page_urlquery: 'utm_source=news&utm_medium=email',
      page_urlfragment: 'top',
      refr_urlhost: 'search.example',
      refr_urlport: 443,
      mkt_source: 'news',
      mkt_medium: 'email',
      dvce_created_tstamp: '2026-01-02T03:04:05.678Z',
      dvce_sent_tstamp: '2026-01-02T03:04:06.678Z',
      br_viewwidth: 1280,
      br_viewheight: 720,
      dvce_screenwidth: 1920,
      dvce_screenheight: 1080,
      br_cookies: true,
      br_lang: 'en-GB',
      os_timezone: 'Europe/London',
      v_tracker: 'isotrack-test-1',
      unstruct_event: null,
      se_category: null,
      geo_country: null,
    });
    expect(typeof pv?.event_id).toBe('string');
    expect(Date.parse(String(pv?.collector_tstamp))).not.toBeNaN();
    // derived_tstamp = collector time minus the device's send delay (1 s here).
    expect(Date.parse(String(pv?.collector_tstamp)) - Date.parse(String(pv?.derived_tstamp))).toBe(1000);
    expect(pv?.useragent).toEqual(expect.any(String));
    expect((pv?.contexts as { data: { schema: string }[] }).data.map((c) => c.schema)).toEqual([WEB_PAGE]);
  });

  it('carries a self-describing event in unstruct_event, and struct fields by their atomic names', async () => {
    await getEvent(live.url, event({ e: 'ue', ue_px: b64url(unstruct(linkClick({ targetUrl: 'https://example.com/next', elementId: 'buy' }))) }));
    await getEvent(live.url, event({ e: 'se', se_ca: 'checkout', se_ac: 'pay', se_la: 'card', se_pr: 'visa', se_va: '12.5' }));
    const [click] = await eventsWith({ event_name: 'link_click' });
    expect(click?.event).toBe('unstruct');
    expect(click?.event_vendor).toBe('com.snowplowanalytics.snowplow');
    expect(click?.event_version).toBe('1-0-1');
    const ue = click?.unstruct_event as { schema: string; data: { schema: string; data: Record<string, unknown> } };
    expect(ue.schema).toBe('iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0');
    expect(ue.data.schema).toBe(LINK_CLICK);
    expect(ue.data.data.elementId).toBe('buy');
    expect(click?.contexts).toBeNull();
    const [se] = await eventsWith({ event: 'struct' });
    expect(se).toMatchObject({ se_category: 'checkout', se_action: 'pay', se_label: 'card', se_property: 'visa', se_value: 12.5, event_name: 'event' });
  });

  it('keeps isotrack\'s decoded fields under `decoded`', async () => {
    await postEvents(live.url, [event({ e: 'pv', aid: 'compat' })]);
    const [item] = await good(live.url);
    expect(item?.decoded.parameters.aid).toBe('compat');
    expect(item?.rawEvent.parameters.aid).toBe('compat');
    expect(item?.decoded.unstructEvent).toBeNull();
  });
});
