// The snowplow-ecommerce add-on (issue 20), in every engine: the core tag adds it by URL,
// and every action of Snowplow's ecommerce plugin arrives good in the dev collector
// (schemas validated) with Snowplow's entities; setPageType / setEcommerceUser put the
// page and user entities on the later events; mistakes are refused at the call; the
// older ecommerce add-on's trackAddToCart still works beside it.
import { expect, test } from './driver/index.js';
import { ASYNC_SNIPPET, counts, entities, useCollectorAndSite, waitForEvents } from './helpers.js';
import { eventData, eventName } from './autotrack-helpers.js';

const live = useCollectorAndSite();
const VENDOR = 'iglu:com.snowplowanalytics.snowplow.ecommerce/';

// 19.99 and 64.99 are whole cents that binary floating point cannot divide by 0.01 exactly.
const SCRIPT = `
var shoe = { id: 'sku-1', name: 'Runner', category: 'Shoes/Running', price: 59.5, list_price: 79.5, currency: 'EUR', quantity: 2, size: '42', brand: 'Acme', position: 1 };
var hat = { id: 'sku-2', category: '', price: 19.99, currency: 'EUR', quantity: 1, variant: 'red', inventory_status: 'in stock', creative_id: 'c-9' };
var order = { transaction_id: 'T-1', revenue: 129, currency: 'EUR', payment_method: 'card', tax: 20.5, shipping: 0, discount_code: 'WELCOME', discount_amount: 4.99, credit_order: false };
isotrack('trackProductView', shoe);
isotrack('setPageType', { type: 'product', language: 'de', locale: 'de-CH' });
isotrack('setEcommerceUser', { id: 'u-1', is_guest: false, email: 'shopper@example.com' });
isotrack('trackProductListView', { name: 'search results', products: [shoe, hat] });
isotrack('trackProductListClick', { name: 'search results', product: hat });
isotrack('trackPromotionView', { id: 'summer', name: 'Summer sale', product_ids: ['sku-1', 'sku-2'], position: 0, creative_id: 'banner.png', type: 'banner', slot: 'top' });
isotrack('trackPromotionClick', { id: 'summer' });
isotrack('trackAddToCart', { cart_id: 'cart-1', total_value: 129, currency: 'EUR', products: [shoe, hat] });
isotrack('trackRemoveFromCart', { cart_id: 'cart-1', total_value: 119, currency: 'EUR', products: [hat] });
isotrack('setPageType', { type: 'checkout' });
isotrack('trackCheckoutStep', { step: 1, shipping_postcode: '8000', billing_postcode: '8001', shipping_full_address: 'Street 1', billing_full_address: 'Street 2', delivery_provider: 'DHL', delivery_method: 'express', coupon_code: 'WELCOME', account_type: 'existing', payment_method: 'card', proof_of_payment: 'invoice', marketing_opt_in: true });
isotrack('trackTransaction', Object.assign({ products: [shoe, hat] }, order));
isotrack('trackRefund', { transaction_id: 'T-1', currency: 'EUR', refund_amount: 64.99, refund_reason: 'too small', products: [shoe] });
isotrack('trackTransactionError', { error_code: 'E522', error_shortcode: 'card_declined', error_description: 'Declined', error_type: 'hard', resolution: 'contact_user', transaction: Object.assign({ total_quantity: 3 }, order) });
isotrack('trackPageView');
isotrack('trackProductView', { id: 'no-price', category: '', currency: 'EUR' });
isotrack('trackTransaction', order);
isotrack('trackCheckoutStep', { step: 91 });
isotrack('addPlugin', '/dist/plugins/ecommerce.umd.min.js');
isotrack('trackAddToCart', { sku: 'old-1', quantity: 1, unitPrice: 5, currency: 'EUR' });
isotrack('trackRemoveFromCart', { total_value: 0, currency: 'EUR' });
isotrack(function () { window.ready = true; });`;

