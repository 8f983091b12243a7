/**
 * The tracking endpoints: `GET /i` (tracker protocol 1, one event in the query
 * string) and the tp2 POST paths (a `payload_data` batch in a JSON body).
 * Like the Snowplow collector they answer 200 even for bad events, because a
 * tracker would otherwise retry an event that can never succeed; only an
 * oversized body is refused (413).
 */
import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cutText, isObject, parseJson, parseQuery } from './decode.js';
import { readBody, sendText, storedHeaders, yieldToEventLoop } from './http.js';
import { requestBytes, retainedBytes } from './records.js';
import type { EventStore } from './store.js';
import type { EventListener } from './options.js';
import type { ApiName, CollectorPayload, RawEvent } from './types.js';
import { MAX_STORED_BODY_CHARS } from './types.js';
import type { SchemaRegistry } from './schema-registry.js';
import type { Validator } from './validate.js';

export interface TrackingContext {
  store: EventStore;
  validator: Validator;
  registry: SchemaRegistry;
  maxBodyBytes: number;
  maxEventsPerRequest: number;
  onEvent: EventListener | undefined;
}

// The smallest transparent GIF: what `/i` answers so that an <img> pixel loads.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

// Enrich's tp2 adapter accepts exactly these (compared without case for the charset).
const JSON_CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8'];

// Enough to see what went wrong; a huge array of bad entities must not yield a huge record.
const MAX_ERRORS_PER_EVENT = 100;
// Body text kept with each bad event of a batch (a request that failed as a whole keeps MAX_STORED_BODY_CHARS).
const MAX_EVENT_BODY_CHARS = 4 * 1024;
// Events validated between two turns of the event loop: a batch never holds up other requests for long.
const EVENTS_PER_TURN = 32;

const SOURCE = { name: 'isotrack-collector', encoding: 'UTF-8', hostname: hostname() };
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Handles one tracking request. `api` says which protocol the path speaks. */
export async function handleTracking(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  api: ApiName,
  ctx: TrackingContext,
): Promise<void> {
  const receivedAt = new Date().toISOString();
  const query = url.search.length > 1 ? url.search.slice(1) : null;
  const headers = storedHeaders(req);
  const payload: CollectorPayload = {
    api,
    method: req.method ?? 'GET',
    path: url.pathname,
    querystring: queryPairs(query),
    rawQuerystring: query,
    body: null,
    bodyBytes: 0,
    contentType: req.headers['content-type'] ?? null,
    headers,
    timestamp: receivedAt,
    source: SOURCE,
    // One object for the request and every event in it, as Micro's collector payload and raw events carry it.
    context: {
      timestamp: receivedAt,
      // SP-Anonymous asks the collector not to keep the IP address (server-side anonymous tracking).
      ipAddress: headers['sp-anonymous'] !== undefined ? null : (req.socket.remoteAddress ?? null),
      useragent: headers['user-agent'] ?? null,
      refererUri: headers.referer ?? null,
      headers: Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      userId: null,
    },
  };
  const recorder = new Recorder(payload, ctx);

  if (req.method === 'GET') {
    const answer = (): void => sendText(req, res, 200, PIXEL, 'image/gif');
    if (query === null) {
      recorder.bad(null, ['GET request without a query string: there is no event in it']);
      return answer();
    }
    const params = parseQuery(query);
    if (!params.ok) {
      recorder.bad(null, [params.error]);
      return answer();
    }
    await recorder.event(params.value, [], true);
    return answer();
  }

  const read = await readBody(req, ctx.maxBodyBytes);
  if (read.status === 'aborted') return; // Nobody is left to answer or to blame.
  if (read.status === 'too-large') {
    payload.bodyBytes = read.bytes;
    recorder.bad(null, [`body of ${read.bytes} bytes is over the ${ctx.maxBodyBytes}-byte limit; nothing in it was read`]);
    if (!res.headersSent && !res.destroyed) sendText(req, res, 413, 'body too large');
    return;
  }
  const refused = await processBody(read.body, query, recorder, ctx.maxEventsPerRequest);
  if (!res.destroyed) sendText(req, res, refused ? 413 : 200, refused ? 'too many events in one request' : 'ok');
}

