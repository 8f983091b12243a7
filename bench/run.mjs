// `npm run bench`: isotrack vs @snowplow/node-tracker, each in its own process so
// that RSS is measured separately, against one minimal collector in a third process.
//
// Other sections (e.g. the browser benchmark) plug in as `bench/<name>.section.mjs`
// modules whose default export is `async ({ collectorUrl, printTable }) => void`;
// they run after the Node section, in file-name order.
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { printTable } from './print-table.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const N = Number(process.env.BENCH_EVENTS ?? 100_000);
// The machine is shared: each tracker runs this many times, interleaved, and its best
// run (highest end-to-end rate) is reported, which filters out other processes' bursts.
const RUNS = Number(process.env.BENCH_RUNS ?? 2);

/** The built Node entry; before the entries exist, the same sources bundled on the fly. */
async function isotrackEntry() {
  const dist = here('../dist/node.js');
  if (existsSync(dist) && readFileSync(dist, 'utf8').includes('flushOnUnload')) return dist;
  console.warn('bench: dist/node.js missing or without the delivery engine; bundling src/ instead');
  mkdirSync(here('../.bench'), { recursive: true });
  const input = here('../.bench/entry.ts');
  writeFileSync(input, `export { Emitter } from '../src/node/emitter.ts';\nexport { Tracker } from '../src/core/tracker.ts';\n`);
  const { build } = await import('rolldown');
  const file = here('../.bench/node.mjs');
  await build({ input, platform: 'node', logLevel: 'silent', output: { file, format: 'esm' } });
  return file;
}

function startCollector() {
  const child = fork(here('./node-collector.mjs'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', ({ port }) => resolve({ child, url: `http://127.0.0.1:${port}` }));
    child.once('exit', (code) => reject(new Error(`collector exited with ${code}`)));
  });
}

function runChild(script, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here(script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`${script} exited with ${code} and printed: ${out}`));
      }
    });
  });
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const entry = await isotrackEntry();
const collector = await startCollector();
const results = {};
try {
  const load = loadavg()[0];
  for (let run = 0; run < RUNS; run++) {
    for (const [name, script] of [
      ['isotrack', './node-isotrack.mjs'],
      ['@snowplow/node-tracker', './node-snowplow.mjs'],
      ['bare work (no tracker)', './node-bare.mjs'],
    ]) {
      await fetch(`${collector.url}/reset`);
      const r = await runChild(script, { COLLECTOR: collector.url, ISOTRACK_ENTRY: entry, BENCH_EVENTS: String(N) });
      const best = results[name];
      if (!best || r.delivered / r.elapsedMs > best.delivered / best.elapsedMs) results[name] = r;
    }
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nNode: ${fmt(N)} self-describing events with one context, tracked in a tight loop, end to end to a loopback collector`);
  console.log(`Machine: ${cpus().length} cores, ${cpu}, Node ${process.version}; load average ${load.toFixed(1)} at start; best of ${RUNS} runs each\n`);
  const rows = Object.entries(results).map(([name, r]) => [
    name,
    fmt((r.delivered / r.elapsedMs) * 1000),
    fmt(r.trackUs, 2),
    `${fmt(r.peakRssBytes / 2 ** 20)} MB`,
    fmt(r.requests),
    fmt(r.bytes / Math.max(1, r.delivered)),
    fmt(r.delivered),
  ]);
  printTable(['tracker', 'events/s end to end', 'µs per track()', 'peak RSS', 'requests', 'bytes/event', 'delivered'], rows);

  const iso = results.isotrack;
  const sp = results['@snowplow/node-tracker'];
  const isoRate = (iso.delivered / iso.elapsedMs) * 1000;
  const spRate = (sp.delivered / sp.elapsedMs) * 1000;
  console.log(`\nisotrack / Snowplow, end-to-end events/s: ${fmt(isoRate / spRate, 1)}x\n`);
  // The absolute targets were set when the bare work ran at 5.7 µs per event
  // and 93,000 events/s; this machine is shared and its speed varies from day to day,
  // so each target is also checked scaled by the bare work measured in this run.
  const bare = results['bare work (no tracker)'];
  const bareRate = (bare.delivered / bare.elapsedMs) * 1000;
  const rateTarget = (60_000 / 93_000) * bareRate;
  const trackTarget = (6 / 5.7) * bare.trackUs;
  console.log(`bare work in this run: ${fmt(bareRate)} events/s, ${fmt(bare.trackUs, 2)} µs per event (the issue's figures: 93,000 and 5.7)\n`);
  const targets = [
    ['≥ 8x Snowplow end to end', isoRate >= 8 * spRate],
    ['≥ 60,000 events/s', isoRate >= 60_000],
    [`≥ 0.645x the bare work's events/s (${fmt(rateTarget)} in this run)`, isoRate >= rateTarget],
    ['track() ≤ 6 µs', iso.trackUs <= 6],
    [`track() ≤ 1.05x the bare work's µs per event (${fmt(trackTarget, 2)} in this run)`, iso.trackUs <= trackTarget],
    // Issue 23's Node budgets.
    [`track() CPU ≤ 1.1x the bare work's: ${fmt(iso.trackCpuUs / bare.trackCpuUs, 2)}x (${fmt(iso.trackCpuUs, 2)} against ${fmt(bare.trackCpuUs, 2)} µs of CPU per event; Snowplow ${fmt(sp.trackCpuUs, 2)} µs)`, iso.trackCpuUs <= 1.1 * bare.trackCpuUs],
    [`end to end ≥ 1.0x the bare work's events/s: ${fmt(isoRate / bareRate, 2)}x (${fmt(isoRate)} against ${fmt(bareRate)}; Snowplow ${fmt(spRate)})`, isoRate >= bareRate],
    ['peak RSS ≤ 300 MB', iso.peakRssBytes <= 300 * 2 ** 20],
    [`all ${fmt(N)} delivered`, iso.delivered === N],
  ];
  for (const [label, ok] of targets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
  mkdirSync(here('../.bench'), { recursive: true });
  writeFileSync(here('../.bench/node.json'), JSON.stringify({ machine: { cores: cpus().length, cpu, node: process.version, load }, runs: RUNS, results }, null, 2));

  // Further sections (browser…): bench/*.section.mjs.
  // BENCH_NODE_ONLY=1 skips them, e.g. while tuning the Node path.
  const sections = process.env.BENCH_NODE_ONLY ? [] : readdirSync(here('.')).filter((f) => f.endsWith('.section.mjs'));
  for (const file of sections.sort()) {
    const section = await import(here(`./${file}`));
    await section.default({ collectorUrl: collector.url, printTable });
  }
} finally {
  collector.child.disconnect();
}
