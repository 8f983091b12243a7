// Browser bench in every engine (Chromium, Firefox ESR, WebKitGTK), isotrack beside
// @snowplow/browser-tracker (and the bare work of any tracker), each with its default
// config, driven by the test suite's driver adapters (test/browser/driver), so that each
// engine runs exactly as in the tests.
//
// Main-thread cost: the wall time, read in the page with performance.now(), of the task
// that tracks 1,000 self-describing events with one context, cold (a fresh page) and warm
// (1,000 more in the same page). Only Chromium offers a trace of CPU time
// (browser-bench.mjs); here the same yardstick serves every engine. The page is
// cross-origin isolated, for the finer clock that Firefox and WebKit then give.
//
// Unload: 50 events of about 1.3 KB (65 KB, more than a keepalive budget), then at once a
// cross-origin navigation; how many reached the collector while the user was away, how
// many in all once the user came back (Back), and how many arrived twice.
// `runEnginesBench()` returns rows; `node bench/browser-engines.mjs` prints them alone.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../', import.meta.url));
const FILES = {
  isotrack: `${root}dist/isotrack.umd.min.js`,
  snowplow: `${root}node_modules/@snowplow/browser-tracker/dist/index.umd.min.js`,
  bare: `${root}bench/browser-bare.js`,
};
const LABELS = { isotrack: 'isotrack', snowplow: '@snowplow/browser-tracker', bare: 'bare work, no tracker' };
const EVENTS = 1000;
const UNLOAD_EVENTS = 50;

/** The drivers are TypeScript: transpiled once into .bench/driver (ESM, same imports). */
async function loadDrivers() {
  const from = `${root}test/browser/driver/`;
  const to = `${root}.bench/driver/`;
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(from + file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(to + file.replace(/\.ts$/, '.js'), outputText);
  }
  const load = (name) => import(pathToFileURL(`${to}${name}.js`).href);
  const [{ launchChromium }, { launchFirefox }, { launchWebKit }] = await Promise.all([load('chromium'), load('firefox'), load('webkit')]);
  return {
    chromium: () => launchChromium({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] }),
    firefox: launchFirefox,
    webkit: launchWebKit,
  };
}

const SETUP = {
  isotrack: (collector) => `isotrack('newTracker', 'sp', '${collector}', { appId: 'bench' });
    isotrack((t) => (isotrack.t = t.sp));
    window.track = (i, ev = EV) => isotrack.t.trackSelfDescribingEvent({ event: ev(i), context: [CTX] });`,
  snowplow: (collector) => `snowplowBrowserTracking.newTracker('sp', '${collector}', { appId: 'bench' });
    window.track = (i, ev = EV) => snowplowBrowserTracking.trackSelfDescribingEvent({ event: ev(i), context: [CTX] });`,
};
SETUP.bare = SETUP.isotrack;

