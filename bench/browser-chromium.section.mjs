// The browser section of `npm run bench` (bench/run.mjs loads every *.section.mjs):
// Chromium main-thread time for 1,000 events and the UMD sizes, isotrack beside
// @snowplow/browser-tracker. The rows come from runBrowserBench() in browser-bench.mjs.
import { runBrowserBench } from './browser-bench.mjs';

const BUDGET_BYTES = 8_192; // 8 KiB
const BUDGET_MS = 20;

export default async function browserSection({ printTable }) {
  console.log('\nBrowser (Debian Chromium): 1,000 self-describing events with one context, default config, persistence on\n');
  const rows = await runBrowserBench();
  const headers = Object.keys(rows[0]);
  printTable(headers, rows.map((row) => headers.map((h) => row[h])));
  const iso = rows[0];
  console.log(`\n${iso['UMD gzip -9 (bytes)'] <= BUDGET_BYTES ? 'PASS' : 'FAIL'}  UMD ≤ ${BUDGET_BYTES} bytes gzip -9`);
  // The verdict uses the cold loop: the first 1,000 events of a page, which a user meets.
  const cold = iso['cold: track loop (ms)'];
  console.log(`${cold <= BUDGET_MS ? 'PASS' : 'FAIL'}  main thread ≤ ${BUDGET_MS} ms for 1,000 events (cold track loop: ${cold} ms; until delivered: ${iso['cold: main thread until delivered (ms)']} ms)`);
}
