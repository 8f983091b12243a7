import { describe, expect, it } from 'vitest';
import { SCHEMAS, Subject, Tracker } from '../../src/core/index.js';
import { CollectingSink, decodeBase64Url } from '../helpers/collecting-sink.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const context = [{ schema: 'iglu:com.acme/user/jsonschema/1-0-0', data: { tier: 'gold' } }];

function setup(options: ConstructorParameters<typeof Tracker>[1] = {}) {
  const sink = new CollectingSink();
  return { sink, tracker: new Tracker(sink, { namespace: 'cf', appId: 'cf29ea', ...options }) };
}

describe('Tracker', () => {
  it('returns a UUID v4 from every track method and sends it as eid', () => {
    const { sink, tracker } = setup();
    const ids = [
      tracker.trackPageView({ pageUrl: 'https://a.test/' }),
      tracker.trackPagePing({ pageUrl: 'https://a.test/', minX: 0, maxX: 10, minY: 0, maxY: 20 }),
      tracker.trackStructEvent({ category: 'c', action: 'a' }),
      tracker.trackSelfDescribingEvent({ event: { schema: 'iglu:com.acme/e/jsonschema/1-0-0', data: {} } }),
      tracker.trackScreenView({ name: 'home' }),
      tracker.trackEcommerceTransaction({ orderId: 'o', totalValue: 1 }),
      tracker.trackLinkClick({ targetUrl: 'https://x.test/' }),
      tracker.trackAddToCart({ sku: 's', quantity: 1 }),
      tracker.trackRemoveFromCart({ sku: 's', quantity: 1 }),
      tracker.trackFormChange({ formId: 'f', elementId: 'e', nodeName: 'INPUT', value: 'v' }),
      tracker.trackFormSubmit({ formId: 'f' }),
      tracker.trackSiteSearch({ terms: ['t'] }),
    ];
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sink.payloads().map((p) => p.eid)).toEqual(ids);
  });

  it('sets the common fields on every event, all as strings', () => {
    const { sink, tracker } = setup();
    const before = Date.now();
    tracker.trackStructEvent({ category: 'c', action: 'a', value: 3 });
    const p = sink.last();
    expect(p).toMatchObject({ e: 'se', tna: 'cf', aid: 'cf29ea', p: 'srv', se_ca: 'c', se_ac: 'a', se_va: '3' });
    expect(p.tv).toMatch(/^isotrack-\d+\.\d+\.\d+/);
    expect(Number(p.dtm)).toBeGreaterThanOrEqual(before);
    expect(p).not.toHaveProperty('stm'); // stamped by the emitter when sent
    for (const value of Object.values(p)) expect(typeof value).toBe('string');
  });

  it('leaves empty values out', () => {
    const { sink, tracker } = setup();
    tracker.trackPageView({ pageUrl: 'https://a.test/', pageTitle: '', referrer: undefined });
    expect(Object.keys(sink.last()).sort()).toEqual(['aid', 'dtm', 'e', 'eid', 'p', 'tna', 'tv', 'url']);
  });

  it('encodes ue and contexts as URL-safe base64 without padding by default', () => {
    const { sink, tracker } = setup();
    const event = { schema: 'iglu:com.acme/e/jsonschema/1-0-0', data: { text: '??>>~~ é' } };
    tracker.trackSelfDescribingEvent({ event, context });
    const p = sink.last();
    expect(p.ue_px).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(p.cx).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(decodeBase64Url(p.ue_px!))).toEqual({ schema: SCHEMAS.unstructEvent, data: event });
    expect(JSON.parse(decodeBase64Url(p.cx!))).toEqual({ schema: SCHEMAS.contexts, data: context });
    expect(p).not.toHaveProperty('ue_pr');
  });

  it('sends ue_pr and co as JSON text with encodeBase64: false', () => {
    const { sink, tracker } = setup({ encodeBase64: false });
    tracker.trackScreenView({ name: 'home', context });
    const p = sink.last();
    const ue = JSON.parse(p.ue_pr!);
    expect(ue.data.schema).toBe('iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0');
    expect(ue.data.data.id).toMatch(UUID_V4);
    expect(JSON.parse(p.co!).data).toEqual(context);
    expect(p).not.toHaveProperty('ue_px');
  });

  it('merges a per-event subject over the tracker subject', () => {
    const subject = new Subject().setUserId('u1').setScreenResolution(1920, 1080).setLang('en-GB').setNetworkUserId('n1');
    const { sink, tracker } = setup({ subject });
    tracker.trackPageView({ pageUrl: 'https://a.test/', subject: new Subject().setUserId('u2').setPlatform('mob') });
    expect(sink.last()).toMatchObject({ uid: 'u2', res: '1920x1080', lang: 'en-GB', tnuid: 'n1', p: 'mob' });
    tracker.setSubject(new Subject().setViewport(10, 20).setColorDepth(24).setTimezone('Europe/London'));
    tracker.trackPageView({ pageUrl: 'https://a.test/' });
    expect(sink.last()).toMatchObject({ vp: '10x20', cd: '24', tz: 'Europe/London' });
    expect(sink.last()).not.toHaveProperty('uid');
  });

  it('maps every Subject setter to its protocol field', () => {
    const s = new Subject()
      .setPlatform('app').setUserId('u').setScreenResolution(1, 2).setViewport(3, 4).setColorDepth(5).setTimezone('UTC')
      .setLang('fr').setDomainUserId('d').setDomainSessionId('9f1a2c6e-1111-4222-8333-444455556666').setDomainSessionIndex(7)
      .setIpAddress('1.2.3.4').setUseragent('ua/1').setNetworkUserId('n');
    expect(s.fields).toEqual({
      p: 'app', uid: 'u', res: '1x2', vp: '3x4', cd: '5', tz: 'UTC', lang: 'fr', duid: 'd',
      sid: '9f1a2c6e-1111-4222-8333-444455556666', vid: '7', ip: '1.2.3.4', ua: 'ua/1', tnuid: 'n',
    });
  });

  it('tracks a transaction and one item event per item, items carrying order id and currency', () => {
    const { sink, tracker } = setup();
    const id = tracker.trackEcommerceTransaction({
      orderId: 'o-9', totalValue: 30, currency: 'EUR',
      items: [{ sku: 'a', price: 10 }, { sku: 'b', price: 10, quantity: 2, name: 'B' }],
    });
    const [tr, ...items] = sink.payloads();
    expect(tr).toMatchObject({ e: 'tr', eid: id, tr_id: 'o-9', tr_tt: '30', tr_cu: 'EUR' });
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ e: 'ti', ti_id: 'o-9', ti_sk: 'a', ti_pr: '10', ti_qu: '1', ti_cu: 'EUR' });
    expect(items[1]).toMatchObject({ e: 'ti', ti_id: 'o-9', ti_sk: 'b', ti_qu: '2', ti_nm: 'B' });
  });

  it('lets plugins add fields and entities before serialisation', () => {
    const { sink, tracker } = setup();
    tracker.addPlugin({
      beforeTrack(event) {
        event.payload.url ??= 'https://from-plugin.test/';
        event.contexts.push({ schema: SCHEMAS.webPage, data: { id: '00000000-0000-4000-8000-000000000000' } });
      },
    });
    tracker.trackPageView();
    const p = sink.last();
    expect(p.url).toBe('https://from-plugin.test/');
    expect(JSON.parse(decodeBase64Url(p.cx!)).data[0].schema).toBe(SCHEMAS.webPage);
  });

  it('serialises each event once, with its byte length', () => {
    const { sink, tracker } = setup();
    tracker.trackStructEvent({ category: 'ünïcode ☃', action: 'a' });
    const [event] = sink.events;
    expect(event!.bytes).toBe(Buffer.byteLength(event!.json, 'utf8'));
  });

  it('sends to every emitter', () => {
    const a = new CollectingSink();
    const b = new CollectingSink();
    const tracker = new Tracker(a);
    tracker.addEmitter(b);
    const id = tracker.trackStructEvent({ category: 'c', action: 'a' });
    expect(a.last().eid).toBe(id);
    expect(b.last().eid).toBe(id);
  });
});
