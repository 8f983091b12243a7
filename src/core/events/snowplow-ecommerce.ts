// Snowplow ecommerce actions (`snowplow_ecommerce_action` 1-0-2), as Snowplow's
// ecommerce plugin sends them: one event per action, its details in entities (product,
// cart, checkout_step, transaction, refund, promotion, transaction_error) after the
// caller's own. Functions of a tracker, so that a bundle that does not use them leaves
// them out. Every argument is checked before anything is sent: a TypeError at the call
// names the field the schema would refuse.
//
// Snowplow names the cart events `trackAddToCart`/`trackRemoveFromCart`, as the older
// ecommerce events are named here: in npm these are `trackSnowplowAddToCart` and
// `trackSnowplowRemoveFromCart`; the script tag's add-on keeps Snowplow's names (see
// plugins/snowplow-ecommerce.ts).
import type { BaseTracker } from '../tracker.js';
import type { CommonEventProperties, SelfDescribingJson } from '../types.js';
import { contextArray } from '../validation.js';
import { fail, readFields, requireArgs, type FieldRule } from './field-rules.js';
import { STRING, REQUIRED } from './rule-kinds.js';
import { selfDescribing } from './self-describing.js';
import {
  entity,
  CART,
  CHECKOUT_STEP,
  PRODUCT,
  PROMOTION,
  REFUND,
  TRANSACTION,
  TRANSACTION_ERROR,
  type Cart,
  type CheckoutStep,
  type Product,
  type Promotion,
  type Refund,
  type Transaction,
  type TransactionError,
} from './snowplow-ecommerce-entities.js';

const ACTION = 'iglu:com.snowplowanalytics.snowplow.ecommerce/snowplow_ecommerce_action/jsonschema/1-0-2';
const LIST_NAME: FieldRule[] = [['name', STRING + REQUIRED, 128]];
type Entity = SelfDescribingJson<Record<string, unknown>>;

/** A list of products shown to the user (`trackProductListView`). */
export interface ProductListView {
  /** The list's name: search results, shop the look… (at most 128 characters). */
  name: string;
  /** The products shown, each sent as a `product` entity. */
  products: readonly Product[];
}

/** A product clicked in a list (`trackProductListClick`). */
export interface ProductListClick {
  /** The list's name (at most 128 characters). */
  name: string;
  /** The product clicked. */
  product: Product;
}

/** The `product` entities of `list` (the argument named `argument`), each checked. */
function products(list: unknown, argument: string): Entity[] {
  if (list == null) return [];
  if (!Array.isArray(list)) fail(argument, 'must be an array of products');
  return Array.from(list, (item: unknown, i) => {
    const prefix = `${argument}[${i}]`;
    return entity('product', requireArgs(item as object, prefix), PRODUCT, `${prefix}.`);
  });
}

/** Sends the action `type` with `entities` after the caller's own; returns the event id. */
function send(tracker: BaseTracker, type: string, event: CommonEventProperties, entities: Entity[], name?: unknown): string {
  const context = [...(contextArray(event.context) ?? []), ...entities] as SelfDescribingJson<object>[];
  return tracker.track([selfDescribing(ACTION, name === undefined ? { type } : { type, name })], { ...event, context });
}

/** Sends `product_view` with the `product` entity; returns the event id. */
export function trackProductView(tracker: BaseTracker, product: Product & CommonEventProperties): string {
  return send(tracker, 'product_view', product, [entity('product', requireArgs(product, 'trackProductView'), PRODUCT)]);
}

/** Sends `list_view` named `name` with a `product` entity per product shown; returns the event id. */
export function trackProductListView(tracker: BaseTracker, list: ProductListView & CommonEventProperties): string {
  const { name } = readFields(requireArgs(list, 'trackProductListView'), LIST_NAME);
  return send(tracker, 'list_view', list, products(list.products, 'products'), name);
}

