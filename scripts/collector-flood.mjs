// Worst-case memory of the collector at its DEFAULT byte budget: near-cap (1 MB) bodies,
// first valid events that are kept whole, then non-JSON bodies that are kept as a cut.
// FLOOD_REQUESTS sets how many of each; prints the collector's RSS as it goes.
import { startChildCollector } from './collector-child.mjs';

const N = Number(process.env.FLOOD_REQUESTS ?? 600);
const MiB = 1024 * 1024;
const PAYLOAD_DATA = 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4';
const filler = 'a'.repeat(1_000_000);
const collector = await startChildCollector(process.argv.slice(2));
// One retry: a kept-alive socket may be closed by the server just as the client reuses it.
const post = (body, type) => send(body, type).catch(() => send(body, type));
const send = (body, type) => fetch(`${collector.url}/com.snowplowanalytics.snowplow/tp2`, { method: 'POST', headers: { 'Content-Type': type }, body }).then((r) => r.arrayBuffer());
const good = (i) => JSON.stringify({ schema: PAYLOAD_DATA, data: [{ e: 'pv', p: 'web', tv: 'flood', url: `https://example.com/${i}/${filler}` }] });
const rss = [];
try {
  for (const [kind, make, type] of [['good', good, 'application/json'], ['bad', (i) => `${i} ${filler}`, 'text/plain']]) {
    for (let i = 0; i < N; i += 4) {
      await Promise.all([0, 1, 2, 3].map((k) => post(make(i + k), type)));
      if ((i + 4) % (N / 5) === 0) rss.push(`${kind}${i + 4}:${Math.round(collector.rss() / MiB)}`);
    }
  }
  console.log(`flood RSS MiB (default budget unless flags given): ${rss.join(' ')}; peak ${Math.max(...rss.map((s) => Number(s.split(':')[1])))}`);
} finally {
  await collector.stop();
}
