import type { BuiltEvent } from './built-event.js';
import { optionalNumber, optionalString, requireArgs, requireNumber, requireString } from '../validation.js';

/** One line of an order, sent as its own `ti` event. */
export interface EcommerceTransactionItem {
  sku: string;
  price: number;
  /** Units bought. @defaultValue 1 */
  quantity?: number;
  name?: string;
  category?: string;
}

/** A legacy ecommerce transaction: one `tr` event plus one `ti` event per item. */
export interface EcommerceTransactionEvent {
  orderId: string;
  totalValue: number;
  affiliation?: string;
  taxValue?: number;
  shipping?: number;
  city?: string;
  state?: string;
  country?: string;
  /** ISO 4217 code, e.g. `EUR`; also sent on every item. */
  currency?: string;
  items?: EcommerceTransactionItem[];
}

/** The `tr` event first, then its items, all validated before any is tracked. */
export function buildEcommerceTransaction(args: EcommerceTransactionEvent): BuiltEvent[] {
  requireArgs(args, 'trackEcommerceTransaction');
  const orderId = requireString(args.orderId, 'orderId');
  const currency = optionalString(args.currency, 'currency');
  const transaction: BuiltEvent = {
    e: 'tr',
    fields: {
      tr_id: orderId,
      tr_tt: requireNumber(args.totalValue, 'totalValue'),
      tr_af: optionalString(args.affiliation, 'affiliation'),
      tr_tx: optionalNumber(args.taxValue, 'taxValue'),
      tr_sh: optionalNumber(args.shipping, 'shipping'),
      tr_ci: optionalString(args.city, 'city'),
      tr_st: optionalString(args.state, 'state'),
      tr_co: optionalString(args.country, 'country'),
      tr_cu: currency,
    },
  };
  if (args.items !== undefined && !Array.isArray(args.items)) {
    throw new TypeError('isotrack: items must be an array of {sku, price, quantity?}');
  }
  const items = (args.items ?? []).map((item, i): BuiltEvent => {
    requireArgs(item, `items[${i}]`);
    return {
      e: 'ti',
      fields: {
        ti_id: orderId,
        ti_sk: requireString(item.sku, `items[${i}].sku`),
        ti_pr: requireNumber(item.price, `items[${i}].price`),
        ti_qu: optionalNumber(item.quantity, `items[${i}].quantity`) ?? 1,
        ti_nm: optionalString(item.name, `items[${i}].name`),
        ti_ca: optionalString(item.category, `items[${i}].category`),
        ti_cu: currency,
      },
    };
  });
  return [transaction, ...items];
}
