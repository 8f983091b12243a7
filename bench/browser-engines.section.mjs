// The per-engine browser section of `npm run bench` (bench/run.mjs loads every
// *.section.mjs): in Chromium, Firefox ESR and WebKitGTK, the main-thread time of
// tracking 1,000 events and the unload result, isotrack beside @snowplow/browser-tracker.
// The rows come from runEnginesBench() in browser-engines.mjs.
import { runEnginesBench } from './browser-engines.mjs';

export default async function enginesSection({ printTable }) {
  console.log('\nBrowser engines: 1,000 self-describing events with one context (wall time of the tracking task, in the page), and 50 events of 1.3 KB followed at once by a cross-origin navigation\n');
  const rows = await runEnginesBench();
  const headers = Object.keys(rows[0]);
  printTable(headers, rows.map((row) => headers.map((h) => row[h])));
}
