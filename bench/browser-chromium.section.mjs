// The browser section of `npm run bench` (bench/run.mjs loads every *.section.mjs):
// Chromium main-thread CPU time for 1,000 events, the time of one call when events come
// one per task, and the UMD sizes, isotrack beside
// @snowplow/browser-tracker and the bare work of any tracker. The rows come from runBrowserBench() in browser-bench.mjs.
import { runBrowserBench, runStartupBench } from './browser-bench.mjs';

const BUDGET_BYTES = 8_192; // 8 KiB
const BUDGET_MS = 20;

export default async function browserSection({ printTable }) {
  console.log('\nBrowser (Debian Chromium): 1,000 self-describing events with one context, default config, persistence on\n');
  const rows = await runBrowserBench();
  const headers = Object.keys(rows[0]);
  printTable(headers, rows.map((row) => headers.map((h) => row[h])));
  const [iso, snowplow, bare] = rows;
  console.log(`\n${iso['UMD gzip -9 (bytes)'] <= BUDGET_BYTES ? 'PASS' : 'FAIL'}  UMD ≤ ${BUDGET_BYTES} bytes gzip -9`);
  // The verdict uses the cold loop: the first 1,000 events of a page, which a user meets.
  const cold = iso['cold: track loop (ms CPU)'];
  const floor = bare['cold: track loop (ms CPU)'];
  console.log(`${cold <= BUDGET_MS ? 'PASS' : 'FAIL'}  main thread ≤ ${BUDGET_MS} ms for 1,000 events (cold track loop: ${cold} ms CPU; until delivered: ${iso['cold: until delivered (ms CPU)']} ms CPU)`);
  // What no tracker can go below on this machine today: the same events' bare work.
  console.log(`      the bare work alone: ${floor} ms CPU cold; isotrack / bare work: ${(cold / floor).toFixed(2)}x cold, ${(iso['warm: track loop (ms CPU)'] / bare['warm: track loop (ms CPU)']).toFixed(2)}x warm`);
  // One call at a time, as a real page tracks: comparable with the anchor figure
  // for Snowplow (100–190 µs of main thread per event).
  const apart = 'spaced: µs per track() call';
  console.log(`      events one per task: ${iso[apart]} µs per call; Snowplow ${snowplow[apart]} µs; bare work ${bare[apart]} µs (isotrack / bare work: ${(iso[apart] / bare[apart]).toFixed(2)}x)`);
  // Issue 23's budgets, each beside its anchor and the bare work.
  const warm = iso['warm: track loop (ms CPU)'] / bare['warm: track loop (ms CPU)'];
  console.log(`${cold / floor <= 1.2 ? 'PASS' : 'FAIL'}  cold track loop ≤ 1.2x the bare work: ${(cold / floor).toFixed(2)}x (isotrack ${cold} ms, bare work ${floor} ms, Snowplow ${snowplow['cold: track loop (ms CPU)']} ms)`);
  console.log(`${warm <= 1.1 ? 'PASS' : 'FAIL'}  warm track loop ≤ 1.1x the bare work: ${warm.toFixed(2)}x (isotrack ${iso['warm: track loop (ms CPU)']} ms, bare work ${bare['warm: track loop (ms CPU)']} ms, Snowplow ${snowplow['warm: track loop (ms CPU)']} ms)`);
  const start = await runStartupBench();
  const f = (ms) => ms.toFixed(1);
  console.log(
    `${start.isotrackAdded <= 0.5 * start.snowplowAdded ? 'PASS' : 'FAIL'}  longest start-up task, added time ≤ 0.5x Snowplow's: ${(start.isotrackAdded / start.snowplowAdded).toFixed(2)}x ` +
      `(isotrack +${f(start.isotrackAdded)} ms, Snowplow +${f(start.snowplowAdded)} ms over a page without a tracker, whose longest task is ${f(start.none)} ms)`,
  );
}
