import { describe, expect, it } from 'vitest';
import { Subject, Tracker } from '../../src/core/index.js';
import { CollectingSink } from '../helpers/collecting-sink.js';

function setup() {
  const sink = new CollectingSink();
  return { sink, tracker: new Tracker(sink) };
}

const circular: Record<string, unknown> = { a: 1 };
circular.self = circular;

// Each case: what the caller did wrong, and the argument the TypeError must name.
const cases: Array<[string, (t: Tracker) => unknown, RegExp]> = [
  ['invalid Iglu URI', (t) => t.trackSelfDescribingEvent({ event: { schema: 'com.acme/e/1-0-0', data: {} } }), /event\.schema/],
  ['schema version not M-R-A', (t) => t.trackSelfDescribingEvent({ event: { schema: 'iglu:com.acme/e/jsonschema/1-0', data: {} } }), /event\.schema/],
  ['circular data', (t) => t.trackSelfDescribingEvent({ event: { schema: 'iglu:com.acme/e/jsonschema/1-0-0', data: circular } }), /event\.data cannot be serialised/],
  ['BigInt data', (t) => t.trackSelfDescribingEvent({ event: { schema: 'iglu:com.acme/e/jsonschema/1-0-0', data: { n: 10n } } }), /event\.data cannot be serialised/],
  ['BigInt in a context', (t) => t.trackPageView({ pageUrl: 'https://a.test/', context: [{ schema: 'iglu:com.acme/c/jsonschema/1-0-0', data: { n: 1n } }] }), /context\[0\]\.data cannot be serialised/],
  ['missing category', (t) => t.trackStructEvent({ action: 'a' } as never), /category/],
  ['missing pageUrl outside a browser', (t) => t.trackPageView({}), /pageUrl is required/],
  ['missing screen name', (t) => t.trackScreenView({} as never), /name/],
  ['missing order id', (t) => t.trackEcommerceTransaction({ totalValue: 1 } as never), /orderId/],
  ['item without price', (t) => t.trackEcommerceTransaction({ orderId: 'o', totalValue: 1, items: [{ sku: 's' } as never] }), /items\[0\]\.price/],
  ['missing sku', (t) => t.trackAddToCart({ quantity: 1 } as never), /sku/],
  ['terms not an array', (t) => t.trackSiteSearch({ terms: 'x' } as never), /terms/],
  ['context not an array', (t) => t.trackPageView({ pageUrl: 'https://a.test/', context: {} as never }), /context must be an array/],
  ['context entry not {schema, data}', (t) => t.trackPageView({ pageUrl: 'https://a.test/', context: [{ data: {} } as never] }), /context\[0\]/],
  ['context entry with bad URI', (t) => t.trackPageView({ pageUrl: 'https://a.test/', context: [{ schema: 'nope', data: {} }] }), /context\[0\]\.schema/],
  ['value not a number', (t) => t.trackStructEvent({ category: 'c', action: 'a', value: '3' as never }), /value/],
  ['trueTimestamp not a number', (t) => t.trackPageView({ pageUrl: 'https://a.test/', trueTimestamp: 'x' as never }), /trueTimestamp/],
  ['no argument object', (t) => t.trackStructEvent(undefined as never), /trackStructEvent/],
  // Integer protocol fields: the pipeline refuses "1.5" there, so every such event would be lost.
  ['trueTimestamp with a fraction', (t) => t.trackPageView({ pageUrl: 'https://a.test/', trueTimestamp: 1764140000000.5 }), /trueTimestamp must be whole milliseconds since the epoch .*, got 1764140000000\.5/],
  ['page ping offset with a fraction', (t) => t.trackPagePing({ pageUrl: 'https://a.test/', minX: 0, maxX: 10.5 }), /maxX must be a whole number/],
  ['item quantity with a fraction', (t) => t.trackEcommerceTransaction({ orderId: 'o', totalValue: 1, items: [{ sku: 's', price: 1, quantity: 1.5 }] }), /items\[0\]\.quantity must be a whole number/],
  ['search result count with a fraction', (t) => t.trackSiteSearch({ terms: ['shoes'], totalResults: 2.5 }), /totalResults must be a whole number/],
];

