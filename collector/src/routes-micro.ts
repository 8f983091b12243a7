/**
 * The `/micro/*` query API, shaped like Snowplow Micro's so that scripts and
 * test helpers written for Micro work unchanged, plus the events page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject, parseJson } from './decode.js';
import { readBody, sendJson, sendText } from './http.js';
import type { SchemaRegistry } from './schema-registry.js';
import type { EventStore } from './store.js';
import type { BadFilter, GoodFilter } from './types.js';
import { UI_CSS, UI_HTML, UI_SCRIPT } from './ui-page.js';

export interface MicroContext {
  store: EventStore;
  registry: SchemaRegistry;
}

// A filter is a few short fields; anything bigger is a mistake.
const MAX_FILTER_BYTES = 64 * 1024;

// The page loads its script and styles from the collector itself, so it
// works under a strict Content-Security-Policy.
const UI_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

/** Handles a request under `/micro/`. */
export async function handleMicro(req: IncomingMessage, res: ServerResponse, url: URL, ctx: MicroContext): Promise<void> {
  const route = url.pathname.slice('/micro/'.length).replace(/\/+$/, '');
  const method = req.method ?? 'GET';
  const getOrPost = method === 'GET' || method === 'POST';

  if (route === 'all' && getOrPost) return sendJson(req, res, 200, ctx.store.counts());
  if (route === 'reset' && getOrPost) return sendJson(req, res, 200, ctx.store.reset());
  if ((route === 'good' || route === 'bad') && getOrPost) {
    let filter: Record<string, unknown> = {};
    if (method === 'POST') {
      const parsed = await readFilter(req);
      if ('error' in parsed) return sendJson(req, res, 400, { error: parsed.error });
      filter = parsed.filter;
    }
    const checked = route === 'good' ? checkGoodFilter(filter) : checkBadFilter(filter);
    if (typeof checked === 'string') return sendJson(req, res, 400, { error: checked });
    const events =
      route === 'good' ? ctx.store.listGood(checked as GoodFilter) : ctx.store.listBad(checked as BadFilter);
    return sendJson(req, res, 200, events);
  }
  if (method === 'GET' && route === 'ui') return sendText(req, res, 200, UI_HTML, 'text/html; charset=utf-8', { 'Content-Security-Policy': UI_CSP });
  if (method === 'GET' && route === 'ui.js') return sendText(req, res, 200, UI_SCRIPT, 'text/javascript; charset=utf-8');
  if (method === 'GET' && route === 'ui.css') return sendText(req, res, 200, UI_CSS, 'text/css; charset=utf-8');
  if (method === 'GET' && route.startsWith('iglu/')) return sendSchema(req, res, route.slice('iglu/'.length), ctx);
  return sendJson(req, res, 404, { error: `no such endpoint: ${method} ${url.pathname}` });
}

/** `GET /micro/iglu/vendor/name/jsonschema/M-R-A`: which schema the collector resolves to. */
function sendSchema(req: IncomingMessage, res: ServerResponse, path: string, ctx: MicroContext): void {
  const uri = `iglu:${path}`;
  const found = ctx.registry.read(uri);
  if (found === null) return sendJson(req, res, 400, { error: `${uri} is not an Iglu URI` });
  if ('searched' in found) return sendJson(req, res, 404, { error: `schema ${uri} not found`, searched: found.searched });
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
  const { event_type, schema, contexts, limit } = filter;
  if (event_type !== undefined && typeof event_type !== 'string') return '"event_type" must be a string';
  if (schema !== undefined && typeof schema !== 'string') return '"schema" must be a string';
  if (contexts !== undefined && !(Array.isArray(contexts) && contexts.every((c) => typeof c === 'string'))) {
    return '"contexts" must be an array of schema URIs';
  }
  const checkedLimit = checkLimit(limit);
  if (typeof checkedLimit === 'string') return checkedLimit;
  return {
    ...(event_type !== undefined && { event_type }),
    ...(schema !== undefined && { schema }),
    ...(contexts !== undefined && { contexts: contexts as string[] }),
    ...(checkedLimit !== undefined && { limit: checkedLimit }),
  };
}

function checkBadFilter(filter: Record<string, unknown>): BadFilter | string {
  const { vendor, version, limit } = filter;
  if (vendor !== undefined && typeof vendor !== 'string') return '"vendor" must be a string';
  if (version !== undefined && typeof version !== 'string') return '"version" must be a string';
  const checkedLimit = checkLimit(limit);
  if (typeof checkedLimit === 'string') return checkedLimit;
  return {
    ...(vendor !== undefined && { vendor }),
    ...(version !== undefined && { version }),
    ...(checkedLimit !== undefined && { limit: checkedLimit }),
  };
}

function checkLimit(limit: unknown): number | undefined | string {
  if (limit === undefined) return undefined;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) return '"limit" must be a whole number ≥ 0';
  return limit;
}
