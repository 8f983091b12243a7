/**
 * The `/micro/*` query API, shaped like Snowplow Micro's so that scripts and test
 * helpers written for Micro work unchanged, plus the events page. Only the collector's
 * own page, allowed origins and non-browser tools may use it (see access.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isNonBrowser, microAccess } from './access.js';
import type { AccessPolicy } from './access.js';
import { isObject, parseJson } from './decode.js';
import { readBody, sendJson, sendJsonArray, sendText, setCors } from './http.js';
import type { SchemaRegistry } from './schema-registry.js';
import type { EventStore, Page } from './store.js';
import { eventsForMicro, microEventJson } from './micro-events.js';
import type { BadFilter, GoodFilter } from './types.js';
import { MAX_PAGE_SIZE } from './types.js';
import { UI_CSS, UI_HTML, UI_SCRIPT } from './ui-page.js';
import { NO_PLAN, PLAN_CSS, PLAN_SCRIPT, type PlanCoverage } from './plan-coverage.js';
import { eventDetail, listForPage } from './ui-query.js';

export interface MicroContext {
  store: EventStore;
  registry: SchemaRegistry;
  access: AccessPolicy;
  /** Most JSON text one page carries (`maxPageBytes`). */
  maxPageBytes: number;
  /** Tracking-plan coverage, when the collector was started with a plan. */
  plan?: PlanCoverage | undefined;
}

// A filter is a few short fields; anything bigger is a mistake.
const MAX_FILTER_BYTES = 64 * 1024;

// The page loads its script and styles from the collector itself, so it works under
// a strict policy; it may not be framed (clickjacking the "Clear" button).
const UI_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

// The page's own files: harmless to anyone (they hold no event data).
const ASSETS: Readonly<Record<string, [string, string, Record<string, string>]>> = {
  ui: [UI_HTML, 'text/html; charset=utf-8', UI_HEADERS],
  'ui.js': [UI_SCRIPT, 'text/javascript; charset=utf-8', {}],
  'ui.css': [UI_CSS + PLAN_CSS, 'text/css; charset=utf-8', {}],
  'plan.js': [PLAN_SCRIPT, 'text/javascript; charset=utf-8', {}],
};

/** Handles a request under `/micro/`, preflights included. */
export async function handleMicro(req: IncomingMessage, res: ServerResponse, url: URL, ctx: MicroContext): Promise<void> {
  const route = url.pathname.slice('/micro/'.length).replace(/\/+$/, '');
  const method = req.method ?? 'GET';
  const access = microAccess(req, ctx.access);
  if (!access.ok) {
    // The page itself may be opened from a link; everything else needs an allowed caller.
    const asset = method === 'GET' && Object.hasOwn(ASSETS, route) && access.status === 403;
    if (!asset) {
      setCors(req, {});
      return sendJson(req, res, access.status, { error: access.error });
    }
  }
  setCors(req, access.ok ? access.cors : {});
  if (method === 'OPTIONS') {
    res
      .writeHead(204, {
        ...(access.ok ? access.cors : {}),
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
      })
      .end();
    return;
  }
  const getOrPost = method === 'GET' || method === 'POST';

  if (method === 'GET' && Object.hasOwn(ASSETS, route)) {
    const [body, type, headers] = ASSETS[route] as [string, string, Record<string, string>];
    return sendText(req, res, 200, body, type, headers);
  }
  if (route === 'all' && getOrPost) return sendJson(req, res, 200, ctx.store.counts());
  if (route === 'reset') {
    // GET /micro/reset is Micro's API, kept for tools; a browser must POST, so that a link or <img> cannot reset.
    if (method === 'POST' || (method === 'GET' && isNonBrowser(req))) return sendJson(req, res, 200, ctx.store.reset());
    if (method === 'GET') return sendJson(req, res, 405, { error: 'from a browser, /micro/reset needs POST' });
  }
  if ((route === 'good' || route === 'bad') && getOrPost) return listEvents(req, res, url, route, ctx);
  // Micro 3: good and incomplete events as the pipeline would load them, newest first.
  if (route === 'events' && method === 'GET') return sendJsonArray(req, res, eventsForMicro(ctx.store), {}, microEventJson, ctx.maxPageBytes);
  if (method === 'GET' && route === 'ui/events') return sendJson(req, res, 200, listForPage(ctx.store, url.searchParams));
  if (method === 'GET' && route === 'ui/event') {
    const detail = eventDetail(ctx.store, Number(url.searchParams.get('id')));
    return detail ? sendJson(req, res, 200, detail) : sendJson(req, res, 404, { error: 'no such event (reset or dropped)' });
  }
  if (method === 'GET' && route === 'plan') {
    return sendJson(req, res, 200, ctx.plan ? ctx.plan.report(ctx.store) : NO_PLAN);
  }
  if (method === 'GET' && route.startsWith('iglu/')) return sendSchema(req, res, route.slice('iglu/'.length), ctx);
  return sendJson(req, res, 404, { error: `no such endpoint: ${method} ${url.pathname}` });
}

