// Browser section of the benchmark: main-thread time of tracking 1,000 self-describing
// events with one context in Chromium, isotrack (UMD) beside @snowplow/browser-tracker
// (UMD) and the bare work of any tracker (bench/browser-bare.js) in the same browser
// session, each with its documented default config (persistence on: Snowplow's
// localStorage queue, `bufferSize` 1, POST), cold (a fresh page) and warm (1,000 more in
// the same page), plus the gzip -9 size of the UMD files. Snowplow's default store
// re-serialises and rewrites its whole localStorage queue on every event, which is why
// its figure grows with the square of the burst.
//
// Time is the main thread's CPU time, read from a Chromium trace (each task's thread
// time), not the wall clock: on a small shared machine another process's burst
// stretches wall time, not the CPU time the page itself spends.
// `runBrowserBench()` returns rows for bench/run.mjs; `node bench/browser-bench.mjs` prints them alone.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('../', import.meta.url));
const FILES = {
  // ISOTRACK_UMD: another build of the script tag, e.g. to compare two versions.
  isotrack: process.env.ISOTRACK_UMD ?? `${root}dist/isotrack.umd.min.js`,
  snowplow: `${root}node_modules/@snowplow/browser-tracker/dist/index.umd.min.js`,
  bare: `${root}bench/browser-bare.js`,
};
const LABELS = { isotrack: 'isotrack (UMD)', snowplow: '@snowplow/browser-tracker (UMD)', bare: 'bare work, no tracker' };
const EVENTS = 1000;
/** Events of the spaced phase, each tracked in a task of its own. */
const SPACED_EVENTS = 200;

// What each page runs: create a tracker with its defaults, then track EVENTS events.
const SETUP = {
  isotrack: (collector) => `isotrack('newTracker', 'sp', '${collector}', { appId: 'bench' });
    window.track = (i) => isotrack.t.trackSelfDescribingEvent({ event: EV(i), context: [CTX] });
    isotrack((t) => (isotrack.t = t.sp));`,
  snowplow: (collector) => `snowplowBrowserTracking.newTracker('sp', '${collector}', { appId: 'bench' });
    window.track = (i) => snowplowBrowserTracking.trackSelfDescribingEvent({ event: EV(i), context: [CTX] });`,
};
// The bare script answers the same commands as isotrack's.
SETUP.bare = SETUP.isotrack;

const page = (name, collector) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<script src="/${name}.js"></script></head><body><script>
const EV = (i) => ({ schema: 'iglu:com.acme/clicked/jsonschema/1-0-0', data: { id: i, target: 'https://example.com/page/' + i, label: 'button' } });
const CTX = { schema: 'iglu:com.acme/user_context/jsonschema/1-0-0', data: { plan: 'pro', region: 'eu-west', seats: 12 } };
${SETUP[name](collector)}
</script></body></html>`;

/** A collector stand-in that accepts everything at once and counts events. */
export async function sink() {
  let events = 0;
  const server = createServer((req, res) => {
    const origin = req.headers.origin ?? '*';
    const cors = { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Headers': 'Content-Type, SP-Anonymous', 'Access-Control-Max-Age': '600' };
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'POST') events += (body.match(/"eid"/g) ?? []).length;
      res.writeHead(200, cors).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, count: () => events, close: () => (server.closeAllConnections(), server.close()) };
}

// Cross-origin isolated pages get a 5 µs performance.now() (100 µs otherwise), which the
// spaced phase needs to time single calls.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

async function site(collector) {
  const server = createServer((req, res) => {
    const name = req.url.slice(1).replace(/\.(html|js)$/, '');
    if (name.startsWith('startup-')) return res.writeHead(200, { 'Content-Type': 'text/html', ...ISOLATED }).end(startupPage(name.slice(8), collector));
    if (!(name in FILES)) return res.writeHead(404).end();
    if (req.url.endsWith('.js')) res.writeHead(200, { 'Content-Type': 'text/javascript', ...ISOLATED }).end(readFileSync(FILES[name]));
    else res.writeHead(200, { 'Content-Type': 'text/html', ...ISOLATED }).end(page(name, collector));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => (server.closeAllConnections(), server.close()) };
}

/** Main-thread CPU time (ms) of the tasks in a trace from the one holding `start` on. */
function mainThreadCpu(trace) {
  const start = trace.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench-start');
  const tasks = trace.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.ts + e.dur >= start.ts);
  const loop = tasks.find((e) => e.ts <= start.ts);
  const sum = (list) => list.reduce((ms, e) => ms + (e.tdur ?? e.dur) / 1000, 0);
  return { loop: sum(loop ? [loop] : []), total: sum(tasks) };
}

/**
 * One phase: EVENTS events tracked in one task, then wait until the collector has them
 * all. `loop` is the CPU time of the task that tracked them (with its microtasks);
 * `total` adds every later main-thread task until the last event was delivered (the
 * storage write, the requests and their responses).
 */
async function phase(browser, tab, collector) {
  const start = collector.count();
  await browser.startTracing(tab, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await tab.evaluate((n) => {
    console.timeStamp('bench-start');
    for (let i = 0; i < n; i++) window.track(i);
  }, EVENTS);
  const deadline = Date.now() + 60_000;
  while (collector.count() - start < EVENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await tab.waitForTimeout(100); // the last responses' handling
  const trace = JSON.parse(await browser.stopTracing()).traceEvents;
  return { ...mainThreadCpu(trace), delivered: collector.count() - start };
}

/**
 * Events as a real page tracks them: one per task, a few milliseconds apart, so that each
 * call meets cold caches. Returns the median wall time of one `track()` call in µs (a
 * single short call on an idle main thread: wall time is its CPU time, bar preemption,
 * which the median leaves out) and the events delivered.
 */
async function spaced(tab, collector) {
  const start = collector.count();
  const perCall = await tab.evaluate(async (n) => {
    const times = [];
    for (let i = 0; i < n; i++) {
      await new Promise((resolve) => setTimeout(resolve, 4));
      const t0 = performance.now();
      window.track(i);
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[n >> 1] * 1000;
  }, SPACED_EVENTS);
  const deadline = Date.now() + 30_000;
  while (collector.count() - start < SPACED_EVENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return { perCall, delivered: collector.count() - start };
}

/**
 * A fresh page per run. Cold: the first EVENTS events of the page (code not yet optimised by
 * the JIT, as on a real page). Warm: EVENTS more in the same page once the first are
 * delivered. Both trackers get exactly the same treatment.
 */
async function measure(browser, origin, name, collector) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${origin}/${name}.html`);
  await tab.waitForTimeout(300); // let start-up work (page load, first requests) settle
  const cold = await phase(browser, tab, collector);
  const warm = await phase(browser, tab, collector);
  const apart = await spaced(tab, collector);
  await context.close();
  return { cold, warm, apart };
}

