// The entities of Snowplow ecommerce (`com.snowplowanalytics.snowplow.ecommerce/*` 1-0-0),
// with the field names of Snowplow's ecommerce plugin (the schemas' snake_case), read by
// field rules. The rules say what the schemas check: required fields, types, maxLength,
// enums; `entity` adds what a rule cannot: amounts from 0 to 9,999,999 in whole cents (the
// schemas' `multipleOf: 0.01`), counts up to 9,999,999 and 3-character currencies.
import type { SelfDescribingJson } from '../types.js';
import { describe, fail, readFields, type FieldRule } from './field-rules.js';
import { BOOLEAN, COUNT, EMPTY, INTEGER, NUMBER, REQUIRED, STRING, STRINGS } from './rule-kinds.js';

/** A product (`product` entity). */
export interface Product {
  /** The SKU or product id. */
  id: string;
  /** Its name or title. @defaultValue none */
  name?: string | null | undefined;
  /** Its category, levels joined by a separator of your choice (`Woman/Shoes/Sneakers`); may be `''`. */
  category: string;
  /** Its price now, in whole cents (0 to 9,999,999). */
  price: number;
  /** Its list or recommended retail price. @defaultValue none */
  list_price?: number | null | undefined;
  /** How many take part in the action (cart events, transactions): a whole number ≥ 0. @defaultValue none */
  quantity?: number | null | undefined;
  /** @defaultValue none */
  size?: string | null | undefined;
  /** @defaultValue none */
  variant?: string | null | undefined;
  /** @defaultValue none */
  brand?: string | null | undefined;
  /** In stock, out of stock, preorder, backorder… @defaultValue none */
  inventory_status?: string | null | undefined;
  /** Its position in the list it was shown in (a whole number ≥ 0). @defaultValue none */
  position?: number | null | undefined;
  /** ISO 4217 code of the price's currency (3 characters). */
  currency: string;
  /** Id, name or URL of the creative shown. @defaultValue none */
  creative_id?: string | null | undefined;
}

/** The cart after an add or a removal (`cart` entity), and the products added or removed. */
export interface Cart {
  /** The cart's id. @defaultValue none */
  cart_id?: string | null | undefined;
  /** The cart's total value after the action. */
  total_value: number;
  /** ISO 4217 code (3 characters). */
  currency: string;
  /** The products added or removed, each sent as a `product` entity. @defaultValue none */
  products?: readonly Product[] | undefined;
}

/** A step of the checkout (`checkout_step` entity). */
export interface CheckoutStep {
  /** The step's index, 1 to 90. */
  step: number;
  /** At most 128 characters. @defaultValue none */
  shipping_postcode?: string | null | undefined;
  /** At most 128 characters. @defaultValue none */
  billing_postcode?: string | null | undefined;
  /** At most 4,096 characters. @defaultValue none */
  shipping_full_address?: string | null | undefined;
  /** At most 4,096 characters. @defaultValue none */
  billing_full_address?: string | null | undefined;
  /** DHL, PostNL… @defaultValue none */
  delivery_provider?: string | null | undefined;
  /** Store pickup, standard, express… @defaultValue none */
  delivery_method?: string | null | undefined;
  /** The coupon applied (at most 128 characters). @defaultValue none */
  coupon_code?: string | null | undefined;
  /** Existing user, guest… @defaultValue none */
  account_type?: string | null | undefined;
  /** Card, PayPal… @defaultValue none */
  payment_method?: string | null | undefined;
  /** Invoice or receipt. @defaultValue none */
  proof_of_payment?: string | null | undefined;
  /** Whether the user opted in to marketing. @defaultValue none */
  marketing_opt_in?: boolean | null | undefined;
}

