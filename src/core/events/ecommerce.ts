import type { BuiltEvent } from './built-event.js';
import { readFields, requireArgs, type FieldRule } from './field-rules.js';
import { ARRAY, INTEGER, NUMBER, REQUIRED, STRING } from './rule-kinds.js';

/** One line of an order, sent as its own `ti` event. */
export interface EcommerceTransactionItem {
  sku: string;
  price: number;
  /** Units bought, a whole number. @defaultValue 1 */
  quantity?: number | undefined;
  name?: string | undefined;
  category?: string | undefined;
}

/** A legacy ecommerce transaction: one `tr` event plus one `ti` event per item. */
export interface EcommerceTransactionEvent {
  orderId: string;
  totalValue: number;
  affiliation?: string | undefined;
  taxValue?: number | undefined;
  shipping?: number | undefined;
  city?: string | undefined;
  state?: string | undefined;
  country?: string | undefined;
  /** ISO 4217 code, e.g. `EUR`; also sent on every item. */
  currency?: string | undefined;
  items?: EcommerceTransactionItem[] | undefined;
}

const TRANSACTION: FieldRule[] = [
  ['orderId', STRING + REQUIRED, 'tr_id'],
  ['affiliation', STRING, 'tr_af'],
  ['totalValue', NUMBER + REQUIRED, 'tr_tt'],
  ['taxValue', NUMBER, 'tr_tx'],
  ['shipping', NUMBER, 'tr_sh'],
  ['city', STRING, 'tr_ci'],
  ['state', STRING, 'tr_st'],
  ['country', STRING, 'tr_co'],
  ['currency', STRING, 'tr_cu'],
  ['items', ARRAY],
];

const ITEM: FieldRule[] = [
  ['sku', STRING + REQUIRED, 'ti_sk'],
  ['name', STRING, 'ti_nm'],
  ['category', STRING, 'ti_ca'],
  ['price', NUMBER + REQUIRED, 'ti_pr'],
  ['quantity', INTEGER, 'ti_qu'],
];

/** The `tr` event first, then its items, all validated before any is tracked. */
export function buildEcommerceTransaction(args: EcommerceTransactionEvent): BuiltEvent[] {
  const { items = [], ...fields } = readFields(requireArgs(args, 'trackEcommerceTransaction'), TRANSACTION);
  return [
    { e: 'tr', fields },
    ...(items as EcommerceTransactionItem[]).map((item, i): BuiltEvent => {
      const prefix = `items[${i}]`;
      const line = readFields(requireArgs(item, prefix), ITEM, `${prefix}.`);
      // Every item carries its order's id and currency; one unit unless told otherwise.
      return { e: 'ti', fields: { ti_id: fields.tr_id, ...line, ti_qu: line.ti_qu ?? 1, ti_cu: fields.tr_cu } };
    }),
  ];
}