// Start-up: a page whose inline script loads the tracker, creates it and tracks a page
// view, as a site's snippet does; against the same page without a tracker.
const STARTUP = {
  none: () => '',
  isotrack: (collector) => `<script src="/isotrack.js"></script><script>isotrack('newTracker', 'sp', '${collector}', { appId: 'bench' }); isotrack('trackPageView');</script>`,
  snowplow: (collector) => `<script src="/snowplow.js"></script><script>snowplowBrowserTracking.newTracker('sp', '${collector}', { appId: 'bench' }); snowplowBrowserTracking.trackPageView();</script>`,
};
export const startupPage = (name, collector) => `<!doctype html><html><head><meta charset="utf-8"><title>start-up</title>${STARTUP[name](collector)}</head><body><p>A page.</p></body></html>`;

/**
 * The longest main-thread task (ms of CPU) from navigation until the page has settled:
 * the start-up cost a visitor meets as input delay. Read from a Chromium trace.
 */
async function longestStartupTask(browser, origin, name) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await browser.startTracing(tab, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'] });
  await tab.goto(`${origin}/startup-${name}.html`);
  await tab.waitForTimeout(1000);
  const trace = JSON.parse(await browser.stopTracing()).traceEvents;
  await context.close();
  const mains = new Set(trace.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = trace.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  return Math.max(0, ...tasks.map((e) => (e.tdur ?? e.dur) / 1000));
}

/**
 * Start-up budget: each tracker's added time in the longest start-up task (its page's
 * longest task minus the no-tracker page's, medians of `rounds` interleaved runs).
 */
export async function runStartupBench({ rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 7) } = {}) {
  const collector = await sink();
  const web = await site(collector.url);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const runs = { none: [], isotrack: [], snowplow: [] };
  try {
    for (let i = 0; i < rounds; i++) for (const name of Object.keys(runs)) runs[name].push(await longestStartupTask(browser, web.url, name));
  } finally {
    await browser.close();
    web.close();
    collector.close();
  }
  const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
  const none = median(runs.none);
  return { none, isotrack: median(runs.isotrack), snowplow: median(runs.snowplow), isotrackAdded: median(runs.isotrack) - none, snowplowAdded: median(runs.snowplow) - none };
}

/** Runs the browser benchmark; returns one row per tracker (medians of `rounds` runs, interleaved). */
export async function runBrowserBench({ rounds = Number(process.env.BENCH_BROWSER_ROUNDS ?? 5) } = {}) {
  const collector = await sink();
  const web = await site(collector.url);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  // BENCH_BROWSER_ONLY=isotrack,bare: a quick comparison without the slow Snowplow runs.
  const only = process.env.BENCH_BROWSER_ONLY?.split(',');
  const runs = Object.fromEntries(Object.keys(FILES).filter((name) => !only || only.includes(name)).map((name) => [name, []]));
  try {
    // Interleaved, so that a burst of load on a shared machine hits both trackers alike.
    for (let i = 0; i < rounds; i++) for (const name of Object.keys(runs)) runs[name].push(await measure(browser, web.url, name, collector));
  } finally {
    await browser.close();
    web.close();
    collector.close();
  }
  return Object.entries(runs).map(([name, list]) => {
    const median = (pick) => list.map(pick).sort((a, b) => a - b)[Math.floor(list.length / 2)];
    return {
      tracker: LABELS[name],
      'cold: track loop (ms CPU)': +median((r) => r.cold.loop).toFixed(1),
      'cold: until delivered (ms CPU)': +median((r) => r.cold.total).toFixed(1),
      'warm: track loop (ms CPU)': +median((r) => r.warm.loop).toFixed(1),
      'warm: until delivered (ms CPU)': +median((r) => r.warm.total).toFixed(1),
      'spaced: µs per track() call': Math.round(median((r) => r.apart.perCall)),
      'events delivered': `${Math.min(...list.flatMap((r) => [r.cold.delivered, r.warm.delivered]))} + ${Math.min(...list.map((r) => r.apart.delivered))}`,
      'UMD gzip -9 (bytes)': name === 'bare' ? '—' : gzipSync(readFileSync(FILES[name]), { level: 9 }).length,
    };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.env.BENCH_STARTUP_ONLY) console.log(await runStartupBench());
  else console.table(await runBrowserBench());
}