/** `/micro/good`, `/micro/bad`: filter from a POST body or the query string, one page at a time. */
async function listEvents(req: IncomingMessage, res: ServerResponse, url: URL, route: 'good' | 'bad', ctx: MicroContext): Promise<void> {
  let filter: Record<string, unknown> = queryFilter(url.searchParams);
  if (req.method === 'POST') {
    const parsed = await readFilter(req);
    if ('error' in parsed) return sendJson(req, res, 400, { error: parsed.error });
    filter = { ...filter, ...parsed.filter };
  }
  const checked = route === 'good' ? checkGoodFilter(filter) : checkBadFilter(filter);
  if (typeof checked === 'string') return sendJson(req, res, 400, { error: checked });
  const page: Page<unknown> = route === 'good' ? ctx.store.pageGood(checked as GoodFilter) : ctx.store.pageBad(checked as BadFilter);
  return sendJsonArray(req, res, page.items, { 'X-Total-Count': String(page.total) }, (item) => item, ctx.maxPageBytes);
}

/** `?limit=50&offset=100` on a GET works like the same fields in a POST body. */
function queryFilter(params: URLSearchParams): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const name of ['limit', 'offset']) {
    const value = params.get(name);
    if (value !== null) filter[name] = /^\d+$/.test(value) ? Number(value) : value;
  }
  return filter;
}

/** `GET /micro/iglu/vendor/name/jsonschema/M-R-A`: which schema the collector resolves to. */
async function sendSchema(req: IncomingMessage, res: ServerResponse, path: string, ctx: MicroContext): Promise<void> {
  const uri = `iglu:${path}`;
  const found = await ctx.registry.read(uri);
  // Micro answers 404 to a path that is not vendor/name/jsonschema/M-R-A as well.
  if (found === null) return sendJson(req, res, 404, { error: `${uri} is not an Iglu URI (iglu/<vendor>/<name>/jsonschema/<M-R-A>)` });
  if ('error' in found) return sendJson(req, res, 404, { error: found.error, searched: found.searched });
  return sendText(req, res, 200, found.text, 'application/json; charset=utf-8');
}

async function readFilter(req: IncomingMessage): Promise<{ filter: Record<string, unknown> } | { error: string }> {
  const read = await readBody(req, MAX_FILTER_BYTES);
  if (read.status !== 'ok') return { error: 'filter body too large or not received' };
  const text = read.body.toString('utf8');
  if (text.trim() === '') return { filter: {} };
  const json = parseJson(text);
  if (!json.ok) return { error: `filter is not valid JSON (${json.error})` };
  if (!isObject(json.value)) return { error: 'filter must be a JSON object' };
  return { filter: json.value };
}

function checkGoodFilter(filter: Record<string, unknown>): GoodFilter | string {
  const { event_type, schema, contexts } = filter;
  if (event_type !== undefined && typeof event_type !== 'string') return '"event_type" must be a string';
  if (schema !== undefined && typeof schema !== 'string') return '"schema" must be a string';
  if (contexts !== undefined && !(Array.isArray(contexts) && contexts.every((c) => typeof c === 'string'))) {
    return '"contexts" must be an array of schema URIs';
  }
  const range = checkRange(filter);
  if (typeof range === 'string') return range;
  return {
    ...(event_type !== undefined && { event_type }),
    ...(schema !== undefined && { schema }),
    ...(contexts !== undefined && { contexts: contexts as string[] }),
    ...range,
  };
}

function checkBadFilter(filter: Record<string, unknown>): BadFilter | string {
  const { vendor, version } = filter;
  if (vendor !== undefined && typeof vendor !== 'string') return '"vendor" must be a string';
  if (version !== undefined && typeof version !== 'string') return '"version" must be a string';
  const range = checkRange(filter);
  if (typeof range === 'string') return range;
  return { ...(vendor !== undefined && { vendor }), ...(version !== undefined && { version }), ...range };
}

function checkRange(filter: Record<string, unknown>): { limit?: number; offset?: number } | string {
  const { limit, offset } = filter;
  const whole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
  if (limit !== undefined && !(whole(limit) && limit <= MAX_PAGE_SIZE)) return '"limit" must be a whole number ≥ 0';
  if (offset !== undefined && !whole(offset)) return '"offset" must be a whole number ≥ 0';
  return { ...(limit !== undefined && { limit }), ...(offset !== undefined && { offset }) };
}