test('every Snowplow ecommerce action with its entities, the page type and user on later events, each good', async ({ driver }) => {
  live.site.page(
    '/shop',
    `<!doctype html><html><head><meta charset="utf-8"><title>shop</title>
<script>
window.logged = [];
var original = console.error;
console.error = function () { logged.push(Array.from(arguments).map(String).join(' ')); return original.apply(console, arguments); };
${ASYNC_SNIPPET}
isotrack('newTracker', 'sp', ${JSON.stringify(live.collector.url)}, { appId: 'shop' });
isotrack('addPlugin', '/dist/plugins/snowplow-ecommerce.umd.min.js');
${SCRIPT}
</script></head><body></body></html>`,
  );
  const tab = await driver.open(`${live.site.url}/shop`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { ready?: boolean }).ready === true)).toBe(true);
  const EXPECTED = 14;
  const events = await waitForEvents(live.collector, (all) => all.length >= EXPECTED);
  expect(await counts(live.collector)).toMatchObject({ good: EXPECTED, bad: 0 });

  const ecommerce = events.filter((e) => eventName(e) === 'snowplow_ecommerce_action');
  // Each event as its action and its entities' names, in the event's order; the collector
  // may receive the events in any order, so they are compared as a sorted list.
  const shape = (e: Record<string, string>) => ({
    action: eventData(e),
    entities: entities(e)
      .filter((entity) => entity.schema.startsWith(VENDOR))
      .map((entity) => entity.schema.slice(VENDOR.length).split('/')[0]),
  });
  const sorted = <T>(list: T[]) => list.map((item) => JSON.stringify(item)).sort();
  expect(sorted(ecommerce.map(shape))).toEqual(sorted([
    { action: { type: 'product_view' }, entities: ['product'] },
    { action: { type: 'list_view', name: 'search results' }, entities: ['product', 'product', 'page', 'user'] },
    { action: { type: 'list_click', name: 'search results' }, entities: ['product', 'page', 'user'] },
    { action: { type: 'promo_view' }, entities: ['promotion', 'page', 'user'] },
    { action: { type: 'promo_click' }, entities: ['promotion', 'page', 'user'] },
    { action: { type: 'add_to_cart' }, entities: ['product', 'product', 'cart', 'page', 'user'] },
    { action: { type: 'remove_from_cart' }, entities: ['product', 'cart', 'page', 'user'] },
    { action: { type: 'checkout_step' }, entities: ['checkout_step', 'page', 'user'] },
    { action: { type: 'transaction' }, entities: ['product', 'product', 'transaction', 'page', 'user'] },
    { action: { type: 'refund' }, entities: ['product', 'refund', 'page', 'user'] },
    { action: { type: 'trns_error' }, entities: ['transaction', 'transaction_error', 'page', 'user'] },
    { action: { type: 'remove_from_cart' }, entities: ['cart', 'page', 'user'] },
  ]));
  /** The data of the entities `name` of the ecommerce event of action `type` (the first with `products` products). */
  const data = (type: string, name: string, products?: number) => {
    const event = ecommerce.find((e) => eventData(e).type === type && (products === undefined || shape(e).entities.filter((n) => n === 'product').length === products))!;
    return entities(event).filter((entity) => entity.schema.startsWith(`${VENDOR}${name}/`)).map((entity) => entity.data);
  };
  expect(data('product_view', 'product')).toEqual([{ id: 'sku-1', name: 'Runner', category: 'Shoes/Running', price: 59.5, list_price: 79.5, quantity: 2, size: '42', brand: 'Acme', position: 1, currency: 'EUR' }]);
  expect(data('list_view', 'product')[1]).toEqual({ id: 'sku-2', category: '', price: 19.99, currency: 'EUR', quantity: 1, variant: 'red', inventory_status: 'in stock', creative_id: 'c-9' });
  expect(data('list_view', 'page')).toEqual([{ type: 'product', language: 'de', locale: 'de-CH' }]);
  expect(data('list_view', 'user')).toEqual([{ id: 'u-1', is_guest: false, email: 'shopper@example.com' }]);
  expect(data('promo_view', 'promotion')).toEqual([{ id: 'summer', name: 'Summer sale', product_ids: ['sku-1', 'sku-2'], position: 0, creative_id: 'banner.png', type: 'banner', slot: 'top' }]);
  expect(data('add_to_cart', 'cart')).toEqual([{ cart_id: 'cart-1', total_value: 129, currency: 'EUR' }]);
  expect(data('remove_from_cart', 'cart', 0)).toEqual([{ total_value: 0, currency: 'EUR' }]);
  expect(data('checkout_step', 'page')).toEqual([{ type: 'checkout' }]);
  expect(data('checkout_step', 'checkout_step')[0]).toMatchObject({ step: 1, marketing_opt_in: true, delivery_provider: 'DHL' });
  // total_quantity counted from the products' quantities, as Snowplow's plugin does.
  expect(data('transaction', 'transaction')).toEqual([{ transaction_id: 'T-1', revenue: 129, currency: 'EUR', payment_method: 'card', total_quantity: 3, tax: 20.5, shipping: 0, discount_code: 'WELCOME', discount_amount: 4.99, credit_order: false }]);
  expect(data('refund', 'refund')).toEqual([{ transaction_id: 'T-1', currency: 'EUR', refund_amount: 64.99, refund_reason: 'too small' }]);
  expect(data('trns_error', 'transaction')).toEqual([{ transaction_id: 'T-1', revenue: 129, currency: 'EUR', payment_method: 'card', total_quantity: 3, tax: 20.5, shipping: 0, discount_code: 'WELCOME', discount_amount: 4.99, credit_order: false }]);
  expect(data('trns_error', 'transaction_error')).toEqual([{ error_code: 'E522', error_shortcode: 'card_declined', error_description: 'Declined', error_type: 'hard', resolution: 'contact_user' }]);

  // The page view after setPageType carries the page and user entities too (Snowplow's plugin does).
  const pageView = events.find((e) => e.e === 'pv')!;
  expect(entities(pageView).filter((entity) => entity.schema.startsWith(VENDOR)).map((entity) => entity.data)).toEqual([{ type: 'checkout' }, { id: 'u-1', is_guest: false, email: 'shopper@example.com' }]);
  // With the older ecommerce add-on loaded after it, a `sku` argument is that add-on's event.
  expect(events.filter((e) => eventName(e) === 'add_to_cart').map(eventData)).toEqual([expect.objectContaining({ sku: 'old-1', quantity: 1 })]);

  // The three mistakes were refused at the call, naming the field, and the queue went on.
  const logged = await tab.evaluate(() => (window as unknown as { logged: string[] }).logged);
  expect(logged.some((m) => m.includes('TypeError: isotrack: price is required'))).toBe(true);
  expect(logged.some((m) => m.includes('TypeError: isotrack: total_quantity is required'))).toBe(true);
  expect(logged.some((m) => m.includes('TypeError: isotrack: step must be from 1 to 90, got 91'))).toBe(true);
  expect(await tab.errors()).toEqual([]);
});

