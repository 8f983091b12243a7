/**
 * What the events page asks for: one page of short rows matching its filters, and
 * one full event when a row is opened. The page never downloads the whole store.
 */
import type { EventStore } from './store.js';
import type { BadEvent, Counts, GoodEvent } from './types.js';
import { eventNameOf } from './protocol.js';

/** Rows the page shows at most. */
export const UI_PAGE_SIZE = 200;

// A text search reads the stored events' JSON; past this much per request it stops and says so.
const SEARCH_BUDGET_CHARS = 16 * 1024 * 1024;
// Distinct values offered in each filter's suggestion list.
const MAX_SUGGESTIONS = 200;

export interface Row {
  id: number;
  kind: 'good' | 'bad';
  receivedAt: string;
  /** The `e` code as sent, `null` for a request without one. */
  e: string | null;
  eventType: string | null;
  schema: string | null;
  app: string | null;
  entities: string[];
  errors: string[];
}

export interface PageList {
  counts: Counts;
  rows: Row[];
  /** How many stored events match; `null` when a text search stopped before the end. */
  matched: number | null;
  suggestions: { types: string[]; schemas: string[]; apps: string[] };
}

export function listForPage(store: EventStore, params: URLSearchParams): PageList {
  const kind = params.get('kind') ?? '';
  const type = params.get('type') ?? '';
  const schema = params.get('schema') ?? '';
  const app = params.get('app') ?? '';
  // The search reads JSON text, where `"` and `\\` are escaped: the query is escaped the same way.
  const text = JSON.stringify((params.get('q') ?? '').toLowerCase()).slice(1, -1);
  const rows: Row[] = [];
  const types = new Set<string>();
  const schemas = new Set<string>();
  const apps = new Set<string>();
  let matched = 0;
  let searched = 0;
  let complete = true;
  for (const record of store.newestFirst()) {
    const row = 'good' in record ? goodRow(record.good) : badRow(record.bad);
    suggest(types, row.eventType);
    suggest(types, row.e);
    suggest(schemas, row.schema);
    for (const entity of row.entities) suggest(schemas, entity);
    suggest(apps, row.app);
    if (kind !== '' && row.kind !== kind) continue;
    if (type !== '' && row.e !== type && row.eventType !== type && eventNameOf(type) !== row.eventType) continue;
    if (schema !== '' && row.schema !== schema && !row.entities.includes(schema)) continue;
    if (app !== '' && row.app !== app) continue;
    if (text !== '') {
      if (searched > SEARCH_BUDGET_CHARS) {
        complete = false;
        break;
      }
      const haystack = searchText(record);
      searched += haystack.length;
      if (!haystack.toLowerCase().includes(text)) continue;
    }
    matched++;
    if (rows.length < UI_PAGE_SIZE) rows.push(row);
  }
  return {
    counts: store.counts(),
    rows,
    matched: complete ? matched : null,
    suggestions: { types: [...types].sort(), schemas: [...schemas].sort(), apps: [...apps].sort() },
  };
}

function suggest(set: Set<string>, value: string | null): void {
  if (value !== null && value !== '' && set.size < MAX_SUGGESTIONS) set.add(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function goodRow(event: GoodEvent): Row {
  const params = event.decoded.parameters;
  return {
    id: event.id,
    kind: 'good',
    receivedAt: event.receivedAt,
    e: params.e ?? null,
    eventType: event.eventType,
    schema: event.schema,
    app: params.aid ?? null,
    entities: event.contexts,
    errors: [],
  };
}

function badRow(event: BadEvent): Row {
  const params = event.rawEvent?.parameters ?? {};
  return {
    id: event.id,
    kind: 'bad',
    receivedAt: event.receivedAt,
    e: text(params.e),
    eventType: eventNameOf(text(params.e) ?? '') ?? null,
    schema: null,
    app: text(params.aid),
    entities: [],
    errors: event.errors,
  };
}

/** What a free-text search looks through: the decoded payload of a good event; fields, errors and body of a bad one. */
function searchText(record: { good: GoodEvent } | { bad: BadEvent }): string {
  if ('good' in record) return JSON.stringify(record.good.decoded);
  const { errors, rawEvent, collectorPayload } = record.bad;
  return JSON.stringify([errors, rawEvent?.parameters ?? null, collectorPayload.rawQuerystring, collectorPayload.body]);
}

/** One event in full, for the row the user opened. */
export function eventDetail(store: EventStore, id: number): unknown {
  if (!Number.isInteger(id)) return undefined;
  const record = store.find(id);
  if (!record) return undefined;
  if ('bad' in record) return { kind: 'bad', ...record.bad };
  const { decoded } = record.good;
  return {
    kind: 'good',
    id,
    eventType: record.good.eventType,
    receivedAt: record.good.receivedAt,
    unstructEvent: decoded.unstructEvent,
    entities: decoded.contexts,
    parameters: decoded.parameters,
    event: record.good.event,
    rawEvent: record.good.rawEvent,
  };
}
