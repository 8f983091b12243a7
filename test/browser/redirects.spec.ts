// A collector that answers with a redirect, in a real browser (issue 15, item 3):
// the batch is not followed (301 would have turned it into a bodiless GET and counted
// it delivered; 307/308 would have posted it to another origin), the events are not
// counted delivered, and onFailure gives the cause. Runs in every engine (driver).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './driver/index.js';
import { counts, umdPage, useCollectorAndSite } from './helpers.js';

const live = useCollectorAndSite();

/** A loopback server that answers every tracking request with `status`, pointing at `location`. */
async function redirectingServer(status: number, location: string) {
  const seen: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': 'content-type',
      'Access-Control-Allow-Methods': 'GET, POST',
    };
    req.resume();
    req.on('end', () => {
      seen.push(req.method ?? '');
      if (req.method == 'OPTIONS') return void res.writeHead(204, cors).end();
      res.writeHead(status, { ...cors, Location: location + (req.url ?? '') }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

for (const status of [301, 307, 308]) {
  test(`${status}: not followed, not delivered, onFailure says it was a redirect`, async ({ driver }) => {
    const redirecting = await redirectingServer(status, live.collector.url);
    try {
      live.site.page('/redirect.html', umdPage(''));
      const page = await driver.open(`${live.site.url}/redirect.html`);
      const outcome = await page.evaluate(async (endpoint) => {
        const failures: { willRetry: boolean; status: number; cause: string }[] = [];
        const { Emitter, Tracker } = (window as unknown as { isotrack: typeof import('../../src/index.browser.js') }).isotrack as never as {
          Emitter: typeof import('../../src/browser/emitter.js').Emitter;
          Tracker: typeof import('../../src/browser/tracker.js').Tracker;
        };
        const emitter = new Emitter(endpoint, { persist: false, onFailure: (_n, _events, info) => failures.push(info) });
        const tracker = new Tracker(emitter);
        for (let i = 0; i < 3; i++) tracker.trackStructEvent({ category: 'redirect', action: `a${i}` });
        const result = await emitter.flush({ timeout: 10_000 });
        return { result, stats: emitter.stats(), failures };
      }, redirecting.url);
      expect(outcome.result).toMatchObject({ ok: false, timedOut: false, queued: 0 });
      expect(outcome.stats).toMatchObject({ delivered: 0, failed: 3, retried: 0 });
      expect(outcome.failures).toHaveLength(1);
      expect(outcome.failures[0]!.willRetry).toBe(false);
      // The browser hides which redirect it was (an opaque redirect): reported as 300.
      expect(outcome.failures[0]!.cause).toMatch(/^HTTP 3\d\d redirect.*not followed/);
      // Only the one batch went out, to the redirecting server; nothing reached the other origin.
      expect(redirecting.seen.filter((method) => method != 'OPTIONS')).toEqual(['POST']);
      expect(await counts(live.collector)).toMatchObject({ total: 0 });
    } finally {
      await redirecting.close();
    }
  });
}
