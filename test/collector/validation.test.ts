// Each pipeline validation rule, broken once, against a real collector on loopback.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  LINK_CLICK,
  PAYLOAD_DATA,
  SCREEN_VIEW,
  WEB_PAGE,
  b64std,
  b64url,
  bad,
  badErrors,
  contexts,
  counts,
  event,
  getEvent,
  good,
  linkClick,
  postBody,
  postEvents,
  sdj,
  unstruct,
  webPage,
  useCollector,
} from './helpers.js';

const live = useCollector();

/** Sends one POST event and expects exactly one bad record; returns its errors. */
async function postOneBad(fields: Record<string, unknown>): Promise<string[]> {
  const response = await postEvents(live.url, [fields]);
  expect(response.status).toBe(200);
  expect(await counts(live.url)).toEqual({ total: 1, good: 0, bad: 1 });
  return badErrors(live.url);
}

describe('good events', () => {
  it('accepts a GET page view and keeps the parameters exactly as sent', async () => {
    const fields = event({ page: 'Hello & welcome', refr: 'https://ref.example/?a=b c', tz: 'Europe/London' });
    const response = await getEvent(live.url, fields);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/gif');
    const [item, ...rest] = await good(live.url);
    expect(rest).toEqual([]);
    expect(item?.eventType).toBe('page_view');
    expect(item?.rawEvent.parameters).toEqual(fields);
    expect(Date.parse(item?.receivedAt ?? '')).not.toBeNaN();
  });

  it('accepts GET ue_px and cx in unpadded URL-safe base64 and decodes them', async () => {
    const page = webPage();
    const fields = event({ e: 'ue', ue_px: b64url(unstruct(linkClick())), cx: b64url(contexts(page)) });
    await getEvent(live.url, fields);
    const [item] = await good(live.url);
    expect(item?.eventType).toBe('unstruct');
    expect(item?.schema).toBe(LINK_CLICK);
    expect(item?.contexts).toEqual([WEB_PAGE]);
    expect(item?.decoded.unstructEvent).toEqual(linkClick());
    expect(item?.decoded.contexts).toEqual([page]);
  });

  it('accepts padded base64 and the standard alphabet', async () => {
    // Runs of one character guarantee both `+` and `/` whatever the alignment.
    const click = linkClick({ targetUrl: 'https://example.com', elementContent: '??????>>>>>>' });
    let entity = webPage();
    while (b64url(contexts(entity)).length % 4 === 0) entity = webPage(); // make padding necessary
    const padded = Buffer.from(JSON.stringify(contexts(entity))).toString('base64url') + '='.repeat(
      (4 - (b64url(contexts(entity)).length % 4)) % 4,
    );
    expect(padded).toMatch(/=$/);
    const standard = b64std(unstruct(click));
    expect(standard).toMatch(/[+/]/);
    await postEvents(live.url, [event({ e: 'ue', ue_px: standard, cx: padded })]);
    await getEvent(live.url, event({ e: 'ue', ue_px: standard, cx: padded }));
    const items = await good(live.url);
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.decoded.unstructEvent).toEqual(click);
      expect(item.decoded.contexts).toEqual([entity]);
    }
  });

  it('accepts POST with plain ue_pr and co, in every allowed Content-Type', async () => {
    const fields = event({
      e: 'ue',
      ue_pr: JSON.stringify(unstruct(sdj(SCREEN_VIEW, { name: 'home', id: randomUUID() }))),
      co: JSON.stringify(contexts(webPage(), webPage())),
    });
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'application/json; charset=UTF-8']) {
      await postEvents(live.url, [fields], { contentType });
    }
    const items = await good(live.url);
    expect(items).toHaveLength(3);
    expect(items[0]?.schema).toBe(SCREEN_VIEW);
    expect(items[0]?.contexts).toEqual([WEB_PAGE, WEB_PAGE]);
    expect(items[0]?.rawEvent.parameters).toEqual(fields);
  });

  it('accepts every event type code with its typical fields', async () => {
    await postEvents(live.url, [
      event({ e: 'pv' }),
      event({ e: 'pp', pp_mix: '0', pp_max: '10', pp_miy: '0', pp_may: '300' }),
      event({ e: 'se', se_ca: 'shop', se_ac: 'add', se_va: '2.5' }),
      event({ e: 'ev', se_ca: 'shop', se_ac: 'add' }),
      event({ e: 'tr', tr_id: 'o1', tr_tt: '19.99', tr_cu: 'EUR' }),
      event({ e: 'ti', ti_id: 'o1', ti_sk: 'sku', ti_pr: '9.99', ti_qu: '2' }),
      event({ e: 'ad', ad_ba: 'banner' }),
      event({ e: 'ue', ue_px: b64url(unstruct(linkClick())), res: '1920x1080', vp: '800x600', cookie: '1', vid: '3' }),
    ]);
    const types = (await good(live.url)).map((item) => item.eventType).sort();
    expect(types).toEqual(
      ['ad_impression', 'page_ping', 'page_view', 'struct', 'struct', 'transaction', 'transaction_item', 'unstruct'].sort(),
    );
  });
});

