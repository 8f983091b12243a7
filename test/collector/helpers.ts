// Hand-made tracker-protocol payloads and small HTTP helpers for the collector tests.
// Everything goes over real HTTP to a collector on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startCollector } from '../../collector/src/index.js';
import type { CollectorOptions, CollectorPayload, Counts, RunningCollector } from '../../collector/src/index.js';

export const TP2 = '/com.snowplowanalytics.snowplow/tp2';
export const PAYLOAD_DATA = 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4';
export const UNSTRUCT = 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';
export const CONTEXTS = 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0';
export const LINK_CLICK = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';
export const WEB_PAGE = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';
export const SCREEN_VIEW = 'iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0';

export interface Sdj {
  schema: string;
  data: unknown;
}

export const sdj = (schema: string, data: unknown): Sdj => ({ schema, data });
export const unstruct = (event: Sdj): Sdj => sdj(UNSTRUCT, event);
export const contexts = (...entities: Sdj[]): Sdj => sdj(CONTEXTS, entities);
export const linkClick = (data: Record<string, unknown> = { targetUrl: 'https://example.com/next' }): Sdj =>
  sdj(LINK_CLICK, data);
export const webPage = (id: string = randomUUID()): Sdj => sdj(WEB_PAGE, { id });

/** URL-safe base64 without padding, as the JS tracker sends it. */
export const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Standard-alphabet base64 with padding, which Enrich also accepts. */
export const b64std = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

/** The fields every event carries; `overrides` may also remove one by setting it to undefined. */
export function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    e: 'pv',
    p: 'web',
    tv: 'isotrack-test-1',
    eid: randomUUID(),
    dtm: String(Date.now()),
    aid: 'collector-tests',
    url: 'https://example.com/page?q=1',
    ...overrides,
  };
  for (const key of Object.keys(base)) if (base[key] === undefined) delete base[key];
  return base;
}

export interface PostOptions {
  path?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
  query?: string;
}

/** POSTs events wrapped in payload_data; returns the response status. */
export async function postEvents(
  base: string,
  events: Record<string, unknown>[],
  options: PostOptions = {},
): Promise<Response> {
  return postBody(base, JSON.stringify({ schema: PAYLOAD_DATA, data: events }), options);
}

/** POSTs a raw body (for malformed ones). */
export async function postBody(base: string, body: string | Buffer, options: PostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const contentType = options.contentType === undefined ? 'application/json; charset=UTF-8' : options.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  const url = `${base}${options.path ?? TP2}${options.query ? `?${options.query}` : ''}`;
  // A Blob without a type lets fetch send no Content-Type at all; bytes go as a Uint8Array.
  const bytes = typeof body === 'string' ? body : new Uint8Array(body);
  const response = await fetch(url, { method: 'POST', headers, body: contentType === null ? new Blob([bytes]) : bytes });
  await response.arrayBuffer();
  return response;
}

/** Sends one event as `GET /i?...` the way the JS tracker percent-encodes it. */
export async function getEvent(base: string, params: Record<string, unknown>): Promise<Response> {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  const response = await fetch(`${base}/i?${query}`);
  await response.arrayBuffer();
  return response;
}

export async function getJson<T = unknown>(base: string, path: string, filter?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method: filter === undefined ? 'GET' : 'POST',
    ...(filter !== undefined && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(filter) }),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Loose views of what /micro/good and /micro/bad return, for assertions. */
export interface Good {
  id: number;
  eventType: string;
  schema: string | null;
  contexts: string[];
  rawEvent: { parameters: Record<string, unknown>; context: { ipAddress: string | null; headers: string[] } };
  /** Micro's enriched event, atomic field names. */
  event: Record<string, unknown>;
  decoded: { parameters: Record<string, string>; unstructEvent: Sdj | null; contexts: Sdj[] };
  receivedAt: string;
}

export interface Bad {
  id: number;
  errors: string[];
  rawEvent: { parameters: Record<string, unknown> } | null;
  collectorPayload: CollectorPayload;
}

export const good = (base: string, filter?: unknown): Promise<Good[]> => getJson<Good[]>(base, '/micro/good', filter);
export const bad = (base: string, filter?: unknown): Promise<Bad[]> => getJson<Bad[]>(base, '/micro/bad', filter);
export const counts = (base: string): Promise<Counts> =>
  getJson(base, '/micro/all');
export const reset = (base: string): Promise<unknown> => getJson(base, '/micro/reset', {});

/** All error lines of all bad events, for `toContain`-style checks. */
export async function badErrors(base: string): Promise<string[]> {
  return (await bad(base)).flatMap((item) => item.errors);
}

/** The live collector of a test file, once its `beforeAll` has run. */
export interface LiveCollector {
  collector: RunningCollector;
  /** Its base URL, e.g. `http://127.0.0.1:43210`. */
  url: string;
}

/** Starts one collector for the test file, resets it before each test and closes it after the last. */
export function useCollector(options?: CollectorOptions): LiveCollector {
  const live = {} as LiveCollector;
  beforeAll(async () => {
    live.collector = await startCollector(options);
    live.url = live.collector.url;
  });
  afterAll(() => live.collector.close());
  beforeEach(() => reset(live.url));
  return live;
}