describe('bad input throws a TypeError at the call and queues nothing', () => {
  for (const [name, call, argument] of cases) {
    it(name, () => {
      const { sink, tracker } = setup();
      expect(() => call(tracker)).toThrow(TypeError);
      expect(() => call(tracker)).toThrow(argument);
      expect(sink.events).toHaveLength(0);
      // The tracker keeps working: a good event right after is queued.
      const id = tracker.trackStructEvent({ category: 'c', action: 'a' });
      expect(sink.events.map((e) => e.eid)).toEqual([id]);
    });
  }

  it('a bad item queues neither the transaction nor the good items', () => {
    const { sink, tracker } = setup();
    expect(() =>
      tracker.trackEcommerceTransaction({ orderId: 'o', totalValue: 1, items: [{ sku: 'a', price: 1 }, { sku: '', price: 1 }] }),
    ).toThrow(/items\[1\]\.sku/);
    expect(sink.events).toHaveLength(0);
  });
});

describe('platform codes the pipeline would reject throw at the call', () => {
  for (const platform of ['browser', '', 'WEB']) {
    it(`new Tracker(…, { platform: ${JSON.stringify(platform)} })`, () => {
      expect(() => new Tracker(new CollectingSink(), { platform })).toThrow(TypeError);
      expect(() => new Tracker(new CollectingSink(), { platform })).toThrow(/platform must be one of web, mob, pc, srv, app, tv, cnsl, iot, headset/);
    });
  }

  it('Subject#setPlatform', () => {
    expect(() => new Subject().setPlatform('desktop')).toThrow(TypeError);
    expect(() => new Subject().setPlatform('desktop')).toThrow(/platform must be one of .*, got "desktop"/);
  });

  it('a valid code is sent as p, and the default is srv', () => {
    const sink = new CollectingSink();
    new Tracker(sink, { platform: 'mob' }).trackStructEvent({ category: 'c', action: 'a' });
    new Tracker(sink).trackStructEvent({ category: 'c', action: 'a' });
    new Tracker(sink, { subject: new Subject().setPlatform('tv') }).trackStructEvent({ category: 'c', action: 'a' });
    expect(sink.events.map((e) => JSON.parse(e.json).p)).toEqual(['mob', 'srv', 'tv']);
  });
});

describe('Subject setters throw on a bad argument (a fraction, a wrong type, a non-UUID), naming it', () => {
  const cases: Array<[string, (s: Subject) => unknown, RegExp]> = [
    ['setScreenResolution', (s) => s.setScreenResolution(1920.5, 1080), /width must be a whole number/],
    ['setViewport', (s) => s.setViewport(800, Number.NaN), /height must be a whole number/],
    ['setColorDepth', (s) => s.setColorDepth('24' as never), /depth must be a whole number ≥ 0 \(32-bit\), got "24"/],
    ['setDomainSessionIndex', (s) => s.setDomainSessionIndex(1.5), /index must be a whole number/],
    // Values the pipeline would reject, or that were converted silently (issue 15).
    ['setUserId(Symbol)', (s) => s.setUserId(Symbol('s') as never), /userId must be a string, got symbol/],
    ['setUserId({ id: 42 })', (s) => s.setUserId({ id: 42 } as never), /userId must be a string, got object/],
    ['setUserId(Object.create(null))', (s) => s.setUserId(Object.create(null) as never), /userId must be a string, got object/],
    ['setUserId(42)', (s) => s.setUserId(42 as never), /userId must be a string, got 42/],
    ['setDomainSessionId("x")', (s) => s.setDomainSessionId('x'), /sessionId must be a UUID, got "x"/],
    ['setScreenResolution(-1, 768)', (s) => s.setScreenResolution(-1, 768), /width must be a whole number ≥ 0/],
    ['setDomainSessionIndex(2**31)', (s) => s.setDomainSessionIndex(2 ** 31), /index must be a whole number ≥ 0/],
    ['setLang([])', (s) => s.setLang([] as never), /lang must be a string, got an array/],
  ];
  for (const [name, call, message] of cases) {
    it(name, () => {
      const subject = new Subject();
      expect(() => call(subject)).toThrow(TypeError);
      expect(() => call(subject)).toThrow(message);
      expect(subject.fields).toEqual({});
    });
  }

  it('whole numbers are sent as before', () => {
    const subject = new Subject().setScreenResolution(1920, 1080).setViewport(800, 600).setColorDepth(24).setDomainSessionIndex(3);
    expect(subject.fields).toEqual({ res: '1920x1080', vp: '800x600', cd: '24', vid: '3' });
  });
});
