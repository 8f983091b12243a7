// Snowplow ecommerce (issue 20): each action is one `snowplow_ecommerce_action` 1-0-2 event
// with the entities Snowplow's plugin attaches, in its order, after the caller's own; what
// a schema would refuse throws a TypeError at the call, naming the field, and queues
// nothing. The browser spec checks the events good in the dev collector.
import { describe, expect, it } from 'vitest';
import { Tracker } from '../../src/core/index.js';
import {
  trackCheckoutStep,
  trackProductListClick,
  trackProductListView,
  trackProductView,
  trackPromotionClick,
  trackPromotionView,
  trackRefund,
  trackSnowplowAddToCart,
  trackSnowplowRemoveFromCart,
  trackTransaction,
  trackTransactionError,
} from '../../src/core/events/snowplow-ecommerce.js';
import { setEcommerceUser, setPageType } from '../../src/core/events/snowplow-ecommerce-state.js';
import type { Product, Transaction } from '../../src/core/events/snowplow-ecommerce-entities.js';
import { CollectingSink } from '../helpers/collecting-sink.js';
import { itRefusesEach, type RefusalCase } from '../helpers/refusals.js';

const VENDOR = 'iglu:com.snowplowanalytics.snowplow.ecommerce/';
const SHOE: Product = { id: 'sku-1', name: 'Runner', category: 'Shoes/Running', price: 59.5, currency: 'EUR', quantity: 2 };
const HAT: Product = { id: 'sku-2', category: '', price: 10, currency: 'EUR', quantity: 1 };
const ORDER: Transaction = { transaction_id: 'T-1', revenue: 129, currency: 'EUR', payment_method: 'card' };

function setUp() {
  const sink = new CollectingSink();
  const tracker = new Tracker(sink, { encodeBase64: false });
  /** The last event: its action and its entities as [schema name, data]. */
  const last = () => {
    const payload = sink.last();
    const event = JSON.parse(payload.ue_pr!).data as { schema: string; data: unknown };
    const entities = ((payload.co ? JSON.parse(payload.co).data : []) as { schema: string; data: unknown }[]).map(({ schema, data }) => [
      schema.replace(VENDOR, '').replace('/jsonschema/1-0-0', ''),
      data,
    ]);
    return { schema: event.schema, action: event.data, entities };
  };
  return { sink, tracker, last };
}