/** A promotion (`promotion` entity). */
export interface Promotion {
  /** The promotion's id. */
  id: string;
  /** The promotion's name (at most 256 characters). @defaultValue none */
  name?: string | null | undefined;
  /** The SKUs or product ids it shows. @defaultValue none */
  product_ids?: readonly string[] | null | undefined;
  /** Its position among the promotions shown (a whole number ≥ 0). @defaultValue none */
  position?: number | null | undefined;
  /** Id, name or URL of the creative shown. @defaultValue none */
  creative_id?: string | null | undefined;
  /** How it is shown: popup, banner… @defaultValue none */
  type?: string | null | undefined;
  /** The slot of the site it is shown in. @defaultValue none */
  slot?: string | null | undefined;
}

/** A transaction (`transaction` entity), and the products bought. */
export interface Transaction {
  /** The transaction's id (at most 4,096 characters). */
  transaction_id: string;
  /** The transaction's total value. */
  revenue: number;
  /** ISO 4217 code (3 characters). */
  currency: string;
  /** Card, PayPal… (at most 128 characters). */
  payment_method: string;
  /** Items bought. @defaultValue the sum of the products' `quantity` (required when none has one) */
  total_quantity?: number | undefined;
  /** Tax on the transaction (an amount). @defaultValue none */
  tax?: number | null | undefined;
  /** Shipping cost (an amount). @defaultValue none */
  shipping?: number | null | undefined;
  /** At most 99 characters. @defaultValue none */
  discount_code?: string | null | undefined;
  /** The discount taken off (an amount). @defaultValue none */
  discount_amount?: number | null | undefined;
  /** Whether it is a credit order. @defaultValue none */
  credit_order?: boolean | null | undefined;
  /** The products bought, each sent as a `product` entity. @defaultValue none */
  products?: readonly Product[] | undefined;
}

/** A refund (`refund` entity), and the products refunded (none: the whole transaction). */
export interface Refund {
  /** The id of the transaction refunded. */
  transaction_id: string;
  /** ISO 4217 code (3 characters). */
  currency: string;
  /** The amount refunded. */
  refund_amount: number;
  /** Why (at most 4,096 characters). @defaultValue none */
  refund_reason?: string | null | undefined;
  /** @defaultValue none */
  products?: readonly Product[] | undefined;
}

/** A transaction that failed (`transaction_error` entity), with the `transaction` entity. */
export interface TransactionError {
  /** E.g. `E522`. @defaultValue none */
  error_code?: string | null | undefined;
  /** E.g. `card_declined`. @defaultValue none */
  error_shortcode?: string | null | undefined;
  /** A longer description of the error. @defaultValue none */
  error_description?: string | null | undefined;
  /** `hard`: another form of payment is needed; `soft`: a retry may work. @defaultValue none */
  error_type?: 'hard' | 'soft' | null | undefined;
  /** E.g. `retry_allowed`. @defaultValue none */
  resolution?: string | null | undefined;
  /** The transaction that failed (its `total_quantity` is required: there are no products to count). */
  transaction: Omit<Transaction, 'products'>;
}

/** The page's type (`page` entity), set by `setPageType`. */
export interface EcommercePage {
  /** Home, product, cart, checkout… */
  type: string;
  /** The page's language. @defaultValue none */
  language?: string | null | undefined;
  /** The site's locale version. @defaultValue none */
  locale?: string | null | undefined;
}

/** The shop's user (`user` entity), set by `setEcommerceUser`. */
export interface EcommerceUser {
  /** The user's id (at most 128 characters). */
  id: string;
  /** Whether the user checks out as a guest. @defaultValue none */
  is_guest?: boolean | null | undefined;
  /** At most 256 characters. @defaultValue none */
  email?: string | null | undefined;
}

const MAX = 9_999_999;
const text = (names: string, maxLength: number): FieldRule[] => names.split(' ').map((name) => [name, STRING, maxLength]);
const CURRENCY: FieldRule = ['currency', STRING + REQUIRED, 3];

// Each entity's rules, made at the call: a module-level table built by calls would stay in
// an app bundle that does not use these functions (a bundler cannot tell the calls are pure).