/** Validates and stores a tp2 body; resolves to true when it was refused for holding too many events. */
async function processBody(raw: Buffer, query: string | null, recorder: Recorder, maxEvents: number): Promise<boolean | void> {
  recorder.payload.bodyBytes = raw.length;
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    recorder.payload.body = raw.toString('latin1', 0, MAX_STORED_BODY_CHARS);
    return recorder.bad(null, ['body is not valid UTF-8']);
  }
  recorder.payload.body = cutText(text, MAX_STORED_BODY_CHARS);

  const contentType = recorder.payload.contentType;
  if (contentType === null || !JSON_CONTENT_TYPES.includes(contentType.trim().toLowerCase())) {
    return recorder.bad(null, [
      `Content-Type ${contentType === null ? 'is missing' : JSON.stringify(contentType)}: ` +
        'a tp2 POST needs application/json, optionally with "; charset=utf-8"',
    ]);
  }
  if (text.trim() === '') return recorder.bad(null, ['body is empty: expected a payload_data JSON']);
  const json = parseJson(text);
  if (!json.ok) return recorder.bad(null, [`body is not valid JSON (${json.error})`]);

  // Query-string pairs on a POST apply to every event, and win on a clash (Enrich's tp2 adapter).
  let fromQuery: Record<string, string> = {};
  if (query !== null) {
    const parsed = parseQuery(query);
    if (!parsed.ok) return recorder.bad(null, [parsed.error]);
    fromQuery = parsed.value;
  }

  // Counted before anything looks at the events: a 1 MB body holds 350,000 empty ones.
  const data = isObject(json.value) ? json.value.data : undefined;
  if (Array.isArray(data) && data.length > maxEvents) {
    recorder.bad(null, [`batch of ${data.length} events is over the ${maxEvents}-event limit per request; none was read`]);
    return true;
  }
  const body = await recorder.withSchemas(() => recorder.validator.checkBody(json.value));
  if (body.bodyErrors.length > 0) return recorder.bad(null, body.bodyErrors);
  // Each event of the batch becomes its own row, as in the pipeline.
  for (const [index, event] of body.events.entries()) {
    if (index > 0 && index % EVENTS_PER_TURN === 0) await yieldToEventLoop();
    const errors = body.eventErrors[index] ?? [];
    if (!isObject(event)) recorder.bad(null, errors.length > 0 ? errors : ['event is not a JSON object']);
    else await recorder.event({ ...event, ...fromQuery }, errors, false);
  }
}

/** Builds and stores the records for one request. */
class Recorder {
  readonly validator: Validator;
  private shortPayload: CollectorPayload | undefined;
  // What the request's events share, counted once in the store's budget (see takeShared).
  private sharedCounted = false;
  private sharedPending = 0;

  constructor(
    readonly payload: CollectorPayload,
    private readonly ctx: TrackingContext,
  ) {
    this.validator = ctx.validator;
  }

  /**
   * Runs a check; when it met schemas that only a registry has, fetches them and runs it
   * again, so that validation itself stays synchronous.
   */
  async withSchemas<T>(check: () => T): Promise<T> {
    const first = check();
    const pending = this.ctx.registry.takePending();
    if (pending.length === 0) return first;
    await this.ctx.registry.fetchPending(pending);
    const second = check();
    this.ctx.registry.takePending();
    return second;
  }

  async event(parameters: Record<string, unknown>, earlier: string[], fromQuery: boolean): Promise<void> {
    const result = await this.withSchemas(() => this.validator.checkEvent(parameters, earlier, fromQuery));
    const rawEvent = this.rawEvent(parameters);
    if (!result.ok) return this.bad(parameters, result.errors, rawEvent);
    const good = this.ctx.store.addGood({
      rawEvent,
      eventType: result.eventType,
      schema: result.schema,
      contexts: result.contexts,
      decoded: result.decoded,
      receivedAt: this.payload.timestamp,
    }, this.takeShared());
    this.ctx.onEvent?.({ good });
  }

  bad(parameters: Record<string, unknown> | null, errors: string[], rawEvent?: RawEvent): void {
    const shown =
      errors.length > MAX_ERRORS_PER_EVENT
        ? [...errors.slice(0, MAX_ERRORS_PER_EVENT), `… and ${errors.length - MAX_ERRORS_PER_EVENT} more errors`]
        : errors;
    const raw = rawEvent ?? (parameters ? this.rawEvent(parameters) : null);
    const bad = this.ctx.store.addBad(
      {
        // An event of a batch has its own fields in rawEvent: a short cut of the body is enough beside them.
        collectorPayload: raw ? this.eventPayload() : this.payload,
        rawEvent: raw,
        errors: shown,
        receivedAt: this.payload.timestamp,
      },
      this.takeShared(),
    );
    this.ctx.onEvent?.({ bad });
  }

  /**
   * Bytes of request data not yet counted: everything the request holds with its first
   * stored event, then only what was built later (the short body cut).
   */
  private takeShared(): number {
    let bytes = this.sharedPending;
    this.sharedPending = 0;
    if (!this.sharedCounted) {
      this.sharedCounted = true;
      bytes += requestBytes(this.payload, this.shortPayload?.body ?? null);
    }
    return bytes;
  }

  private eventPayload(): CollectorPayload {
    const body = this.payload.body;
    if (body === null || body.length <= MAX_EVENT_BODY_CHARS) return this.payload;
    if (!this.shortPayload) {
      this.shortPayload = { ...this.payload, body: cutText(body, MAX_EVENT_BODY_CHARS) };
      if (this.sharedCounted) this.sharedPending += retainedBytes(this.shortPayload.body) + retainedBytes({ ...this.payload, headers: null, body: null });
    }
    return this.shortPayload;
  }

  private rawEvent(parameters: Record<string, unknown>): RawEvent {
    const { api, contentType, source, context } = this.payload;
    return { api, parameters, contentType, source, context };
  }
}

/** Micro's `querystring`: each `name=value` pair, percent-decoded where it can be. */
function queryPairs(query: string | null): string[] {
  if (query === null) return [];
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      try {
        return decodeURIComponent(pair.replace(/\+/g, ' '));
      } catch {
        return pair;
      }
    });
}
