// What both tracker children share: the event, the timing and the report, so that
// the two sides of the comparison measure exactly the same thing.
export const N = Number(process.env.BENCH_EVENTS ?? 100_000);
export const COLLECTOR = process.env.COLLECTOR ?? 'http://127.0.0.1:9090';

export const event = (i) => ({
  schema: 'iglu:com.acme/viewed_product/jsonschema/1-0-0',
  data: { productId: 'ASO01043', name: 'Blue T-shirt', price: 49.95, quantity: 1, index: i },
});
export const context = [{ schema: 'iglu:com.acme/user/jsonschema/1-0-0', data: { type: 'tester', userId: 'u-7781', plan: 'pro' } }];

async function collectorStats() {
  const res = await fetch(`${COLLECTOR}/stats`);
  return res.json();
}

/** Waits until the collector holds `n` events, or until it made no progress for 5 s. */
export async function waitForDelivery(n) {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const { events } = await collectorStats();
    if (events >= n) return events;
    if (events !== last) [last, lastChange] = [events, Date.now()];
    else if (Date.now() - lastChange > 5_000) return events;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Tracks N events in a tight loop with `track(i)`, then `flush()`, then waits until
 * the collector has them all; prints one JSON line for bench/run.mjs.
 */
export async function measure(track, flush) {
  // A short warm-up so both sides are timed with JIT-compiled code paths, then reset.
  for (let i = 0; i < 200; i++) track(i);
  await flush();
  await waitForDelivery(200);
  await fetch(`${COLLECTOR}/reset`);

  const start = performance.now();
  // CPU time too: on a shared machine the wall time of the loop also counts other
  // processes' bursts; the process's CPU time counts only the loop's own work.
  const cpu = process.cpuUsage();
  for (let i = 0; i < N; i++) track(i);
  const tracked = performance.now();
  const { user, system } = process.cpuUsage(cpu);
  await flush();
  const delivered = await waitForDelivery(N);
  const end = performance.now();
  const stats = await collectorStats();
  process.stdout.write(
    JSON.stringify({
      trackUs: ((tracked - start) * 1000) / N,
      trackCpuUs: (user + system) / N,
      elapsedMs: end - start,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      delivered,
      requests: stats.requests,
      bytes: stats.bytes,
    }) + '\n',
  );
}
