// What the consumer tests share: Debian's Chromium, a static server for built apps,
// and the dev collector's view of what arrived.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import type { RunningCollector } from '@isotrack/collector';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves `root` on loopback (`/` is `index.html`). */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

export interface GoodEvent {
  rawEvent: { parameters: Record<string, string> };
}

/**
 * What the collector holds for `appId`: the validated events, one per event id, and every
 * error of the rejected ones. Delivery is at least once: on a machine loaded enough that
 * the collector answers after the request timeout (5 s), the tracker sends the batch
 * again and both copies arrive, which the pipeline deduplicates by `eid` (a stress run
 * with both cores busy once saw every event of the full app twice, 60 for 30; most likely
 * this). These tests check that every event arrives, valid; the browser
 * specs check, without such load, that none arrives twice.
 */
export async function received(collector: RunningCollector, appId: string): Promise<{ good: GoodEvent[]; errors: string[] }> {
  const good = (await (await fetch(`${collector.url}/micro/good`)).json()) as GoodEvent[];
  const bad = (await (await fetch(`${collector.url}/micro/bad`)).json()) as { errors: string[] }[];
  const byId = new Map(good.filter((event) => event.rawEvent.parameters.aid === appId).map((event) => [event.rawEvent.parameters.eid, event]));
  return { good: [...byId.values()], errors: bad.flatMap((event) => event.errors) };
}

/** Polls the collector until `count` good events of `appId` arrived (or `timeout` ms passed). */
export async function waitForGood(collector: RunningCollector, appId: string, count: number, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = await received(collector, appId);
    if (seen.good.length >= count || seen.errors.length > 0 || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
