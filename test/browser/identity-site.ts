// The shop of the identity specs: one HTTPS server on loopback that answers for every
// host name (Chromium maps *.test to 127.0.0.1), or with `{ plainHttp: true }` one http
// server on 127.0.0.1 that every engine reaches (see PLAIN_ID). It serves isotrack's UMD build, the real
// Snowplow browser tracker (its own UMD file, from node_modules) and pages registered by
// the test, plus a server-rendered route that tracks from the request's cookies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from '@playwright/test';
import config from '../../playwright.config.js';
import { ROOT, startCollector, type RunningCollector } from './helpers.js';

/** Chromium flags of these specs: every `*.test` host name is this machine. */
export const SHOP_BROWSER = {
  ignoreHTTPSErrors: true,
  launchOptions: { ...config.use?.launchOptions, args: [...(config.use?.launchOptions?.args ?? []), '--host-resolver-rules=MAP *.test 127.0.0.1'] },
};

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A self-signed certificate for *.test, made once into the git-ignored cache. */
function certificate(): { key: Buffer; cert: Buffer } {
  const dir = join(ROOT, '.cache', 'identity-tls');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=shop.test', '-addext', 'subjectAltName=DNS:*.shop.test,DNS:*.other.test', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** What a server-rendered page view reads from the cookie header, and its event id. */
export type ServerTrack = (cookieHeader: string | undefined) => Promise<unknown>;

/**
 * The identity cookies' names on the plain-http shop: Snowplow's `<prefix><id|ses>.` plus the
 * first 4 hex digits of SHA-1('127.0.0.1/') (a bare IP address is its own root domain).
 */
export const PLAIN_ID = '_sp_id.dc78';
export const PLAIN_SES = '_sp_ses.dc78';

export interface Shop {
  collector: RunningCollector;
  /** `https://<host>:<port>`, e.g. `shop.origin('www')` for www.shop.test; the plain shop's `http://127.0.0.1:<port>` whatever `sub`. */
  origin(sub: string, domain?: string): string;
  page(path: string, html: string): void;
  /** Called for GET /ssr with the request's Cookie header; answers with its JSON result. */
  onServerRender(track: ServerTrack): void;
}

/** Starts the collector and the shop for the spec file; resets the collector before each test. */
export function useShop({ plainHttp = false }: { plainHttp?: boolean } = {}): Shop {
  const pages = new Map<string, string>();
  let server: ReturnType<typeof createServer> | ReturnType<typeof createHttpServer> | undefined;
  let port = 0;
  let serverTrack: ServerTrack = async () => null;
  const files: Record<string, [string, string]> = {
    '/isotrack.js': [join(ROOT, 'dist/isotrack.umd.min.js'), 'text/javascript'],
    '/snowplow.js': [join(ROOT, 'node_modules/@snowplow/browser-tracker/dist/index.umd.min.js'), 'text/javascript'],
  };
  const shop = {
    origin: (sub: string, domain = 'shop') => (plainHttp ? `http://127.0.0.1:${port}` : `https://${sub}.${domain}.test:${port}`),
    page: (path: string, html: string) => void pages.set(path, html),
    onServerRender: (track: ServerTrack) => void (serverTrack = track),
  } as Shop;
  test.beforeAll(async () => {
    shop.collector = await startCollector({ port: 0 });
    const handle = async (req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? '/', 'https://x').pathname;
      const headers = { 'Cache-Control': 'no-store' };
      try {
        if (path == '/ssr') {
          const body = JSON.stringify(await serverTrack(req.headers.cookie));
          return res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(body);
        }
        const file = files[path];
        if (file) return res.writeHead(200, { ...headers, 'Content-Type': file[1] }).end(readFileSync(file[0]));
        const html = pages.get(path);
        if (html) return res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(html);
        res.writeHead(404, headers).end('not found');
      } catch (error) {
        res.writeHead(500, headers).end(String(error));
      }
    };
    server = plainHttp ? createHttpServer(handle) : createServer(certificate(), handle);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  test.afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await shop.collector.close();
  });
  test.beforeEach(async () => {
    await fetch(`${shop.collector.url}/micro/reset`);
  });
  return shop;
}

/**
 * A page of the shop: records console warnings in `window.warnings` (so a spec reads them
 * with evaluate), loads the trackers named in `scripts` ('isotrack', 'snowplow'), runs `body`.
 */
export function shopPage(scripts: ('isotrack' | 'snowplow')[], body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>shop</title>
<script>window.warnings = []; const warn = console.warn; console.warn = (...a) => { warnings.push(a.join(' ')); warn(...a); };</script>
${scripts.map((name) => `<script src="/${name}.js"></script>`).join('\n')}</head>
<body><script>${body}</script></body></html>`;
}

/** The `_sp_` cookies the page sees, by name. */
export const SP_COOKIES = `Object.fromEntries(document.cookie.split('; ').filter((c) => c.startsWith('_sp_')).map((c) => [c.slice(0, c.indexOf('=')), decodeURIComponent(c.slice(c.indexOf('=') + 1))]))`;
/** The `_sp_` localStorage keys, by name. */
export const SP_STORAGE = `Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('_sp_')).map((k) => [k, localStorage.getItem(k)]))`;

/** SP_COOKIES as a function, for `tab.evaluate` of the driver. */
export const spCookies = (): Record<string, string> =>
  Object.fromEntries(document.cookie.split('; ').filter((c) => c.startsWith('_sp_')).map((c) => [c.slice(0, c.indexOf('=')), decodeURIComponent(c.slice(c.indexOf('=') + 1))]));
/** SP_STORAGE as a function, for `tab.evaluate` of the driver. */
export const spStorage = (): Record<string, string | null> => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('_sp_')).map((k) => [k, localStorage.getItem(k)]));
/** The console warnings a shop page recorded. */
export const pageWarnings = (): string[] => (window as unknown as { warnings: string[] }).warnings;
