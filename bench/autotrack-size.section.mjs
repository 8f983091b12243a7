// The automatic-tracking section of `npm run bench` (bench/run.mjs loads every
// *.section.mjs; `node bench/autotrack-size.section.mjs` runs it alone after `npm run build`):
//
// - sizes, gzip -9: the script tag beside @snowplow/browser-tracker + its link-click,
//   form and error-tracking plugins, and an SPA that uses only newTracker + trackPageView,
//   each Snowplow bundle built with esbuild (iife, es2019, minified) in this run;
// - main thread in Chromium: link clicks (one per user click) and a 50-field form
//   (a change per field, then a submit) with automatic tracking, beside the bare work of
//   the same events (bench/browser-bare.js, as the browser section defines it) and beside
//   Snowplow with its plugins; and the longest task at start-up on a page of 1,000 links.
//
// The Snowplow packages and esbuild are installed once into .cache/autotrack-bench (git
// ignored), not into the project: the plugins' newest versions on npm (4.6.8; error
// tracking 4.3.1) pin browser-tracker ~4.6.8, which conflicts with the project's 4.10.
// Their own copies of the Snowplow core are bundled once (resolved to 4.6.8).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { printTable } from './print-table.mjs';
import { chromium } from '@playwright/test';
import { sink } from './browser-bench.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const cache = `${root}.cache/autotrack-bench/`;
const SNOWPLOW = { '@snowplow/browser-tracker': '4.6.8', '@snowplow/browser-plugin-link-click-tracking': '4.6.8', '@snowplow/browser-plugin-form-tracking': '4.6.8', '@snowplow/browser-plugin-error-tracking': '4.3.1', esbuild: '0.25.12' };
const LINKS = 1000;
const FIELDS = 50;
const CLICKS = 100;
const ROUNDS = Number(process.env.BENCH_BROWSER_ROUNDS ?? 5);
const gzip = (code) => gzipSync(code, { level: 9 }).length;
// sp.lite.js 4.10.1 built from Snowplow's source with its own config (issue 23). Its npm
// package (@snowplow/javascript-tracker) is not on the registry this project reaches, and
// the project never builds Snowplow from source: the anchor is the issue's figure.
const SP_LITE = 17_538;

