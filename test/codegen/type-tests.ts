// Compiled by types.test.ts next to the module generated from fixtures/schemas
// (as ./tracking.ts), under strict, exactOptionalPropertyTypes and
// noUncheckedIndexedAccess. Every line marked @ts-expect-error must be an error; an
// unused marker is an error too (TS2578), so each of these can fail.
import { Emitter, Tracker, addGlobalContexts, newTracker } from 'isotrack';
import {
  CHECKOUT_STARTED_SCHEMA,
  createCheckoutStarted,
  createProduct,
  trackCheckoutStarted,
  trackCheckoutStartedV1_0_0,
  trackSearch,
  type CheckoutStarted,
  type Product,
} from './tracking.js';

const tracker = new Tracker(new Emitter('https://collector.example'));
const browser = newTracker('sp', 'https://collector.example');
const product: Product = { id: '0b9a5f4e-3c2d-4e1f-8a7b-6c5d4e3f2a1b', name: 'Mug' };

// What a user writes: no cast anywhere.
const id: string = trackCheckoutStarted(tracker, { orderId: 'o-1', total: 12.5, currency: 'EUR' });
trackCheckoutStarted(
  browser,
  { orderId: 'o-2', total: 3, currency: 'GBP', coupon: null, items: [{ sku: 'MUG', quantity: 2 }], startedAt: new Date().toISOString() },
  { context: [createProduct(product)], trueTimestamp: Date.now() },
);
trackCheckoutStartedV1_0_0(tracker, { orderId: 'o-3', total: 1 });
trackSearch(tracker, { terms: ['mug'], filters: { colour: 'blue' } });
const schema: 'iglu:com.acme/checkout_started/jsonschema/1-1-0' = CHECKOUT_STARTED_SCHEMA;
// A generated interface (optional properties included) goes through the SDK's own methods too.
const data: CheckoutStarted = { orderId: 'o-4', total: 0, currency: 'USD' };
tracker.trackSelfDescribingEvent({ event: { schema: CHECKOUT_STARTED_SCHEMA, data } });
tracker.trackSelfDescribingEvent({ event: createCheckoutStarted(data), context: [createProduct(product)] });
addGlobalContexts(tracker, [createProduct(product)]);
// An object without additionalProperties: false is open.
createProduct({ ...product, colour: 'blue' });
export { id, schema };

// @ts-expect-error a wrong field type
trackCheckoutStarted(tracker, { orderId: 1, total: 12.5, currency: 'EUR' });
// @ts-expect-error a missing required field
trackCheckoutStarted(tracker, { orderId: 'o-1', currency: 'EUR' });
// @ts-expect-error an unknown field in a closed object (additionalProperties: false)
trackCheckoutStarted(tracker, { orderId: 'o-1', total: 1, currency: 'EUR', discount: 3 });
// @ts-expect-error an unknown field in a closed nested object
trackCheckoutStarted(tracker, { orderId: 'o-1', total: 1, currency: 'EUR', items: [{ sku: 'MUG', quantity: 1, colour: 'red' }] });
// @ts-expect-error a value outside the enum
trackCheckoutStarted(tracker, { orderId: 'o-1', total: 1, currency: 'JPY' });
// @ts-expect-error null where the schema does not allow it
trackCheckoutStarted(tracker, { orderId: 'o-1', total: null, currency: 'EUR' });
// @ts-expect-error undefined is not a value of an optional field (exactOptionalPropertyTypes)
trackCheckoutStarted(tracker, { orderId: 'o-1', total: 1, currency: 'EUR', startedAt: undefined });
// @ts-expect-error a field that only the newer version has
trackCheckoutStartedV1_0_0(tracker, { orderId: 'o-1', total: 1, currency: 'EUR' });
// @ts-expect-error a date-time is a string on the wire, not a Date
trackCheckoutStarted(tracker, { orderId: 'o-1', total: 1, currency: 'EUR', startedAt: new Date() });
// @ts-expect-error options take a number timestamp
trackCheckoutStarted(tracker, data, { trueTimestamp: '2026-01-01' });
// @ts-expect-error a required field of an entity
createProduct({ name: 'Mug' });
// @ts-expect-error a definitions $ref keeps its type (string items)
trackSearch(tracker, { terms: [1] });
// @ts-expect-error a tracker is needed, not any object
trackSearch({}, { terms: ['mug'] });
