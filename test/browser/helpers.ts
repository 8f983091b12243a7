// Shared by the browser specs: a tiny static site on loopback, the dev collector,
// and readers of what the collector received.
import { createServer, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startCollector, type RunningCollector } from '@isotrack/collector';
import type { Driver, Tab } from './driver/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LINK_CLICK = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';
export const WEB_PAGE = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json' };

/**
 * Records the page's uncaught errors and unhandled rejections in `window.__pageErrors`,
 * for drivers without page-error events (WebDriver classic: WebKit). Served as a file
 * (`/__errors.js`) so that a strict CSP (`script-src 'self'`) lets it run.
 */
const ERROR_RECORDER = `window.__pageErrors = [];
addEventListener('error', (e) => __pageErrors.push(e.message || String(e.error)));
addEventListener('unhandledrejection', (e) => __pageErrors.push('unhandled rejection: ' + ((e.reason && e.reason.message) || String(e.reason))));`;
const withRecorder = (html: string) => {
  const tag = '<script src="/__errors.js"></script>';
  return /<head(\s[^>]*)?>/i.test(html) ? html.replace(/<head(\s[^>]*)?>/i, (head) => head + tag) : tag + html;
};

export interface Site {
  /** Origin, e.g. `http://127.0.0.1:43210`. */
  url: string;
  /** Serves `html` at `path` (with the site's headers). */
  page(path: string, html: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/**
 * A static server for `dist/` and `examples/` plus pages registered by the test.
 * `host` selects the origin: `127.0.0.1` and `localhost` are different origins.
 */
export async function startSite(host = '127.0.0.1'): Promise<Site> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const send = (res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>) => {
    res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    if (page) {
      const type = page.headers['Content-Type'] ?? TYPES['.html']!;
      return send(res, 200, type.startsWith('text/html') ? withRecorder(page.html) : page.html, { 'Content-Type': type, ...page.headers });
    }
    if (path == '/__errors.js') return send(res, 200, ERROR_RECORDER, { 'Content-Type': TYPES['.js']! });
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(join(ROOT, 'dist')) && !file.startsWith(join(ROOT, 'examples'))) return send(res, 404, 'not found', {});
    try {
      const target = file.endsWith('/') ? join(file, 'index.html') : file;
      const body = await readFile(target);
      send(res, 200, extname(target) == '.html' ? withRecorder(body.toString('utf8')) : body, { 'Content-Type': TYPES[extname(target)] ?? 'text/plain' });
    } catch {
      // SPA routes fall back to the app's page.
      if (path.startsWith('/examples/spa/')) return send(res, 200, withRecorder(await readFile(join(ROOT, 'examples/spa/index.html'), 'utf8')), { 'Content-Type': TYPES['.html']! });
      send(res, 404, 'not found', {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    page: (path, html, headers = {}) => void pages.set(path, { html, headers }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export { startCollector, type RunningCollector };

/** The fields of every good event, as the tracker sent them. */
export async function goodEvents(collector: { url: string }): Promise<Record<string, string>[]> {
  const response = await fetch(`${collector.url}/micro/good`);
  const good = (await response.json()) as { rawEvent: { parameters: Record<string, string> } }[];
  return good.map((item) => item.rawEvent.parameters);
}

export async function counts(collector: { url: string }): Promise<{ total: number; good: number; bad: number }> {
  return (await (await fetch(`${collector.url}/micro/all`)).json()) as { total: number; good: number; bad: number };
}

/** Waits until `check` passes on the good events; returns them. */
export async function waitForEvents(
  collector: { url: string },
  check: (events: Record<string, string>[]) => boolean,
  timeout = 15_000,
): Promise<Record<string, string>[]> {
  let events: Record<string, string>[] = [];
  await expect
    .poll(
      async () => {
        events = await goodEvents(collector);
        return check(events);
      },
      { timeout, intervals: [100, 200, 300] },
    )
    .toBe(true);
  return events;
}

/** Decodes `co` (plain, as newTracker sends by default) or `cx` into entity list. */
export function entities(fields: Record<string, string>): { schema: string; data: Record<string, unknown> }[] {
  const text = fields.co ?? (fields.cx ? Buffer.from(fields.cx, 'base64url').toString('utf8') : undefined);
  return text ? (JSON.parse(text) as { data: { schema: string; data: Record<string, unknown> }[] }).data : [];
}

/** The self-describing event of an `ue` event. */
export function selfDescribing(fields: Record<string, string>): { schema: string; data: Record<string, unknown> } {
  const text = fields.ue_pr ?? Buffer.from(fields.ue_px ?? '', 'base64url').toString('utf8');
  return (JSON.parse(text) as { data: { schema: string; data: Record<string, unknown> } }).data;
}

/** Event ids that occur more than once. */
export function duplicates(events: Record<string, string>[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const event of events) {
    if (seen.has(event.eid!)) twice.push(event.eid!);
    seen.add(event.eid!);
  }
  return twice;
}

/** Snowplow-style async snippet: a command queue now, the core tag loaded async (for inline page scripts). */
export const ASYNC_SNIPPET = `(function (w, d, name, src) {
  w[name] = w[name] || function () { (w[name].q = w[name].q || []).push(arguments); };
  var s = d.createElement('script'); s.async = true; s.src = src; d.head.appendChild(s);
})(window, document, 'isotrack', '/dist/isotrack.umd.min.js');`;

/**
 * A page that loads the UMD build by a plain script tag and runs `body` (an inline script).
 * `prelude` runs before the build loads (what an init script would do, in every engine).
 */
export function umdPage(script: string, title = 'isotrack test page', prelude = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${prelude && `<script>${prelude}</script>`}
<script src="/dist/isotrack.umd.min.js"></script></head><body><div style="height:3000px;width:3000px">tall</div>
<script>${script}</script></body></html>`;
}

/** The dev collector and the test site of a spec file, once its `beforeAll` has run. */
export interface CollectorAndSite {
  collector: RunningCollector;
  site: Site;
}

/** Starts a collector and a site for the spec file, resets the collector before each test, closes both after the last. */
export function useCollectorAndSite(): CollectorAndSite {
  const live = {} as CollectorAndSite;
  test.beforeAll(async () => {
    live.collector = await startCollector({ port: 0 });
    live.site = await startSite();
  });
  test.afterAll(async () => {
    await live.site.close();
    await live.collector.close();
  });
  test.beforeEach(async () => {
    await fetch(`${live.collector.url}/micro/reset`);
  });
  return live;
}

/**
 * After a tab was closed: opens a page of the site's origin without the tracker (which
 * would send what the closed tab left stored) and reads the space-separated words the
 * closing page noted in localStorage `key`. With `clear`, the origin's storage is
 * emptied after the read (for a next round in the same profile).
 */
export async function readClosedTabNote(driver: Pick<Driver, 'open'>, site: Site, key: string, clear = false): Promise<{ words: string[]; reader: Tab }> {
  site.page('/plain', '<!doctype html><title>plain</title><p>plain</p>');
  const reader = await driver.open(`${site.url}/plain`);
  const words = await reader.evaluate(
    ({ key, clear }) => {
      const note = localStorage.getItem(key) || '';
      if (clear) localStorage.clear();
      return note.trim().split(' ').filter(Boolean);
    },
    { key, clear },
  );
  return { words, reader };
}