export const PRODUCT = (): FieldRule[] => [
  ['id', STRING + REQUIRED, 4096],
  ['name', STRING, 4096],
  ['category', STRING + REQUIRED + EMPTY, 4096],
  ['price', NUMBER + REQUIRED],
  ['list_price', NUMBER],
  ['quantity', COUNT],
  ...text('size variant brand inventory_status', 256),
  ['position', COUNT],
  CURRENCY,
  ...text('creative_id', 256),
];
export const CART = (): FieldRule[] => [...text('cart_id', 4096), ['total_value', NUMBER + REQUIRED], CURRENCY];
export const CHECKOUT_STEP = (): FieldRule[] => [
  ['step', INTEGER + REQUIRED],
  ...text('shipping_postcode billing_postcode', 128),
  ...text('shipping_full_address billing_full_address', 4096),
  ...text('delivery_provider delivery_method coupon_code account_type payment_method proof_of_payment', 128),
  ['marketing_opt_in', BOOLEAN],
];
export const PROMOTION = (): FieldRule[] => [
  ['id', STRING + REQUIRED, 4096],
  ...text('name', 256),
  ['product_ids', STRINGS, 4096],
  ['position', COUNT],
  ...text('creative_id', 4096),
  ...text('type slot', 256),
];
export const TRANSACTION = (): FieldRule[] => [
  ['transaction_id', STRING + REQUIRED, 4096],
  ['revenue', NUMBER + REQUIRED],
  CURRENCY,
  ['payment_method', STRING + REQUIRED, 128],
  ['total_quantity', COUNT + REQUIRED],
  ['tax', NUMBER],
  ['shipping', NUMBER],
  ...text('discount_code', 99),
  ['discount_amount', NUMBER],
  ['credit_order', BOOLEAN],
];
export const REFUND = (): FieldRule[] => [['transaction_id', STRING + REQUIRED, 4096], CURRENCY, ['refund_amount', NUMBER + REQUIRED], ...text('refund_reason', 4096)];
export const TRANSACTION_ERROR = (): FieldRule[] => [
  ...text('error_code', 256),
  ...text('error_shortcode error_description', 4096),
  ['error_type', STRING, ['hard', 'soft']],
  ...text('resolution', 4096),
];
export const PAGE = (): FieldRule[] => [['type', STRING + REQUIRED, 128], ...text('language locale', 128)];
export const USER = (): FieldRule[] => [['id', STRING + REQUIRED, 128], ['is_guest', BOOLEAN], ...text('email', 256)];

/**
 * The `name` entity read from `args` by `rules`: a TypeError names the field (after
 * `prefix`, e.g. `products[1].`) that the schema would refuse. An amount within
 * floating-point noise of a whole cent (`0.1 + 0.2`) is sent as that cent (`0.3`).
 */
export function entity(name: string, args: object, rules: () => readonly FieldRule[], prefix = ''): SelfDescribingJson<Record<string, unknown>> {
  const list = rules();
  const data = readFields(args, list, prefix);
  for (const [field, kind] of list) {
    const value = data[field];
    if (typeof value != 'number') continue;
    // NUMBER fields are amounts; the others (COUNT, INTEGER) are whole already.
    const isMoney = (kind & 7) == NUMBER;
    const cents = value * 100;
    if (value > MAX || (isMoney && (value < 0 || Math.abs(cents - Math.round(cents)) > 1e-6))) {
      fail(prefix + field, `must be ${isMoney ? 'an amount from 0 to 9999999 in whole cents' : 'at most 9999999'}, got ${describe(value)}`);
    }
    if (isMoney) data[field] = Math.round(cents) / 100;
  }
  const { currency, step } = data as { currency?: string; step?: number };
  if (currency !== undefined && currency.length != 3) fail(`${prefix}currency`, `must be a 3-letter ISO 4217 code, got ${describe(currency)}`);
  if (step !== undefined && (step < 1 || step > 90)) fail('step', `must be from 1 to 90, got ${step}`);
  return { schema: `iglu:com.snowplowanalytics.snowplow.ecommerce/${name}/jsonschema/1-0-0`, data };
}