test('the npm functions in an ES-module app: the same events, good, and the page type on later events', async ({ driver }) => {
  live.site.page(
    '/spa',
    `<!doctype html><html><head><meta charset="utf-8"><title>spa</title></head><body>
<script type="module">
import { newTracker, setPageType, setEcommerceUser, trackProductView, trackSnowplowAddToCart, trackSnowplowRemoveFromCart, trackTransaction } from '/dist/browser.js';
const tracker = newTracker('spa', ${JSON.stringify(live.collector.url)}, { appId: 'spa-shop' });
const shoe = { id: 'sku-1', category: 'Shoes', price: 59.5, currency: 'EUR', quantity: 1 };
setPageType(tracker, { type: 'product' });
setEcommerceUser(tracker, { id: 'u-2', is_guest: true });
trackProductView(tracker, shoe);
trackSnowplowAddToCart(tracker, { total_value: 59.5, currency: 'EUR', products: [shoe] });
trackSnowplowRemoveFromCart(tracker, { total_value: 0, currency: 'EUR', products: [shoe] });
let refused = '';
try { trackTransaction(tracker, { transaction_id: 'T-2', revenue: 59.5, currency: 'EUR', payment_method: 'card' }); } catch (error) { refused = String(error); }
trackTransaction(tracker, { transaction_id: 'T-2', revenue: 59.5, currency: 'EUR', payment_method: 'card', products: [shoe] });
window.refused = refused;
</script></body></html>`,
  );
  const tab = await driver.open(`${live.site.url}/spa`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { refused?: string }).refused)).toMatch(/^TypeError: isotrack: total_quantity is required/);
  const events = await waitForEvents(live.collector, (all) => all.length >= 4);
  expect(await counts(live.collector)).toMatchObject({ good: 4, bad: 0 });
  const actions = events.map((e) => eventData(e).type).sort();
  expect(actions).toEqual(['add_to_cart', 'product_view', 'remove_from_cart', 'transaction']);
  for (const event of events) {
    expect(entities(event).filter((entity) => /\/(page|user)\//.test(entity.schema) && entity.schema.startsWith(VENDOR)).map((entity) => entity.data)).toEqual([{ type: 'product' }, { id: 'u-2', is_guest: true }]);
  }
  expect(await tab.errors()).toEqual([]);
});
