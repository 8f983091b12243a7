/**
 * The two ways Snowplow Micro writes an enriched event out, for `/micro/events` and the
 * CLI's `--output-json` / `--output-tsv`:
 * - "lossy" JSON (Snowplow's Analytics SDKs): the atomic fields, with the self-describing
 *   event and every entity moved to their own top-level keys named after their schema
 *   (`unstruct_event_com_acme_checkout_1`, `contexts_com_acme_user_1`: a list of data);
 * - the enriched TSV line: the 131 columns of the canonical event in the pipeline's order,
 *   the three JSON columns (contexts, unstruct_event, derived_contexts) in their places.
 */
import { ATOMIC_FIELDS } from './atomic-fields.js';
import type { EnrichedEvent, SelfDescribing } from './types.js';

const IGLU_URI = /^iglu:([^/]+)\/([^/]+)\/[^/]+\/(\d+)-\d+-\d+$/;

/** The JSON columns and the atomic field each follows in the enriched TSV. */
const JSON_COLUMNS_AFTER: Readonly<Record<string, string>> = {
  mkt_campaign: 'contexts',
  se_value: 'unstruct_event',
  refr_dvce_tstamp: 'derived_contexts',
};

/** The enriched TSV's columns in order: the atomic fields with the three JSON columns in their places. */
export const TSV_COLUMNS: readonly string[] = ATOMIC_FIELDS.flatMap((field) => {
  const json = JSON_COLUMNS_AFTER[field];
  return json === undefined ? [field] : [field, json];
});

/** `com.acme-shop` `addToCart` 1 → `com_acme_shop_add_to_cart_1`, the Analytics SDKs' column name. */
export function shreddedName(uri: string): string | undefined {
  const match = IGLU_URI.exec(uri);
  if (!match) return undefined;
  const [, vendor = '', name = '', model = ''] = match;
  const snake = (text: string): string =>
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[.\-/]/g, '_')
      .toLowerCase();
  return `${snake(vendor)}_${snake(name)}_${model}`;
}

/** Micro's `/micro/events` item and `--output-json` line: atomic fields plus one key per event and entity schema. */
export function toLossyJson(event: EnrichedEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(event)) {
    if (field !== 'contexts' && field !== 'derived_contexts' && field !== 'unstruct_event') out[field] = value;
  }
  const entities = [...listOf(event.contexts), ...listOf(event.derived_contexts)];
  for (const entity of entities) {
    const name = shreddedName(entity.schema);
    if (name === undefined) continue;
    const key = `contexts_${name}`;
    const list = Object.hasOwn(out, key) ? (out[key] as unknown[]) : (out[key] = []);
    (list as unknown[]).push(entity.data);
  }
  const inner = (event.unstruct_event as SelfDescribing | null)?.data as SelfDescribing | undefined;
  const name = inner && typeof inner.schema === 'string' ? shreddedName(inner.schema) : undefined;
  if (inner && name !== undefined) out[`unstruct_event_${name}`] = inner.data;
  return out;
}

function listOf(wrapper: unknown): SelfDescribing[] {
  const data = (wrapper as SelfDescribing | null)?.data;
  return Array.isArray(data) ? (data as SelfDescribing[]) : [];
}

/**
 * The enriched TSV line: empty for null, JSON text for the three JSON columns, timestamps
 * as `YYYY-MM-DD hh:mm:ss.SSS` as the pipeline writes them. Tabs and line breaks in a value
 * become spaces, so that a line stays one event of 131 columns.
 */
export function toTsvLine(event: EnrichedEvent): string {
  return TSV_COLUMNS.map((column) => tsvValue(column, event[column] ?? null)).join('\t');
}

function tsvValue(column: string, value: EnrichedEvent[string] | null): string {
  if (value === null) return '';
  if (typeof value === 'object') return oneLine(JSON.stringify(value));
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string' && column.endsWith('_tstamp')) return value.replace('T', ' ').replace(/Z$/, '');
  return oneLine(String(value));
}

const oneLine = (text: string): string => text.replace(/[\t\n\r]/g, ' ');
