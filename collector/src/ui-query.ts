/**
 * What the events page asks for: one page of short rows matching its filters, and
 * one full event when a row is opened. The page never downloads the whole store.
 */
import { ATOMIC_FIELDS } from './atomic-fields.js';
import { incompleteEvent } from './micro-events.js';
import type { EventStore } from './store.js';
import type { BadEvent, Counts, EnrichedEvent, GoodEvent } from './types.js';
import { eventNameOf } from './protocol.js';

/** Rows the page shows at most. */
export const UI_PAGE_SIZE = 200;

// A text search reads the stored events' JSON; past this much per request it stops and says so.
const SEARCH_BUDGET_CHARS = 16 * 1024 * 1024;
// Distinct values offered in each filter's suggestion list.
const MAX_SUGGESTIONS = 200;
// Minutes the chart covers, ending with the newest event's.
const CHART_MINUTES = 30;
// Atomic fields a row may show as columns (the picker offers these).
const COLUMN_FIELDS = new Set(ATOMIC_FIELDS);
const MAX_COLUMNS = 20;

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
  /** The atomic fields asked for with `columns=`, from the enriched (or incomplete) event. */
  columns: Record<string, EnrichedEvent[string]>;
}

/** Good and bad events received in one minute (`minute` is `YYYY-MM-DDThh:mm`, UTC). */
export interface MinuteCount {
  minute: string;
  good: number;
  bad: number;
}

export interface PageList {
  counts: Counts;
  rows: Row[];
  /** How many stored events match; `null` when a text search stopped before the end. */
  matched: number | null;
  /** How many matching events the page skipped (the `offset` asked for). */
  offset: number;
  /** Events per minute over the last {@link CHART_MINUTES} minutes of stored events, oldest first. */
  perMinute: MinuteCount[];
  suggestions: { types: string[]; schemas: string[]; apps: string[] };
}

export function listForPage(store: EventStore, params: URLSearchParams): PageList {
  const kind = params.get('kind') ?? '';
  const type = params.get('type') ?? '';
  const schema = params.get('schema') ?? '';
  const app = params.get('app') ?? '';
  // The search reads JSON text, where `"` and `\\` are escaped: the query is escaped the same way.
  const text = JSON.stringify((params.get('q') ?? '').toLowerCase()).slice(1, -1);
  const offset = Math.max(0, Math.floor(Number(params.get('offset')) || 0));
  const columns = (params.get('columns') ?? '').split(',').filter((name) => COLUMN_FIELDS.has(name)).slice(0, MAX_COLUMNS);
  const minutes = new Map<string, MinuteCount>();
  let newestMinute: number | undefined;
  const rows: Row[] = [];
  const types = new Set<string>();
  const schemas = new Set<string>();
  const apps = new Set<string>();
  let matched = 0;
  let searched = 0;
  let complete = true;
  for (const record of store.newestFirst()) {
    const row = 'good' in record ? goodRow(record.good) : badRow(record.bad);
    countMinute(minutes, record, (newestMinute ??= Date.parse(row.receivedAt.slice(0, 16) + ':00Z')));
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
    if (matched > offset && rows.length < UI_PAGE_SIZE) rows.push(withColumns(row, record, columns));
  }
  return {
    counts: store.counts(),
    rows,
    matched: complete ? matched : null,
    offset,
    perMinute: chart(minutes, newestMinute),
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
    columns: {},
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
    columns: {},
  };
}

/** Counts `record` in its minute, if that is within the chart's minutes. */
function countMinute(minutes: Map<string, MinuteCount>, record: { good: GoodEvent } | { bad: BadEvent }, newest: number): void {
  const at = 'good' in record ? record.good.receivedAt : record.bad.receivedAt;
  const minute = at.slice(0, 16);
  if (Date.parse(`${minute}:00Z`) <= newest - CHART_MINUTES * 60_000) return;
  let count = minutes.get(minute);
  if (!count) minutes.set(minute, (count = { minute, good: 0, bad: 0 }));
  if ('good' in record) count.good++;
  else count.bad++;
}

/** Every minute of the chart, empty ones included, oldest first. */
function chart(minutes: Map<string, MinuteCount>, newest: number | undefined): MinuteCount[] {
  if (newest === undefined) return [];
  const out: MinuteCount[] = [];
  for (let i = CHART_MINUTES - 1; i >= 0; i--) {
    const minute = new Date(newest - i * 60_000).toISOString().slice(0, 16);
    out.push(minutes.get(minute) ?? { minute, good: 0, bad: 0 });
  }
  return out;
}

/** The row with the chosen atomic fields: from the enriched event, or a failed event's incomplete one. */
function withColumns(row: Row, record: { good: GoodEvent } | { bad: BadEvent }, columns: string[]): Row {
  if (columns.length === 0) return row;
  let event: EnrichedEvent | undefined;
  if ('good' in record) event = record.good.event;
  else if (record.bad.rawEvent) event = incompleteEvent(record.bad);
  if (!event) return row;
  const values: Record<string, EnrichedEvent[string]> = {};
  for (const name of columns) values[name] = event[name] ?? null;
  return { ...row, columns: values };
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