function install() {
  const ok = Object.entries(SNOWPLOW).every(([name, version]) => {
    const file = `${cache}node_modules/${name}/package.json`;
    return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).version === version;
  });
  if (ok) return;
  mkdirSync(cache, { recursive: true });
  writeFileSync(`${cache}package.json`, JSON.stringify({ private: true, dependencies: SNOWPLOW }, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--legacy-peer-deps'], { cwd: cache, stdio: 'ignore' });
}

/** Bundles `source` (an entry module's text) with esbuild as the issue measured Snowplow: iife, es2019, minified. */
async function bundle(source, resolveDir) {
  const { build } = createRequire(cache)('esbuild');
  // One copy of Snowplow's cores for every plugin (each pins its own version).
  const oneCore = {
    name: 'one-core',
    setup(b) {
      b.onResolve({ filter: /^@snowplow\/(browser-)?tracker-core$/ }, async (args) => {
        if (args.pluginData === 'top') return undefined;
        return b.resolve(args.path, { kind: args.kind, resolveDir: cache, pluginData: 'top' });
      });
    },
  };
  const result = await build({ stdin: { contents: source, resolveDir }, bundle: true, minify: true, format: 'iife', target: 'es2019', write: false, plugins: [oneCore], logLevel: 'silent' });
  return result.outputFiles[0].text;
}

const SNOWPLOW_FULL = `import * as sp from '@snowplow/browser-tracker';
import { LinkClickTrackingPlugin, enableLinkClickTracking, refreshLinkClickTracking } from '@snowplow/browser-plugin-link-click-tracking';
import { FormTrackingPlugin, enableFormTracking } from '@snowplow/browser-plugin-form-tracking';
import { ErrorTrackingPlugin, enableErrorTracking, trackError } from '@snowplow/browser-plugin-error-tracking';
window.sp = { ...sp, LinkClickTrackingPlugin, enableLinkClickTracking, refreshLinkClickTracking, FormTrackingPlugin, enableFormTracking, ErrorTrackingPlugin, enableErrorTracking, trackError };`;
const SNOWPLOW_SPA = `import { newTracker, trackPageView } from '@snowplow/browser-tracker';
newTracker('sp', 'https://collector.example.com');
trackPageView();`;
const ISOTRACK_SPA = `import { newTracker } from ${JSON.stringify(`${root}dist/browser.js`)};
newTracker('sp', 'https://collector.example.com').trackPageView();`;

// The page: 1,000 links and a 50-field form; the page itself handles its links (as an
// SPA router does) and its form's submit, so that no navigation or scroll to an anchor
// weighs on the figures.
const BODY = `${Array.from({ length: LINKS }, (_, i) => `<a id="l${i}" class="nav item" href="/page/${i}">Link ${i}</a>`).join(' ')}
<form id="f" class="signup">${Array.from({ length: FIELDS }, (_, i) => `<input name="f${i}" id="f${i}" type="text">`).join('')}<button type="submit">Go</button></form>
<script>document.addEventListener('click', function (e) { if (e.target.closest('a')) e.preventDefault(); });
document.getElementById('f').addEventListener('submit', function (e) { e.preventDefault(); });</script>`;

// The same events by hand for the bare work: what any tracker must read and send.
const BARE_LISTENERS = `
  var t; isotrack(function (all) { t = all.sp; });
  var SP = 'iglu:com.snowplowanalytics.snowplow/';
  document.addEventListener('click', function (e) {
    var a = e.target.closest('a[href]'); if (!a) return;
    t.trackSelfDescribingEvent({ event: { schema: SP + 'link_click/jsonschema/1-0-1', data: { targetUrl: a.href, elementId: a.id, elementClasses: Array.from(a.classList) } } });
  }, true);
  document.addEventListener('change', function (e) {
    var f = e.target;
    t.trackSelfDescribingEvent({ event: { schema: SP + 'change_form/jsonschema/1-0-0', data: { formId: f.form.id, elementId: f.name, nodeName: f.nodeName, type: f.type, value: f.value } } });
  }, true);
  document.addEventListener('submit', function (e) {
    var form = e.target, elements = [];
    for (var i = 0; i < form.elements.length; i++) { var f = form.elements[i]; if (f.name) elements.push({ name: f.name, value: f.value, nodeName: f.nodeName, type: f.type }); }
    t.trackSelfDescribingEvent({ event: { schema: SP + 'submit_form/jsonschema/1-0-0', data: { formId: form.id, formClasses: Array.from(form.classList), elements: elements } } });
  }, true);`;

// [the tracker, then the automatic tracking], each page's way.
const SETUP = {
  isotrack: (c) => [`isotrack('newTracker', 'sp', '${c}', { appId: 'bench' });`, `isotrack('enableLinkClickTracking'); isotrack('enableFormTracking');`],
  bare: (c) => [`isotrack('newTracker', 'sp', '${c}');`, BARE_LISTENERS],
  snowplow: (c) => [
    `sp.newTracker('sp', '${c}', { appId: 'bench', plugins: [sp.LinkClickTrackingPlugin(), sp.FormTrackingPlugin()] });`,
    `sp.enableLinkClickTracking(); sp.enableFormTracking({ options: { events: ['change_form', 'submit_form'] } });`,
  ],
};
const LABELS = { isotrack: 'isotrack (script tag)', snowplow: 'Snowplow + plugins (esbuild)', bare: 'bare work, no tracker' };

// The tracker starts in a task of its own once the page (1,000 links) has loaded, as a
// deferred snippet does: the long tasks counted are those from then on, so the page's own
// parsing and layout are not put on the tracker's account.
const page = (name, collector) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<script src="/${name}.js"></script></head><body>${BODY}<script>
window.longTasks = []; window.setupMs = 0; window.trackerMs = 0;
addEventListener('load', function () { setTimeout(function () {
  new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { longTasks.push(e.duration); }); }).observe({ type: 'longtask' });
  var t0 = performance.now();
  ${SETUP[name](collector)[0]}
  var t1 = performance.now();
  ${SETUP[name](collector)[1]}
  trackerMs = t1 - t0; setupMs = performance.now() - t1;
}); });</script></body></html>`;

async function site(scripts, collector) {
  const server = createServer((req, res) => {
    const name = req.url.slice(1).replace(/\.(html|js)$/, '');
    if (!(name in scripts)) return res.writeHead(404).end();
    if (req.url.endsWith('.js')) res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(scripts[name]);
    else res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(name, collector));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => (server.closeAllConnections(), server.close()) };
}

/** Main-thread CPU time (ms) of every task from the `autotrack-start` mark on, from a Chromium trace. */
function cpuSinceMark(trace) {
  const mark = trace.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'autotrack-start');
  const tasks = trace.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid && e.ts + e.dur >= mark.ts);
  return tasks.reduce((ms, e) => ms + (e.tdur ?? e.dur) / 1000, 0);
}

/** One page: start-up long tasks, then the user's clicks and form input, each in a task of its own, until delivered. */
async function measure(browser, origin, name, collector) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${origin}/${name}.html`);
  await tab.waitForTimeout(1000);
  const { longTasks, setupMs, trackerMs } = await tab.evaluate(() => ({ longTasks: window.longTasks.slice(), setupMs: window.setupMs, trackerMs: window.trackerMs }));
  const start = collector.count();
  await browser.startTracing(tab, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await tab.evaluate(
    async ({ clicks, fields }) => {
      console.timeStamp('autotrack-start');
      const task = () => new Promise((resolve) => setTimeout(resolve, 2));
      for (let i = 0; i < clicks; i++) {
        await task();
        document.getElementById(`l${i * 7}`).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
      }
      for (let i = 0; i < fields; i++) {
        await task();
        const field = document.getElementById(`f${i}`);
        field.value = `value ${i}`;
        field.dispatchEvent(new Event('change', { bubbles: true }));
      }
      await task();
      document.getElementById('f').requestSubmit();
    },
    { clicks: CLICKS, fields: FIELDS },
  );
  const expected = CLICKS + FIELDS + 1;
  const deadline = Date.now() + 30_000;
  while (collector.count() - start < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await tab.waitForTimeout(100);
  const cpu = cpuSinceMark(JSON.parse(await browser.stopTracing()).traceEvents);
  await context.close();
  return { cpu, delivered: collector.count() - start, longest: Math.max(0, ...longTasks), setupMs, trackerMs };
}

export default async function autotrackSection({ printTable }) {
  install();
  // The core tag and the add-ons this page needs, as a page loads them (issue 23).
  const core = readFileSync(`${root}dist/isotrack.umd.min.js`);
  const addOns = ['link-click', 'form-tracking', 'error-tracking'].map((name) => readFileSync(`${root}dist/plugins/${name}.umd.min.js`));
  const umd = Buffer.concat([core, ...addOns.flatMap((addOn) => [Buffer.from('\n'), addOn])]);
  const snowplowFull = await bundle(SNOWPLOW_FULL, cache);
  const snowplowSpa = await bundle(SNOWPLOW_SPA, cache);
  const isotrackSpa = await bundle(ISOTRACK_SPA, root);
  const sizes = { core: gzip(core), scriptTag: gzip(core) + addOns.reduce((sum, addOn) => sum + gzip(addOn), 0), snowplowFull: gzip(snowplowFull), isotrackSpa: gzip(isotrackSpa), snowplowSpa: gzip(snowplowSpa) };

  console.log('\nAutomatic tracking: sizes (gzip -9; Snowplow bundled with esbuild, iife, es2019, minified, in this run)\n');
  printTable(
    ['bundle', 'isotrack (bytes)', 'Snowplow (bytes)', 'ratio', 'budget'],
    [
      ['core tag alone (vs sp.lite.js 4.10.1, the issue\'s figure: not on npm)', sizes.core, SP_LITE, (sizes.core / SP_LITE).toFixed(2), '≤ 0.5x'],
      ['core tag + link, form, error add-ons (summed)', sizes.scriptTag, sizes.snowplowFull, (sizes.scriptTag / sizes.snowplowFull).toFixed(2), '≤ 0.5x'],
      ['SPA: newTracker + trackPageView only (esbuild)', sizes.isotrackSpa, sizes.snowplowSpa, (sizes.isotrackSpa / sizes.snowplowSpa).toFixed(2), '≤ 0.5x'],
    ],
  );
  console.log(`Snowplow versions: ${Object.entries(SNOWPLOW).filter(([n]) => n !== 'esbuild').map(([n, v]) => `${n.replace('@snowplow/', '')} ${v}`).join(', ')}`);

  const collector = await sink();
  const scripts = { isotrack: umd, snowplow: snowplowFull, bare: readFileSync(`${root}bench/browser-bare.js`) };
  const web = await site(scripts, collector.url);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const runs = { isotrack: [], bare: [], snowplow: [] };
  try {
    for (let i = 0; i < ROUNDS; i++) for (const name of Object.keys(runs)) runs[name].push(await measure(browser, web.url, name, collector));
  } finally {
    await browser.close();
    web.close();
    collector.close();
  }
  const median = (list, pick) => list.map(pick).sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const rows = Object.entries(runs).map(([name, list]) => [
    LABELS[name],
    median(list, (r) => r.cpu).toFixed(1),
    `${Math.min(...list.map((r) => r.delivered))} of ${CLICKS + FIELDS + 1}`,
    median(list, (r) => r.trackerMs).toFixed(1),
    Math.max(...list.map((r) => r.setupMs)).toFixed(1),
    Math.max(...list.map((r) => r.longest)).toFixed(0),
  ]);
  console.log(`\nMain thread (Chromium): ${CLICKS} link clicks and a ${FIELDS}-field form (a change per field, a submit), one user action per task, on a page of ${LINKS} links; medians of ${ROUNDS} runs\n`);
  printTable(['page', 'ms CPU until delivered', 'events delivered', 'newTracker (ms, median)', 'link + form tracking start (ms, max)', 'longest task after start (ms, max)'], rows);
  const iso = median(runs.isotrack, (r) => r.cpu);
  const bare = median(runs.bare, (r) => r.cpu);
  const longest = Math.max(...runs.isotrack.map((r) => r.longest));
  const featureStart = Math.max(...runs.isotrack.map((r) => r.setupMs));
  console.log('');
  console.log(`${sizes.core <= 0.5 * SP_LITE ? 'PASS' : 'FAIL'}  core tag ≤ 0.5x sp.lite.js (${sizes.core} vs ${Math.floor(0.5 * SP_LITE)} bytes)`);
  console.log(`${sizes.scriptTag <= 0.5 * sizes.snowplowFull ? 'PASS' : 'FAIL'}  core tag + link, form, error add-ons ≤ 0.5x Snowplow + plugins (${sizes.scriptTag} vs ${Math.floor(0.5 * sizes.snowplowFull)} bytes)`);
  console.log(`${sizes.isotrackSpa <= 0.5 * sizes.snowplowSpa ? 'PASS' : 'FAIL'}  SPA newTracker + trackPageView ≤ 0.5x Snowplow's (${sizes.isotrackSpa} vs ${Math.floor(0.5 * sizes.snowplowSpa)} bytes)`);
  console.log(`${iso <= 1.1 * bare ? 'PASS' : 'FAIL'}  main thread ≤ 1.1x the bare work of the same events (${iso.toFixed(1)} vs ${bare.toFixed(1)} ms CPU: ${(iso / bare).toFixed(2)}x)`);
  console.log(`${featureStart <= 50 ? 'PASS' : 'FAIL'}  link + form tracking start-up ≤ 50 ms with ${LINKS} links (slowest: ${featureStart.toFixed(1)} ms)`);
  console.log(`${longest <= 50 ? 'PASS' : 'FAIL'}  no long task > 50 ms at start-up, newTracker included (longest: ${longest.toFixed(0)} ms; 0 = none over 50 ms)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await autotrackSection({ printTable });
}