describe('bad events: the POST request as a whole', () => {
  it('rejects a wrong Content-Type', async () => {
    await postEvents(live.url, [event()], { contentType: 'text/plain' });
    expect(await badErrors(live.url)).toEqual([
      expect.stringContaining('Content-Type "text/plain": a tp2 POST needs application/json'),
    ]);
  });

  it('rejects a missing Content-Type', async () => {
    await postBody(live.url, JSON.stringify({ schema: PAYLOAD_DATA, data: [event()] }), { contentType: null });
    expect(await badErrors(live.url)).toEqual([expect.stringContaining('Content-Type is missing')]);
  });

  it('rejects a body that is not JSON', async () => {
    await postBody(live.url, '{"schema": "iglu:x", data: [');
    const [item] = await bad(live.url);
    expect(item?.errors).toEqual([expect.stringContaining('body is not valid JSON')]);
    expect(item?.collectorPayload.body).toBe('{"schema": "iglu:x", data: [');
  });

  it('rejects a body that is not payload_data', async () => {
    await postBody(live.url, JSON.stringify({ schema: 'iglu:com.acme/batch/jsonschema/1-0-0', data: [event()] }));
    expect(await badErrors(live.url)).toEqual([expect.stringContaining('is not iglu:com.snowplowanalytics.snowplow/payload_data')]);
  });

  it('rejects an empty batch as one bad item', async () => {
    await postEvents(live.url, []);
    expect(await badErrors(live.url)).toEqual([expect.stringContaining('must NOT have fewer than 1 items')]);
  });
});

