// `npm run demo`: starts the dev collector, runs the Node example that tracks one
// event of every type, and prints what arrived. Exits 0 only when every event
// the example tracked arrived and passed validation.
//
//   npm run demo               build, run, summarise; in a terminal, then keep the
//                              collector running for the events page until Ctrl+C
//   npm run demo -- --no-keep  stop after the summary (what a non-terminal run does, e.g. CI)
//   npm run demo -- --keep     keep it running even when not in a terminal
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startCollector } from '@isotrack/collector';

const PREFERRED_PORT = 9090;
// Delivery normally finishes before the example exits (it flushes); this only
// bounds the wait if a request is somehow still in flight.
const SETTLE_TIMEOUT_MS = 10_000;
// The README sends a newcomer to the events page: in a terminal, it must still be there.
const keep = process.argv.includes('--keep') || (Boolean(process.stdout.isTTY) && !process.argv.includes('--no-keep'));
const example = fileURLToPath(new URL('../examples/node/track-everything.mjs', import.meta.url));

async function start() {
  try {
    return await startCollector({ port: PREFERRED_PORT });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    console.log(`Port ${PREFERRED_PORT} is busy; using a free port instead.`);
    return startCollector({ port: 0 });
  }
}

/** Runs the example; resolves with its exit code and the `tracked` count from its last JSON line. */
function runExample(collectorUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [example], {
      env: { ...process.env, ISOTRACK_COLLECTOR: collectorUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const lines = stdout.trim().split('\n');
      for (const line of lines.slice(0, -1)) console.log(`  example │ ${line}`);
      let tracked;
      try {
        tracked = JSON.parse(lines.at(-1) ?? '').tracked;
      } catch {
        if (lines.at(-1)) console.log(`  example │ ${lines.at(-1)}`);
      }
      resolve({ code: code ?? (signal ? 1 : 0), tracked: Number.isInteger(tracked) ? tracked : undefined });
    });
  });
}

async function waitForEvents(collector, expected) {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (collector.store.counts().total < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One line per event type (and schema, for self-describing events). */
function summarise(events, label) {
  const groups = new Map();
  for (const event of events) {
    const params = event.rawEvent?.parameters ?? {};
    const code = typeof params.e === 'string' ? params.e : '?';
    const what = event.schema ?? event.eventType ?? (event.rawEvent ? '(event)' : '(request)');
    const key = `${code.padEnd(3)} ${what}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const width = Math.max(0, ...[...groups.keys()].map((key) => key.length));
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `  ${key.padEnd(width)}  ${n} ${label}`);
}

const collector = await start();
console.log(`isotrack demo: collector on ${collector.url}, running ${example}`);
console.log(
  keep
    ? `The collector keeps running after the summary for the events page (${collector.url}/micro/ui); press Ctrl+C to stop it.\n`
    : 'The collector stops after the summary (`npm run demo -- --keep` keeps it running for the events page).\n',
);
const run = await runExample(collector.url);
if (run.tracked !== undefined) await waitForEvents(collector, run.tracked);

const counts = collector.store.counts();
const good = collector.store.listGood().reverse();
const bad = collector.store.listBad().reverse();
console.log('');
console.log(`Example tracked ${run.tracked ?? '?'} events; the collector received ${counts.total}: ${counts.good} good, ${counts.bad} bad.`);
console.log('');
for (const line of summarise(good, 'good')) console.log(line);
for (const line of summarise(bad, 'bad')) console.log(line);
const entities = new Map();
for (const event of good) for (const uri of event.contexts) entities.set(uri, (entities.get(uri) ?? 0) + 1);
if (entities.size > 0) {
  console.log('\n  entities attached:');
  for (const [uri, n] of entities) console.log(`    ${uri}  on ${n} events`);
}
for (const event of bad) {
  console.log(`\n  bad event (${event.collectorPayload.method} ${event.collectorPayload.path}):`);
  for (const error of event.errors) console.log(`    - ${error}`);
}
console.log(`\nEvents page: ${collector.url}/micro/ui`);

const problems = [];
if (run.code !== 0) problems.push(`the example exited with code ${run.code}`);
if (run.tracked === undefined) problems.push('the example did not print {"tracked": N} as its last line');
else if (counts.good !== run.tracked) problems.push(`${run.tracked} events tracked but ${counts.good} arrived good`);
if (counts.bad > 0) problems.push(`${counts.bad} bad events`);

if (problems.length === 0) console.log(`OK: all ${run.tracked} example events arrived and are valid.`);
else console.log(`FAILED: ${problems.join('; ')}.`);

if (keep) {
  console.log(`The collector keeps running: open ${collector.url}/micro/ui; press Ctrl+C to stop.`);
  const stop = () => collector.close().then(() => process.exit(problems.length === 0 ? 0 : 1));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  await collector.close();
  process.exitCode = problems.length === 0 ? 0 : 1;
}