/** Sends `list_click` named `name` with the `product` entity of the product clicked; returns the event id. */
export function trackProductListClick(tracker: BaseTracker, click: ProductListClick & CommonEventProperties): string {
  const { name } = readFields(requireArgs(click, 'trackProductListClick'), LIST_NAME);
  return send(tracker, 'list_click', click, [entity('product', requireArgs(click.product, 'product'), PRODUCT, 'product.')], name);
}

/** Sends `promo_view` with the `promotion` entity; returns the event id. */
export function trackPromotionView(tracker: BaseTracker, promotion: Promotion & CommonEventProperties): string {
  return send(tracker, 'promo_view', promotion, [entity('promotion', requireArgs(promotion, 'trackPromotionView'), PROMOTION)]);
}

/** Sends `promo_click` with the `promotion` entity; returns the event id. */
export function trackPromotionClick(tracker: BaseTracker, promotion: Promotion & CommonEventProperties): string {
  return send(tracker, 'promo_click', promotion, [entity('promotion', requireArgs(promotion, 'trackPromotionClick'), PROMOTION)]);
}

/** The product entities then the cart entity of an add or a removal. */
const cart = (event: Cart & CommonEventProperties, call: string): Entity[] => [...products(requireArgs(event, call).products, 'products'), entity('cart', event, CART)];

/** Sends `add_to_cart` with a `product` entity per product added, then the `cart` entity; returns the event id. Snowplow's `trackAddToCart`. */
export function trackSnowplowAddToCart(tracker: BaseTracker, event: Cart & CommonEventProperties): string {
  return send(tracker, 'add_to_cart', event, cart(event, 'trackAddToCart'));
}

/** Sends `remove_from_cart` with a `product` entity per product removed, then the `cart` entity; returns the event id. Snowplow's `trackRemoveFromCart`. */
export function trackSnowplowRemoveFromCart(tracker: BaseTracker, event: Cart & CommonEventProperties): string {
  return send(tracker, 'remove_from_cart', event, cart(event, 'trackRemoveFromCart'));
}

/** Sends `checkout_step` with the `checkout_step` entity; returns the event id. */
export function trackCheckoutStep(tracker: BaseTracker, step: CheckoutStep & CommonEventProperties): string {
  return send(tracker, 'checkout_step', step, [entity('checkout_step', requireArgs(step, 'trackCheckoutStep'), CHECKOUT_STEP)]);
}

/**
 * The `transaction` entity; `total_quantity` defaults to the sum of the products'
 * quantities, as Snowplow's plugin does (the schema requires it: with neither, a TypeError).
 */
const transaction = (args: Omit<Transaction, 'products'>, prefix: string, bought: Entity[]): Entity =>
  entity('transaction', { ...args, total_quantity: args.total_quantity ?? (bought.reduce((sum, product) => sum + ((product.data.quantity as number) || 0), 0) || undefined) }, TRANSACTION, prefix);

/** Sends `transaction` with a `product` entity per product bought, then the `transaction` entity; returns the event id. */
export function trackTransaction(tracker: BaseTracker, event: Transaction & CommonEventProperties): string {
  const bought = products(requireArgs(event, 'trackTransaction').products, 'products');
  return send(tracker, 'transaction', event, [...bought, transaction(event, '', bought)]);
}

/** Sends `refund` with a `product` entity per product refunded, then the `refund` entity; returns the event id. */
export function trackRefund(tracker: BaseTracker, event: Refund & CommonEventProperties): string {
  return send(tracker, 'refund', event, [...products(requireArgs(event, 'trackRefund').products, 'products'), entity('refund', event, REFUND)]);
}

/** Sends `trns_error` with the `transaction` entity, then the `transaction_error` entity; returns the event id. */
export function trackTransactionError(tracker: BaseTracker, event: TransactionError & CommonEventProperties): string {
  const failed = requireArgs(requireArgs(event, 'trackTransactionError').transaction, 'transaction');
  return send(tracker, 'trns_error', event, [transaction(failed, 'transaction.', []), entity('transaction_error', event, TRANSACTION_ERROR)]);
}