describe('bad events: one event of a batch', () => {
  it('records each event of a batch on its own', async () => {
    await postEvents(live.url, [event(), event({ e: 'zz' }), event({ e: 'se', se_ca: 'c', se_ac: 'a' })]);
    expect(await counts(live.url)).toEqual({ total: 3, good: 2, bad: 1 });
    const [item] = await bad(live.url);
    expect(item?.rawEvent?.parameters.e).toBe('zz');
  });

  it('rejects a value that is not a string', async () => {
    expect(await postOneBad(event({ vid: 29 }))).toEqual([
      expect.stringContaining('vid: value is not a string (got number 29)'),
    ]);
  });

  it('rejects a null value', async () => {
    expect(await postOneBad(event({ uid: null }))).toEqual([expect.stringContaining('uid: value cannot be null')]);
  });

  it('rejects an unknown key', async () => {
    expect(await postOneBad(event({ colour: 'blue' }))).toEqual([
      expect.stringContaining('unknown field "colour" (payload_data allows no other keys)'),
    ]);
  });

  it.each(['e', 'p', 'tv'])('rejects a POST event without %s', async (field) => {
    expect(await postOneBad(event({ [field]: undefined }))).toEqual([
      expect.stringContaining(`missing required field "${field}"`),
    ]);
  });

  it.each(['e', 'p', 'tv'])('rejects a GET event without %s', async (field) => {
    await getEvent(live.url, event({ [field]: undefined }));
    expect(await badErrors(live.url)).toEqual([`missing required field "${field}"`]);
  });

  it('rejects an unknown event code', async () => {
    expect(await postOneBad(event({ e: 'sv' }))).toEqual([
      'event type e="sv" is not recognised; expected one of pv, pp, ue, se, ev, tr, ti, ad',
    ]);
  });

  it('rejects an unknown event code in GET', async () => {
    await getEvent(live.url, event({ e: 'click' }));
    expect(await badErrors(live.url)).toEqual([expect.stringContaining('event type e="click" is not recognised')]);
  });

  it('rejects an eid that is not a UUID', async () => {
    expect(await postOneBad(event({ eid: 'event-1' }))).toEqual(['eid "event-1" is not a UUID']);
  });

  it('rejects timestamps that are not whole milliseconds', async () => {
    const errors = await postOneBad(event({ dtm: '2024-01-01T00:00:00Z', stm: '1.5', ttm: '999999999999999' }));
    expect(errors).toEqual([
      expect.stringContaining('dtm "2024-01-01T00:00:00Z" is not a whole number'),
      expect.stringContaining('stm "1.5" is not a whole number'),
      expect.stringContaining('ttm "999999999999999" is outside the years 0 to 9999'),
    ]);
  });

  it('rejects an unknown platform', async () => {
    expect(await postOneBad(event({ p: 'browser' }))).toEqual([expect.stringContaining('platform p="browser" is not one of web, mob')]);
  });

  it('rejects fields that Enrich cannot convert', async () => {
    const errors = await postOneBad(event({ res: '1920*1080', cookie: 'yes', vid: 'one' }));
    expect(errors).toEqual([
      expect.stringContaining('res "1920*1080" must be "<width>x<height>"'),
      expect.stringContaining('cookie "yes" must be "1" or "0"'),
      expect.stringContaining('vid "one" is not an integer'),
    ]);
  });

  it('rejects broken base64', async () => {
    expect(await postOneBad(event({ e: 'ue', ue_px: 'eyJzY2hlbWEi$$$' }))).toEqual([
      'ue_px: not valid base64 (invalid character "$")',
    ]);
  });

  it('explains a "+" that a query string turned into a space', async () => {
    await fetch(`${live.url}/i?e=ue&p=web&tv=t&ue_px=ab+cd`);
    expect(await badErrors(live.url)).toEqual([
      'ue_px: not valid base64 (invalid character " "; a "+" sent unencoded in a query string reads as a space)',
    ]);
  });

  it('rejects base64 of an impossible length', async () => {
    expect(await postOneBad(event({ cx: 'eyJzY' }))).toEqual(['cx: not valid base64 (length 5 is not a valid base64 length)']);
  });

  it('rejects base64 that decodes to something other than JSON', async () => {
    const errors = await postOneBad(event({ cx: Buffer.from('{not json').toString('base64url') }));
    expect(errors).toEqual([expect.stringContaining('cx: not valid JSON')]);
  });

  it('rejects plain ue_pr that is not JSON', async () => {
    expect(await postOneBad(event({ e: 'ue', ue_pr: '{"schema":' }))).toEqual([expect.stringContaining('ue_pr: not valid JSON')]);
  });

  it('rejects a ue event without ue_px or ue_pr', async () => {
    expect(await postOneBad(event({ e: 'ue' }))).toEqual([
      'e=ue needs the self-describing event in ue_px or ue_pr, but neither is present',
    ]);
  });

  it('rejects ue_px that is not wrapped in unstruct_event', async () => {
    expect(await postOneBad(event({ e: 'ue', ue_px: b64url(linkClick()) }))).toEqual([
      `ue_px: expected an unstruct_event wrapper (iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-*-*), got "${LINK_CLICK}"`,
    ]);
  });

  it('rejects a self-describing event whose data fails its schema', async () => {
    const errors = await postOneBad(event({ e: 'ue', ue_px: b64url(unstruct(linkClick({ elementId: 7 }))) }));
    expect(errors).toEqual([
      `ue_px event: ${LINK_CLICK}: missing required field "targetUrl"`,
      `ue_px event: ${LINK_CLICK}: elementId must be string`,
    ]);
  });

  it('rejects an entity whose data fails its schema', async () => {
    const errors = await postOneBad(event({ cx: b64url(contexts(webPage(), webPage('not-a-uuid'))) }));
    expect(errors).toEqual([expect.stringContaining(`cx entity 1: ${WEB_PAGE}: id must match pattern`)]);
  });

  it('checks JSON Schema formats (uuid) as Iglu does', async () => {
    const view = sdj(SCREEN_VIEW, { name: 'home', id: 'screen-1' });
    const errors = await postOneBad(event({ e: 'ue', ue_pr: JSON.stringify(unstruct(view)) }));
    expect(errors).toEqual([`ue_pr event: ${SCREEN_VIEW}: id must match format "uuid"`]);
  });

  it('rejects an empty contexts array (contexts 1-0-0 needs one entity)', async () => {
    const errors = await postOneBad(event({ co: JSON.stringify(contexts()) }));
    expect(errors).toEqual([expect.stringContaining('co: iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0: the data must NOT have fewer than 1 items')]);
  });

  it('rejects an event whose schema is not found, and says so', async () => {
    const unknown = 'iglu:com.acme/checkout/jsonschema/1-0-0';
    const errors = await postOneBad(event({ e: 'ue', ue_px: b64url(unstruct(sdj(unknown, { total: 1 }))) }));
    expect(errors).toEqual([expect.stringMatching(/^ue_px event: schema iglu:com\.acme\/checkout\/jsonschema\/1-0-0 not found \(looked in the bundled schemas\)$/)]);
  });

  it('rejects an entity whose schema is not found', async () => {
    const errors = await postOneBad(event({ cx: b64url(contexts(sdj('iglu:com.acme/user/jsonschema/1-0-0', {}))) }));
    expect(errors).toEqual([expect.stringContaining('cx entity 0: schema iglu:com.acme/user/jsonschema/1-0-0 not found')]);
  });

  it('records every problem of an event, not only the first', async () => {
    const errors = await postOneBad(event({ eid: 'x', p: 'moon', e: 'ue' }));
    expect(errors).toHaveLength(3);
  });
});
