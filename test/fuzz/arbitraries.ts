// What a careless caller or an attacker passes to isotrack: for every track method
// and Subject setter, arguments whose fields are each valid, absent or hostile, and
// argument objects that are themselves hostile (getters that change, Proxies).
import fc from 'fast-check';
import { Subject } from '../../src/index.node.js';

/** Strings of any UTF-16 code units: lone surrogates, NUL, quotes, backslashes… */
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const hostileStrings = fc.constantFrom('', 'Caf\uD800', '\uDC00x', '\u0000', '"\\', 'x'.repeat(70_000), '__proto__', 'constructor');

/** Objects that no schema wants, and that trip naive conversions. */
const oddObjects = fc.constantFrom<unknown>(
  Object.create(null),
  { toString: () => 'x' },
  { toJSON: () => undefined },
  { toJSON: () => 5 },
  [],
  [, 'a'], // a hole
  new Date(0),
  /re/,
  new Map([[1, 2]]),
  () => 'f',
);

/** Any value at all, weighted towards the ones that break trackers. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  hostileStrings,
  anyText,
  fc.double(), // NaN, ±Infinity, -0, fractions
  fc.constantFrom(2 ** 31, -(2 ** 31), 2 ** 53, -1, 1e21, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom<unknown>(null, undefined, Symbol('s'), 10n),
  oddObjects,
  fc.array(fc.oneof(anyText, fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3 }),
);

/** A value whose every read may differ: a getter on the object that holds it. */
function withGetters(object: Record<string, unknown>, changing: Record<string, unknown[]>): object {
  const target = { ...object };
  for (const [key, values] of Object.entries(changing)) {
    let reads = 0;
    Object.defineProperty(target, key, { enumerable: true, get: () => values[reads++ % values.length] });
  }
  return target;
}

/**
 * An argument object, made hostile in one of several ways, or left plain: its fields
 * read through a Proxy, getters that alternate between a valid and a hostile value,
 * or a null prototype.
 */
function disguise(object: Record<string, unknown>, alternate: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(object) },
    { weight: 1, arbitrary: fc.constant(new Proxy(object, { get: (t, key) => Reflect.get(t, key) })) },
    { weight: 1, arbitrary: fc.constant(Object.assign(Object.create(null), object)) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...(Object.keys(object).length ? Object.keys(object) : ['x'])).map((key) => withGetters(object, { [key]: [object[key], alternate] })),
    },
  );
}

/** One field: valid (most often), absent, or hostile. */
const field = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostile });

/** An object of fields from `shape`, then disguised. */
export function args(shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, valid] of Object.entries(shape)) fields[key] = field(valid);
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), hostile)
    .chain(([object, alternate]) => disguise(object as Record<string, unknown>, alternate));
}

// Valid values, as the schemas and the protocol define them.
const INT_MAX = 2 ** 31 - 1;
const text = anyText;
const texts = fc.array(text, { maxLength: 4 });
const int = fc.integer({ min: -INT_MAX, max: INT_MAX });
const count = fc.integer({ min: 0, max: INT_MAX });
const number = fc.double({ noNaN: true, noDefaultInfinity: true });
const NODE_NAMES = ['INPUT', 'TEXTAREA', 'SELECT'];
const INPUT_TYPES = ['button', 'checkbox', 'email', 'hidden', 'text', 'datetime-local', 'week'];
const webPage = fc.uuid().map((id) => ({ schema: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0', data: { id } }));
const linkClickData = fc.record({ targetUrl: fc.string({ minLength: 1, maxLength: 20 }), elementId: text }, { requiredKeys: ['targetUrl'] });
const LINK_CLICK = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';

/**
 * Every Iglu URI drawn from the grammar below, so that the harness can give the collector
 * a schema for each one it can parse (its repository then knows every valid URI drawn,
 * and only the URI's shape decides).
 */
export const drawnSchemas = new Set<string>();

// Iglu URIs from their grammar (`iglu:vendor/name/format/M-R-A`), valid and nearly valid:
// vendors of dots, leading or trailing dots, characters outside the grammar, short or odd versions.
const vendor = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-zA-Z0-9._-]{1,10}$/) },
  { weight: 2, arbitrary: fc.constantFrom('.', '..', '...', '.com', 'com.', 'a..b', '-', '_', 'com.acme') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z./ :@é]{0,5}$/) },
);
const namePart = fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[\w-]{1,8}$/) }, { weight: 1, arbitrary: fc.constantFrom('', '.', 'a.b', 'a b', 'é', '..') });
const version = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12)).map((parts) => parts.join('-')) },
  { weight: 1, arbitrary: fc.constantFrom('1-0', '1-0-0-0', 'a-0-0', '1.0.0', '01-00-000', '', '-1-0-0') },
);
const igluUri = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(vendor, namePart, fc.oneof(fc.constant('jsonschema'), namePart), version).map(([v, n, f, ver]) => `iglu:${v}/${n}/${f}/${ver}`) },
  { weight: 1, arbitrary: fc.constantFrom('iglu:', 'iglu:a/b/c', 'iglu:a/b/c/1-0-0/', 'http://a/b/c/1-0-0', 'IGLU:a/b/c/1-0-0', ' iglu:a/b/c/1-0-0') },
).map((uri) => (drawnSchemas.add(uri), uri));

