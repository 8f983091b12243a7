// The browser section of `npm run bench` (bench/run.mjs loads every *.section.mjs):
// Chromium main-thread CPU time for 1,000 events and the UMD sizes, isotrack beside
// @snowplow/browser-tracker and the bare work of any tracker. The rows come from runBrowserBench() in browser-bench.mjs.
import { runBrowserBench } from './browser-bench.mjs';

const BUDGET_BYTES = 8_192; // 8 KiB
const BUDGET_MS = 20;

export default async function browserSection({ printTable }) {
  console.log('\nBrowser (Debian Chromium): 1,000 self-describing events with one context, default config, persistence on\n');
  const rows = await runBrowserBench();
  const headers = Object.keys(rows[0]);
  printTable(headers, rows.map((row) => headers.map((h) => row[h])));
  const [iso, , bare] = rows;
  console.log(`\n${iso['UMD gzip -9 (bytes)'] <= BUDGET_BYTES ? 'PASS' : 'FAIL'}  UMD ≤ ${BUDGET_BYTES} bytes gzip -9`);
  // The verdict uses the cold loop: the first 1,000 events of a page, which a user meets.
  const cold = iso['cold: track loop (ms CPU)'];
  const floor = bare['cold: track loop (ms CPU)'];
  console.log(`${cold <= BUDGET_MS ? 'PASS' : 'FAIL'}  main thread ≤ ${BUDGET_MS} ms for 1,000 events (cold track loop: ${cold} ms CPU; until delivered: ${iso['cold: until delivered (ms CPU)']} ms CPU)`);
  // What no tracker can go below on this machine today: the same events' bare work.
  console.log(`      the bare work alone: ${floor} ms CPU cold; isotrack / bare work: ${(cold / floor).toFixed(2)}x cold, ${(iso['warm: track loop (ms CPU)'] / bare['warm: track loop (ms CPU)']).toFixed(2)}x warm`);
}
