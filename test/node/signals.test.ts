// SIGTERM, as every container platform sends it: an HTTP app that tracked an event per
// request and calls closeOnSignals delivers every event before it dies of the signal
// (issue 10, item 6). Real child processes, the dev collector on loopback.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '@isotrack/collector';
import { nodeEntry } from './helpers/child.js';

let entry = '';
let collector: RunningCollector | undefined;
beforeAll(async () => {
  entry = await nodeEntry();
}, 60_000);
afterEach(async () => {
  await collector?.close();
  collector = undefined;
});

const REQUESTS = 60;

/**
 * Starts an app that tracks one page view per request (kept queued: a long flush
 * interval and a big buffer), sends it REQUESTS requests, then SIGTERM; resolves
 * with how it ended and what the collector got.
 */
async function serveThenTerminate(setup: string, endpoint?: string) {
  collector = await startCollector({ port: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'isotrack-signal-'));
  const file = join(dir, 'app.mjs');
  writeFileSync(
    file,
    `
    import * as http from 'node:http';
    import { Emitter, Tracker, closeOnSignals } from ${JSON.stringify(entry)};
    const tracker = new Tracker(new Emitter(process.env.COLLECTOR, { bufferSize: 100000, flushInterval: 600000 }), { appId: 'signals' });
    const server = http.createServer((req, res) => {
      tracker.trackPageView({ pageUrl: 'http://app.test' + req.url });
      res.end('ok');
    });
    ${setup}
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));
    `,
  );
  const child = spawn(process.execPath, [file], { env: { ...process.env, COLLECTOR: endpoint ?? collector.url }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(Number(c.toString().trim()))));
  for (let i = 0; i < REQUESTS; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/page/${i}`, { headers: { connection: 'close' } });
    await res.text();
  }
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const [code, signal] = await exited;
  clearTimeout(killer);
  return { code, signal, stderr, counts: collector.store.counts() };
}

describe('SIGTERM', () => {
  it('closeOnSignals: every tracked event delivered, then the process dies of SIGTERM as it would have', async () => {
    const result = await serveThenTerminate(`closeOnSignals(tracker, ['SIGTERM', 'SIGINT'], { timeout: 5000 });`);
    expect(result.stderr).toBe('');
    expect(result.counts).toMatchObject({ good: REQUESTS, bad: 0 });
    expect(result).toMatchObject({ code: null, signal: 'SIGTERM' });
  }, 60_000);

  it('the app has its own SIGTERM handler: it decides how to end (here: close the server, exit 0)', async () => {
    const result = await serveThenTerminate(`
      closeOnSignals(tracker, ['SIGTERM'], { timeout: 5000 });
      process.on('SIGTERM', () => server.close());
    `);
    expect(result.stderr).toBe('');
    expect(result.counts).toMatchObject({ good: REQUESTS, bad: 0 });
    expect(result).toMatchObject({ code: 0, signal: null });
  }, 60_000);

  it('collector unreachable: the flush gives up at the timeout, and what is lost is reported before the process dies', async () => {
    const down = await startCollector({ port: 0 });
    const endpoint = down.url;
    await down.close();
    const result = await serveThenTerminate(
      `closeOnSignals(tracker, ['SIGTERM'], { timeout: 1000 });`,
      endpoint,
    );
    expect(result).toMatchObject({ code: null, signal: 'SIGTERM' });
    const [failure, loss] = result.stderr.trim().split('\n');
    expect(failure).toMatch(new RegExp(`^isotrack: cannot reach ${endpoint.replace(/\./g, '\\.')} \\(ECONNREFUSED: `));
    expect(loss).toMatch(new RegExp(`^isotrack: ${REQUESTS} event\\(s\\) for ${endpoint.replace(/\./g, '\\.')} lost at exit: your flush\\(\\{ timeout \\}\\) or close\\(\\) ended before they were sent \\(last failure: ECONNREFUSED: `));
  }, 60_000);

  it('without it, SIGTERM kills the app with its events still queued (why the helper exists)', async () => {
    const result = await serveThenTerminate('');
    expect(result).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(result.counts.good).toBe(0);
  }, 60_000);
});