const cases: RefusalCase[] = [
  ['product view without id', (t) => trackProductView(t, { ...SHOE, id: undefined as never }), /^isotrack: id is required \(a non-empty string/],
  ['product view without price', (t) => trackProductView(t, { ...SHOE, price: undefined as never }), /^isotrack: price is required \(a finite number\)/],
  ['product view without currency', (t) => trackProductView(t, { ...SHOE, currency: undefined as never }), /^isotrack: currency is required/],
  ['product view without category (Snowplow’s type allows it; the schema does not)', (t) => trackProductView(t, { ...SHOE, category: undefined as never }), /category is required/],
  ['price as a string', (t) => trackProductView(t, { ...SHOE, price: '59.50' as never }), /^isotrack: price must be a finite number, got "59.50"/],
  ['price negative', (t) => trackProductView(t, { ...SHOE, price: -1 }), /price must be an amount from 0 to 9999999 in whole cents, got -1/],
  ['price in fractions of a cent', (t) => trackProductView(t, { ...SHOE, price: 1.005 }), /price must be an amount .* in whole cents, got 1.005/],
  ['price above the schema’s maximum', (t) => trackProductView(t, { ...SHOE, price: 10_000_000 }), /price must be an amount from 0 to 9999999/],
  ['currency of 4 characters', (t) => trackProductView(t, { ...SHOE, currency: 'EURO' }), /currency must be a non-empty string of at most 3 characters, got "EURO"/],
  ['currency of 2 characters', (t) => trackProductView(t, { ...SHOE, currency: 'EU' }), /^isotrack: currency must be a 3-letter ISO 4217 code, got "EU"/],
  ['quantity a fraction', (t) => trackProductView(t, { ...SHOE, quantity: 1.5 }), /quantity must be a whole number ≥ 0/],
  ['position above 9,999,999', (t) => trackProductView(t, { ...SHOE, position: 10_000_000 }), /position must be at most 9999999/],
  ['product brand longer than 256', (t) => trackProductView(t, { ...SHOE, brand: 'b'.repeat(257) }), /brand must be a string of at most 256 characters/],
  ['product view with no argument', (t) => trackProductView(t, undefined as never), /trackProductView expects an object argument/],
  ['list view without a name', (t) => trackProductListView(t, { products: [SHOE] } as never), /^isotrack: name is required/],
  ['list view with a product of no price, named by its index', (t) => trackProductListView(t, { name: 'search', products: [SHOE, { ...HAT, price: undefined as never }] }), /^isotrack: products\[1\]\.price is required/],
  ['list view with a hole in its products', (t) => trackProductListView(t, { name: 'search', products: [SHOE, null as never] }), /products\[1\] expects an object argument/],
  ['list click without its product', (t) => trackProductListClick(t, { name: 'search' } as never), /^isotrack: product expects an object argument/],
  ['list click with a product of a wrong currency', (t) => trackProductListClick(t, { name: 'search', product: { ...SHOE, currency: 5 as never } }), /^isotrack: product\.currency must be/],
  ['list name longer than 128', (t) => trackProductListView(t, { name: 'n'.repeat(129), products: [] }), /name must be a non-empty string of at most 128/],
  ['promotion without id', (t) => trackPromotionView(t, {} as never), /^isotrack: id is required/],
  ['promotion product_ids not strings', (t) => trackPromotionClick(t, { id: 'p', product_ids: [1] as never }), /product_ids must be an array of strings/],
  ['cart without total_value', (t) => trackSnowplowAddToCart(t, { currency: 'EUR', products: [SHOE] } as never), /^isotrack: total_value is required/],
  ['cart products not an array', (t) => trackSnowplowRemoveFromCart(t, { total_value: 1, currency: 'EUR', products: SHOE as never }), /^isotrack: products must be an array of products/],
  ['checkout step 0', (t) => trackCheckoutStep(t, { step: 0 }), /^isotrack: step must be from 1 to 90, got 0/],
  ['checkout step 91', (t) => trackCheckoutStep(t, { step: 91 }), /step must be from 1 to 90/],
  ['checkout step a fraction', (t) => trackCheckoutStep(t, { step: 1.5 }), /step must be a whole number/],
  ['marketing_opt_in not a boolean', (t) => trackCheckoutStep(t, { step: 1, marketing_opt_in: 'yes' as never }), /marketing_opt_in must be a boolean/],
  ['transaction without payment_method', (t) => trackTransaction(t, { ...ORDER, payment_method: undefined as never, total_quantity: 1 }), /^isotrack: payment_method is required/],
  ['transaction with neither total_quantity nor product quantities', (t) => trackTransaction(t, ORDER), /^isotrack: total_quantity is required \(a whole number ≥ 0/],
  ['transaction whose products count more than 9,999,999 items', (t) => trackTransaction(t, { ...ORDER, products: [{ ...SHOE, quantity: 9_999_999 }, HAT] }), /^isotrack: total_quantity must be at most 9999999, got 10000000/],
  ['transaction discount_code longer than 99', (t) => trackTransaction(t, { ...ORDER, total_quantity: 1, discount_code: 'd'.repeat(100) }), /discount_code must be a string of at most 99/],
  ['refund without refund_amount', (t) => trackRefund(t, { transaction_id: 'T-1', currency: 'EUR' } as never), /^isotrack: refund_amount is required/],
  ['transaction error without its transaction', (t) => trackTransactionError(t, { error_code: 'E1' } as never), /^isotrack: transaction expects an object argument/],
  ['transaction error whose transaction has no total_quantity', (t) => trackTransactionError(t, { transaction: ORDER }), /^isotrack: transaction\.total_quantity is required/],
  ['transaction error type outside the enum', (t) => trackTransactionError(t, { transaction: { ...ORDER, total_quantity: 1 }, error_type: 'fatal' as never }), /error_type must be one of hard, soft/],
  ['caller’s context not an array', (t) => trackProductView(t, { ...SHOE, context: {} as never }), /^isotrack: context must be an array/],
  ['page type missing', (t) => setPageType(t, {} as never), /^isotrack: type is required/],
  ['ecommerce user id longer than 128', (t) => setEcommerceUser(t, { id: 'u'.repeat(129) }), /id must be a non-empty string of at most 128/],
  ['ecommerce user is_guest not a boolean', (t) => setEcommerceUser(t, { id: 'u', is_guest: 1 as never }), /is_guest must be a boolean/],
];

describe('Snowplow ecommerce: mistakes throw a TypeError at the call, naming the field, and queue nothing', () => {
  itRefusesEach(cases);

  it('a refused setPageType leaves the earlier page type in place', () => {
    const { tracker, last } = setUp();
    setPageType(tracker, { type: 'home' });
    expect(() => setPageType(tracker, { type: 7 as never })).toThrow(TypeError);
    trackCheckoutStep(tracker, { step: 1 });
    expect(last().entities).toContainEqual(['page', { type: 'home' }]);
  });
});

describe('Snowplow ecommerce: each action with Snowplow’s entities', () => {
  it('product view, list view and list click', () => {
    const { tracker, last } = setUp();
    trackProductView(tracker, { ...SHOE, brand: null, size: '42' });
    expect(last()).toEqual({
      schema: `${VENDOR}snowplow_ecommerce_action/jsonschema/1-0-2`,
      action: { type: 'product_view' },
      entities: [['product', { id: 'sku-1', name: 'Runner', category: 'Shoes/Running', price: 59.5, quantity: 2, size: '42', currency: 'EUR' }]],
    });
    trackProductListView(tracker, { name: 'search results', products: [SHOE, HAT] });
    expect(last().action).toEqual({ type: 'list_view', name: 'search results' });
    expect(last().entities.map(([name, data]) => [name, (data as Product).id])).toEqual([['product', 'sku-1'], ['product', 'sku-2']]);
    trackProductListClick(tracker, { name: 'search results', product: { ...HAT, position: 2 } });
    expect(last()).toMatchObject({ action: { type: 'list_click', name: 'search results' }, entities: [['product', { ...HAT, position: 2 }]] });
  });

  it('an empty list view is one event with no product entity', () => {
    const { tracker, last } = setUp();
    trackProductListView(tracker, { name: 'no results', products: [] });
    expect(last()).toMatchObject({ action: { type: 'list_view', name: 'no results' }, entities: [] });
  });

  it('promotions, cart changes and checkout steps', () => {
    const { tracker, last } = setUp();
    const promotion = { id: 'summer', name: 'Summer sale', product_ids: ['sku-1', 'sku-2'], position: 1, type: 'banner', slot: 'top' };
    trackPromotionView(tracker, promotion);
    expect(last()).toMatchObject({ action: { type: 'promo_view' }, entities: [['promotion', promotion]] });
    trackPromotionClick(tracker, { id: 'summer' });
    expect(last()).toMatchObject({ action: { type: 'promo_click' }, entities: [['promotion', { id: 'summer' }]] });
    trackSnowplowAddToCart(tracker, { cart_id: 'c-1', total_value: 129, currency: 'EUR', products: [SHOE, HAT] });
    expect(last().action).toEqual({ type: 'add_to_cart' });
    expect(last().entities.map(([name]) => name)).toEqual(['product', 'product', 'cart']);
    expect(last().entities[2]).toEqual(['cart', { cart_id: 'c-1', total_value: 129, currency: 'EUR' }]);
    trackSnowplowRemoveFromCart(tracker, { total_value: 0, currency: 'EUR' });
    expect(last()).toEqual(expect.objectContaining({ action: { type: 'remove_from_cart' }, entities: [['cart', { total_value: 0, currency: 'EUR' }]] }));
    trackCheckoutStep(tracker, { step: 2, delivery_method: 'express', marketing_opt_in: false, coupon_code: null });
    expect(last()).toMatchObject({ action: { type: 'checkout_step' }, entities: [['checkout_step', { step: 2, delivery_method: 'express', marketing_opt_in: false }]] });
  });

  it('a transaction counts its products’ quantities when total_quantity is not given, as Snowplow does', () => {
    const { tracker, last } = setUp();
    trackTransaction(tracker, { ...ORDER, tax: 20.6, shipping: 0, credit_order: false, products: [SHOE, HAT] });
    expect(last().action).toEqual({ type: 'transaction' });
    expect(last().entities.map(([name]) => name)).toEqual(['product', 'product', 'transaction']);
    expect(last().entities[2]).toEqual(['transaction', { ...ORDER, total_quantity: 3, tax: 20.6, shipping: 0, credit_order: false }]);
    trackTransaction(tracker, { ...ORDER, total_quantity: 7, products: [SHOE] });
    expect(last().entities[1]![1]).toMatchObject({ total_quantity: 7 });
  });

  it('refunds and transaction errors', () => {
    const { tracker, last } = setUp();
    trackRefund(tracker, { transaction_id: 'T-1', currency: 'EUR', refund_amount: 59.5, refund_reason: 'too small', products: [SHOE] });
    expect(last()).toMatchObject({ action: { type: 'refund' } });
    expect(last().entities).toEqual([['product', SHOE], ['refund', { transaction_id: 'T-1', currency: 'EUR', refund_amount: 59.5, refund_reason: 'too small' }]]);
    trackTransactionError(tracker, { error_code: 'E522', error_shortcode: 'card_declined', error_type: 'soft', resolution: 'retry_allowed', transaction: { ...ORDER, total_quantity: 3 } });
    expect(last()).toEqual(expect.objectContaining({
      action: { type: 'trns_error' },
      entities: [
        ['transaction', { ...ORDER, total_quantity: 3 }],
        ['transaction_error', { error_code: 'E522', error_shortcode: 'card_declined', error_type: 'soft', resolution: 'retry_allowed' }],
      ],
    }));
  });

  it('amounts a float sum left a hair off a whole cent are sent as that cent', () => {
    const { tracker, last } = setUp();
    trackSnowplowAddToCart(tracker, { total_value: 0.1 + 0.2, currency: 'EUR', products: [{ ...HAT, price: 19.99 }] });
    expect(last().entities).toEqual([['product', { ...HAT, price: 19.99 }], ['cart', { total_value: 0.3, currency: 'EUR' }]]);
  });

  it('the caller’s entities come first and their array is left as it was; trueTimestamp is kept', () => {
    const { tracker, sink, last } = setUp();
    const context = [{ schema: 'iglu:com.acme/campaign/jsonschema/1-0-0', data: { id: 'x' } }];
    trackProductView(tracker, { ...SHOE, context, trueTimestamp: 1_700_000_000_000 });
    expect(last().entities.map(([name]) => name)).toEqual(['iglu:com.acme/campaign', 'product']);
    expect(context).toHaveLength(1);
    expect(sink.last().ttm).toBe('1700000000000');
  });

  it('the page type and the ecommerce user go on every later event of that tracker only, the latest of each', () => {
    const { tracker, sink, last } = setUp();
    const other = setUp();
    trackCheckoutStep(tracker, { step: 1 });
    expect(last().entities.map(([name]) => name)).toEqual(['checkout_step']);
    setPageType(tracker, { type: 'product', language: 'de', locale: null });
    setEcommerceUser(tracker, { id: 'u-1', is_guest: true, email: 'a@b.example' });
    setPageType(tracker, { type: 'checkout' });
    trackCheckoutStep(tracker, { step: 2 });
    expect(last().entities).toEqual([['checkout_step', { step: 2 }], ['page', { type: 'checkout' }], ['user', { id: 'u-1', is_guest: true, email: 'a@b.example' }]]);
    // Not only ecommerce events: Snowplow's plugin attaches them to every event.
    tracker.trackStructEvent({ category: 'c', action: 'a' });
    const structEntities = JSON.parse(sink.last().co!).data as { schema: string }[];
    expect(structEntities.map((e) => e.schema.replace(VENDOR, ''))).toEqual(['page/jsonschema/1-0-0', 'user/jsonschema/1-0-0']);
    trackCheckoutStep(other.tracker, { step: 1 });
    expect(other.last().entities.map(([name]) => name)).toEqual(['checkout_step']);
  });
});