/** JSON data `levels` deep (an object at the top), through objects and arrays. */
const deep = fc.integer({ min: 1, max: 70 }).chain((levels) =>
  fc.array(fc.boolean(), { minLength: levels - 1, maxLength: levels - 1 }).map((arrays) => {
    let inner: unknown = { leaf: '"[{\\' };
    for (const asArray of arrays) inner = asArray ? [inner] : { n: inner };
    return Array.isArray(inner) ? { n: inner } : inner;
  }),
);
/** Data for a schema that takes any object: JSON of any shape, or nested near the collector's limit. */
const freeData = fc.oneof(fc.dictionary(anyText, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }), deep);

/** A self-describing JSON, plain or hostile (toJSON, a schema getter, a Proxy, junk). */
const selfDescribing = fc.oneof(
  { weight: 5, arbitrary: linkClickData.map((data) => ({ schema: LINK_CLICK, data })) },
  { weight: 4, arbitrary: fc.record({ schema: igluUri, data: freeData }) },
  { weight: 1, arbitrary: linkClickData.map((data) => ({ schema: LINK_CLICK, data: { toJSON: () => data } })) },
  { weight: 1, arbitrary: fc.constant({ schema: LINK_CLICK, data: { toJSON: () => undefined } }) },
  { weight: 1, arbitrary: linkClickData.map((data) => withGetters({ data }, { schema: [LINK_CLICK, 'not a uri', 5] })) },
  { weight: 1, arbitrary: linkClickData.map((data) => ({ schema: LINK_CLICK, data: new Proxy(data, {}) })) },
  { weight: 1, arbitrary: hostile },
);

const SUBJECT_SETTERS: Array<[string, fc.Arbitrary<unknown[]>]> = [];

