/** Small HTTP helpers shared by the tracking and `/micro` routes: body reading, CORS, replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type BodyResult =
  | { status: 'ok'; body: Buffer }
  | { status: 'too-large'; bytes: number }
  | { status: 'aborted'; error: string };

// Past the limit the body is read and thrown away, so that the client is still
// reading when the 413 comes (a socket closed mid-upload often surfaces as a
// network error instead of the status). Beyond this much the socket is cut.
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/** Reads a request body, keeping at most `maxBytes`; never rejects. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let done = false;
    const finish = (result: BodyResult): void => {
      if (!done) {
        done = true;
        resolve(result);
      }
    };
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
      if (bytes > DRAIN_LIMIT_BYTES) {
        finish({ status: 'too-large', bytes });
        req.destroy();
      }
    });
    req.on('end', () =>
      finish(bytes > maxBytes ? { status: 'too-large', bytes } : { status: 'ok', body: Buffer.concat(chunks) }),
    );
    req.on('error', (error) => finish({ status: 'aborted', error: error.message }));
    req.on('close', () => finish({ status: 'aborted', error: 'the client closed the connection mid-body' }));
  });
}

/**
 * CORS headers for actual responses. The request's origin is echoed with
 * credentials allowed, as the Snowplow collector does, because trackers send
 * with `credentials: 'include'` (for the `sp` cookie) and a `*` origin is then refused.
 */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const decided = DECIDED_CORS.get(req);
  if (decided) return decided;
  const origin = req.headers.origin;
  if (origin === undefined) return { 'Access-Control-Allow-Origin': '*' };
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };
}

// CORS headers a route decided for its request (the /micro routes answer only allowed origins).
const DECIDED_CORS = new WeakMap<IncomingMessage, Record<string, string>>();

/** Replaces the tracking endpoints' any-origin CORS headers for this request's responses. */
export function setCors(req: IncomingMessage, headers: Record<string, string>): void {
  DECIDED_CORS.set(req, headers);
}

// Every answer: browsers must not guess a type (a JSON body read as HTML would run script).
const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

/** Seconds a browser may cache a preflight: beacons sent on page unload cannot wait for one. */
export const PREFLIGHT_MAX_AGE_SECONDS = 3600;

/** Answers an `OPTIONS` preflight for a tracking endpoint. */
export function sendPreflight(req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    // The same list as the Snowplow collector, so a tracker that works here works there.
    'Access-Control-Allow-Headers': 'Content-Type, SP-Anonymous',
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
    'Content-Length': '0',
  };
  // Chrome asks before a public page may call a loopback address.
  if (req.headers['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  res.writeHead(200, { ...headers, ...COMMON_HEADERS }).end();
}

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res
    .writeHead(status, {
      ...corsHeaders(req),
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      ...COMMON_HEADERS,
    })
    .end(body);
}

/** Most JSON text a page carries unless told otherwise (`maxPageBytes`); it stops after the item that crosses it. */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

// Text written between two turns of the event loop, so that a long page to a fast reader
// (whose socket never pushes back) still lets every other request in.
const YIELD_EVERY_CHARS = 256 * 1024;

/** Lets the event loop run I/O (other requests) before carrying on. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Sends a JSON array one item at a time, waiting whenever the client reads slowly,
 * so that a long list never becomes one huge string in memory. The array ends early
 * once `maxBytes` of text are written (the `X-Total-Count` header still says how many
 * matched, so a client continues with a larger `offset`).
 */
export async function sendJsonArray<T>(
  req: IncomingMessage,
  res: ServerResponse,
  items: Iterable<T>,
  extra: Record<string, string> = {},
  shape: (item: T) => unknown = (item) => item,
  maxBytes = MAX_PAGE_BYTES,
): Promise<void> {
  res.writeHead(200, { ...corsHeaders(req), 'Content-Type': 'application/json; charset=utf-8', ...COMMON_HEADERS, ...extra });
  let written = 0;
  let sinceYield = 0;
  for (const item of items) {
    if (res.destroyed) return;
    // Each item is shaped (and so built) only when its turn comes: a page never exists whole.
    const text = `${written === 0 ? '[' : ','}${JSON.stringify(shape(item))}`;
    written += text.length;
    sinceYield += text.length;
    if (!res.write(text)) await drained(res);
    else if (sinceYield >= YIELD_EVERY_CHARS) await yieldToEventLoop();
    if (sinceYield >= YIELD_EVERY_CHARS) sinceYield = 0;
    if (written >= maxBytes) break;
  }
  if (!res.destroyed) res.end(written === 0 ? '[]' : ']');
}

/** Resolves when a response can take more, or is gone; leaves no listener behind either way. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function sendText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res
    .writeHead(status, {
      ...corsHeaders(req),
      'Content-Type': contentType,
      'Content-Length': String(Buffer.byteLength(body)),
      ...COMMON_HEADERS,
      ...extra,
    })
    .end(body);
}

// Headers that carry credentials of whatever else runs on localhost: they would
// be readable cross-origin through /micro/*, so they are never stored.
const REDACTED = new Set(['cookie', 'authorization', 'proxy-authorization']);

/** Request headers as one string per name, with credentials redacted. */
export function storedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name] = REDACTED.has(name) ? '(redacted)' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