const page = (name, collector, away) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<script src="/${name}.js"></script></head><body><script>
const EV = (i) => ({ schema: 'iglu:com.acme/clicked/jsonschema/1-0-0', data: { id: i, target: 'https://example.com/page/' + i, label: 'button' } });
const BIG = (i) => ({ schema: 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1', data: { targetUrl: 'https://example.com/' + i + '/' + 'x'.repeat(1000) } });
const CTX = { schema: 'iglu:com.acme/user_context/jsonschema/1-0-0', data: { plan: 'pro', region: 'eu-west', seats: 12 } };
${SETUP[name](collector)}
window.loop = (n) => { const t0 = performance.now(); for (let i = 0; i < n; i++) track(i); return performance.now() - t0; };
window.leave = () => { for (let i = 0; i < ${UNLOAD_EVENTS}; i++) track(i, BIG); location.href = '${away}'; };
</script></body></html>`;

/** A collector stand-in that accepts everything at once and keeps the event ids. */
async function sink() {
  const eids = [];
  const server = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Headers': 'Content-Type, SP-Anonymous', 'Access-Control-Max-Age': '600' };
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'POST') for (const m of body.matchAll(/"eid":"([^"]+)"/g)) eids.push(m[1]);
      res.writeHead(200, cors).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    count: () => eids.length,
    twice: () => eids.length - new Set(eids).size,
    reset: () => void (eids.length = 0),
    close: () => (server.closeAllConnections(), server.close()),
  };
}

const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

async function serve(host, handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, host, resolve));
  return { url: `http://${host}:${server.address().port}`, close: () => (server.closeAllConnections(), server.close()) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(check, ms) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await sleep(20);
}

/** Cold and warm loops of one tracker in a fresh profile. */
async function cost(launched, origin, name, collector) {
  const driver = await launched.profile();
  try {
    const tab = await driver.open(`${origin}/${name}.html`);
    await sleep(300);
    const result = {};
    for (const phase of ['cold', 'warm']) {
      const start = collector.count();
      result[phase] = await tab.evaluate((n) => window.loop(n), EVENTS);
      await waitFor(() => collector.count() - start >= EVENTS, 60_000);
      result.delivered = Math.min(result.delivered ?? Infinity, collector.count() - start);
    }
    return result;
  } finally {
    await driver.close();
  }
}

/** The unload scenario of one tracker in a fresh profile, against a sink of its own. */
async function unload(launched, origin, name, collector, away) {
  collector.reset();
  const driver = await launched.profile();
  try {
    const tab = await driver.open(`${origin}/${name}.html`);
    await sleep(300);
    await tab.evaluate(() => void setTimeout(window.leave));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !(await tab.url().catch(() => '')).startsWith(away)) await sleep(50);
    await sleep(2_000);
    const whileAway = collector.count();
    await tab.back();
    await waitFor(() => collector.count() >= UNLOAD_EVENTS, 10_000);
    await sleep(1_000);
    return { whileAway, total: collector.count() - collector.twice(), twice: collector.twice() };
  } finally {
    await driver.close();
  }
}

/** Runs the bench in each engine; one row per engine and tracker (median of `rounds` runs). */
export async function runEnginesBench({ rounds = Number(process.env.BENCH_ENGINE_ROUNDS ?? 3), engines = ['chromium', 'firefox', 'webkit'] } = {}) {
  const launchers = await loadDrivers();
  const collector = await sink();
  const away = await serve('localhost', (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>away</title>away'));
  const web = await serve('127.0.0.1', (req, res) => {
    const name = req.url.slice(1).replace(/\.(html|js)$/, '');
    if (!(name in FILES)) return res.writeHead(404).end();
    if (req.url.endsWith('.js')) res.writeHead(200, { 'Content-Type': 'text/javascript', ...ISOLATED }).end(readFileSync(FILES[name]));
    else res.writeHead(200, { 'Content-Type': 'text/html', ...ISOLATED }).end(page(name, collector.url, `${away.url}/away.html`));
  });
  const rows = [];
  try {
    for (const engine of engines) {
      const launched = await launchers[engine]();
      try {
        const runs = Object.fromEntries(Object.keys(FILES).map((name) => [name, []]));
        // Interleaved, so that a burst of load on the shared machine hits every tracker alike.
        for (let i = 0; i < rounds; i++) for (const name of Object.keys(FILES)) runs[name].push(await cost(launched, web.url, name, collector));
        for (const [name, list] of Object.entries(runs)) {
          const median = (pick) => list.map(pick).sort((a, b) => a - b)[Math.floor(list.length / 2)];
          const gone = name == 'bare' ? undefined : await unload(launched, web.url, name, collector, away.url);
          const row = {
            engine,
            tracker: LABELS[name],
            'cold: track loop (ms)': +median((r) => r.cold).toFixed(1),
            'warm: track loop (ms)': +median((r) => r.warm).toFixed(1),
            'events delivered (of 1,000 per phase)': Math.min(...list.map((r) => r.delivered)),
            'unload: delivered while away': gone ? `${gone.whileAway} / ${UNLOAD_EVENTS}` : '—',
            'unload: after Back': gone ? `${gone.total} / ${UNLOAD_EVENTS}` : '—',
            'unload: twice': gone ? gone.twice : '—',
          };
          rows.push(row);
          console.error(`bench ${engine}: ${JSON.stringify(row)}`);
        }
      } finally {
        await launched.close();
      }
    }
  } finally {
    web.close();
    away.close();
    collector.close();
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const engines = process.env.BENCH_ENGINES?.split(',');
  console.table(await runEnginesBench(engines ? { engines } : {}));
}