/** A per-event Subject, with one or two of its setters called (a setter's TypeError leaves it as it was). */
const subject = fc.array(fc.constant(null).chain(() => fc.oneof(...SUBJECT_SETTERS.map(([method, a]) => a.map((list) => [method, list] as const)))), { maxLength: 2 }).map((calls) => {
  const made = new Subject();
  for (const [method, list] of calls) {
    try {
      (made as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!(...list);
    } catch {
      // A refused value: the fuzz of the setters themselves checks the message.
    }
  }
  return made;
});

/** The options every track method takes. */
const common = {
  context: fc.oneof(
    fc.array(webPage, { maxLength: 2 }),
    fc.array(fc.oneof(webPage, hostile), { maxLength: 2 }),
    fc.array(fc.oneof(webPage, selfDescribing), { maxLength: 3 }),
    fc.constant([, undefined]),
  ),
  trueTimestamp: fc.integer({ min: -62167219200000, max: 253402300799999 }),
  subject,
};

/** Date-times of every shape near RFC 3339's: each part drawn just past its range too, and calendar edges. */
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const dateTime = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }))
      .chain(([y, mo, d, h, mi, sec]) =>
        fc
          .tuple(
            fc.constantFrom('', '.5', '.123456'),
            fc.oneof(fc.constantFrom('Z', 'z', ''), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([sign, oh, om]) => `${sign}${pad(oh, 2)}:${pad(om, 2)}`)),
            fc.constantFrom('T', 't', ' '),
          )
          .map(([fraction, zone, sep]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${sep}${pad(h, 2)}:${pad(mi, 2)}:${pad(sec, 2)}${fraction}${zone}`),
      ),
  },
  { weight: 2, arbitrary: fc.constantFrom('2023-02-29T00:00:00Z', '2024-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '2027-01-01T23:60:00Z', '2016-12-31T23:59:60Z', '2016-12-31T23:59:60+01:00', '2017-01-01T00:59:60+01:00', '2027-04-31T00:00:00Z', '2027-01-01') },
);
const shortText = fc.string({ unit: 'binary', maxLength: 40 });
const consentDocument = { id: shortText, version: shortText, name: fc.string({ maxLength: 64 }), description: text };

const element = fc.record(
  { name: text, value: fc.oneof(text, fc.constant(null)), nodeName: fc.constantFrom(...NODE_NAMES), type: fc.constantFrom(...INPUT_TYPES) },
  { requiredKeys: ['name', 'value', 'nodeName'] },
);
const elementOrHostile = fc.oneof({ weight: 5, arbitrary: element }, { weight: 1, arbitrary: hostile });
const cart = { sku: text, quantity: number, name: text, category: text, unitPrice: number, currency: text, ...common };
const page = { pageUrl: text, pageTitle: text, referrer: text };

/** The functions that take the tracker as their first argument, and their arguments. */
export const FUNCTION_ARGS: Record<string, fc.Arbitrary<unknown>> = {
  trackError: args({
    message: text, filename: text, lineno: int, colno: int, isFatal: fc.boolean(),
    error: fc.oneof(fc.constant(new TypeError('boom')), fc.record({ stack: text, name: text }, { requiredKeys: [] }), hostile),
    ...common,
  }),
  trackConsentGranted: args({ ...consentDocument, expiry: dateTime, ...common }),
  trackConsentWithdrawn: args({ ...consentDocument, all: fc.boolean(), ...common }),
};

/** Each track method's arguments. */
export const TRACK_ARGS: Record<string, fc.Arbitrary<unknown>> = {
  trackPageView: args({ ...page, pageUrl: fc.string({ minLength: 1, maxLength: 30 }), ...common }),
  trackPagePing: args({ ...page, pageUrl: fc.string({ minLength: 1, maxLength: 30 }), minX: int, maxX: int, minY: int, maxY: int, ...common }),
  trackStructEvent: args({ category: text, action: text, label: text, property: text, value: number, ...common }),
  trackSelfDescribingEvent: args({ event: selfDescribing, ...common }),
  trackScreenView: args({ name: text, id: fc.uuid(), type: text, previousName: text, previousId: fc.uuid(), previousType: text, transitionType: text, ...common }),
  trackEcommerceTransaction: args({
    orderId: text, totalValue: number, affiliation: text, taxValue: number, shipping: number, city: text, state: text, country: text, currency: text,
    items: fc.array(fc.oneof(args({ sku: text, price: number, quantity: int, name: text, category: text }), hostile), { maxLength: 3 }),
    ...common,
  }),
  trackLinkClick: args({ targetUrl: text, elementId: text, elementClasses: texts, elementTarget: text, elementContent: text, ...common }),
  trackAddToCart: args(cart),
  trackRemoveFromCart: args(cart),
  trackFormChange: args({ formId: text, elementId: text, nodeName: fc.constantFrom(...NODE_NAMES), value: fc.oneof(text, fc.constant(null)), type: fc.constantFrom(...INPUT_TYPES), elementClasses: texts, ...common }),
  trackFormSubmit: args({ formId: text, formClasses: texts, elements: fc.array(elementOrHostile, { maxLength: 3 }), ...common }),
  trackSiteSearch: args({ terms: fc.array(text, { minLength: 1, maxLength: 3 }), filters: fc.dictionary(text, fc.oneof(text, fc.boolean()), { maxKeys: 3 }), totalResults: count, pageResults: count, ...common }),
};

const one = (valid: fc.Arbitrary<unknown>) => field(valid).map((value) => [value]);
const two = (valid: fc.Arbitrary<unknown>) => fc.tuple(field(valid), field(valid));

/** Each Subject setter's arguments (as an argument list). */
export const SUBJECT_ARGS: Record<string, fc.Arbitrary<unknown[]>> = {
  setPlatform: one(fc.constantFrom('web', 'mob', 'pc', 'srv', 'app', 'tv', 'cnsl', 'iot', 'headset')),
  setUserId: one(text),
  setScreenResolution: two(count),
  setViewport: two(count),
  setColorDepth: one(count),
  setTimezone: one(text),
  setLang: one(text),
  setDomainUserId: one(text),
  setDomainSessionId: one(fc.uuid()),
  setDomainSessionIndex: one(count),
  setIpAddress: one(text),
  setUseragent: one(text),
  setNetworkUserId: one(text),
};

SUBJECT_SETTERS.push(...Object.entries(SUBJECT_ARGS));

/** One call: a track method or function with its argument, or a Subject setter with its arguments. */
export type Call = { kind: 'track' | 'function'; method: string; arg: unknown } | { kind: 'subject'; method: string; args: unknown[] };

export const call: fc.Arbitrary<Call> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(...Object.entries(TRACK_ARGS).map(([method, arg]) => arg.map((a): Call => ({ kind: 'track', method, arg: a })))) },
  { weight: 1, arbitrary: fc.oneof(...Object.entries(FUNCTION_ARGS).map(([method, arg]) => arg.map((a): Call => ({ kind: 'function', method, arg: a })))) },
  { weight: 1, arbitrary: fc.oneof(...Object.entries(SUBJECT_ARGS).map(([method, a]) => a.map((list): Call => ({ kind: 'subject', method, args: list })))) },
);
