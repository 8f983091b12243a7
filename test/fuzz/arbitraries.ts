// What a careless caller or an attacker passes to isotrack: for every track method
// and Subject setter, arguments whose fields are each valid, absent or hostile, and
// argument objects that are themselves hostile (getters that change, Proxies).
import fc from 'fast-check';

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

/** A self-describing JSON, plain or hostile (toJSON, a schema getter, a Proxy, junk). */
const selfDescribing = fc.oneof(
  { weight: 5, arbitrary: linkClickData.map((data) => ({ schema: LINK_CLICK, data })) },
  { weight: 1, arbitrary: linkClickData.map((data) => ({ schema: LINK_CLICK, data: { toJSON: () => data } })) },
  { weight: 1, arbitrary: fc.constant({ schema: LINK_CLICK, data: { toJSON: () => undefined } }) },
  { weight: 1, arbitrary: linkClickData.map((data) => withGetters({ data }, { schema: [LINK_CLICK, 'not a uri', 5] })) },
  { weight: 1, arbitrary: linkClickData.map((data) => ({ schema: LINK_CLICK, data: new Proxy(data, {}) })) },
  { weight: 1, arbitrary: hostile },
);

/** The options every track method takes. */
const common = {
  context: fc.oneof(fc.array(webPage, { maxLength: 2 }), fc.array(fc.oneof(webPage, hostile), { maxLength: 2 }), fc.constant([, undefined])),
  trueTimestamp: fc.integer({ min: -62167219200000, max: 253402300799999 }),
};

const element = fc.record(
  { name: text, value: fc.oneof(text, fc.constant(null)), nodeName: fc.constantFrom(...NODE_NAMES), type: fc.constantFrom(...INPUT_TYPES) },
  { requiredKeys: ['name', 'value', 'nodeName'] },
);
const elementOrHostile = fc.oneof({ weight: 5, arbitrary: element }, { weight: 1, arbitrary: hostile });
const cart = { sku: text, quantity: number, name: text, category: text, unitPrice: number, currency: text, ...common };
const page = { pageUrl: text, pageTitle: text, referrer: text };

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

/** One call: a track method with its argument, or a Subject setter with its arguments. */
export type Call = { kind: 'track'; method: string; arg: unknown } | { kind: 'subject'; method: string; args: unknown[] };

export const call: fc.Arbitrary<Call> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(...Object.entries(TRACK_ARGS).map(([method, arg]) => arg.map((a): Call => ({ kind: 'track', method, arg: a })))) },
  { weight: 1, arbitrary: fc.oneof(...Object.entries(SUBJECT_ARGS).map(([method, a]) => a.map((list): Call => ({ kind: 'subject', method, args: list })))) },
);
