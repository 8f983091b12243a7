// `npm run soak`: 200,000 small events from the isotrack Node tracker to the collector
// (validation on: payload_data, a self-describing event and an entity, all through ajv),
// reporting the tracker's and the collector's throughput and the collector's RSS over time.
// SOAK_EVENTS sets the count; the last line printed is a JSON summary.
import { startChildCollector } from './collector-child.mjs';

const N = Number(process.env.SOAK_EVENTS ?? 200_000);
const SAMPLES = 10;
const MiB = 1024 * 1024;

const { Emitter, Tracker } = await import('../dist/node.js');
const collector = await startChildCollector(process.argv.slice(2));
const counts = async () => (await fetch(`${collector.url}/micro/all`)).json();

try {
  const tracker = new Tracker(new Emitter(collector.url), { namespace: 'soak', appId: 'soak' });
  const entity = { schema: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0', data: { id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' } };
  const event = (i) => ({ schema: 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1', data: { targetUrl: `https://example.com/${i}` } });

  const rss = [];
  const start = performance.now();
  let trackMs = 0;
  for (let sample = 1; sample <= SAMPLES; sample++) {
    const from = ((sample - 1) * N) / SAMPLES;
    const to = (sample * N) / SAMPLES;
    const t = performance.now();
    for (let i = from; i < to; i++) tracker.trackSelfDescribingEvent({ event: event(i), context: [entity] });
    trackMs += performance.now() - t;
    await tracker.flush();
    while ((await counts()).total < to) await new Promise((r) => setTimeout(r, 20));
    rss.push(collector.rss());
  }
  const elapsedMs = performance.now() - start;
  const final = await counts();
  const summary = {
    events: N,
    good: final.good,
    bad: final.bad,
    trackerEventsPerSecond: Math.round(N / (trackMs / 1000)),
    collectorEventsPerSecond: Math.round(N / (elapsedMs / 1000)),
    rssMiB: rss.map((bytes) => Math.round(bytes / MiB)),
  };
  console.error(
    `soak: ${N} events, ${final.good} good / ${final.bad} bad; tracker ${summary.trackerEventsPerSecond}/s, ` +
      `collector sustained ${summary.collectorEventsPerSecond}/s (validation on); collector RSS MiB per tenth: ${summary.rssMiB.join(' ')}`,
  );
  console.log(JSON.stringify(summary));
} finally {
  await collector.stop();
}
