// A small app using the generated module: typed calls, a typed entity, the event ids.
// Run it against the dev collector (see README.md); it exits 1 if an event was not delivered.
import { Emitter, Tracker } from 'isotrack';
import { createProduct, trackCheckoutStarted, trackSearchPerformed } from './tracking.js';

const tracker = new Tracker(new Emitter(process.env['COLLECTOR'] ?? 'http://127.0.0.1:9090'), { appId: 'typed-tracking' });

const mug = createProduct({ sku: 'MUG-1', name: 'Mug', price: 9.5 });
trackSearchPerformed(tracker, { query: 'mug', results: 3 });
const id = trackCheckoutStarted(tracker, { orderId: 'o-1001', total: 9.5, currency: 'EUR', coupon: null }, { context: [mug] });

try {
  // A development build validates at the call: the mistake throws here, and nothing is sent.
  trackCheckoutStarted(tracker, JSON.parse('{"orderId": "o-1002", "total": -1, "currency": "EUR"}'));
} catch (error) {
  console.log((error as Error).message);
}

const [result] = await tracker.flush();
console.log(`checkout ${id}: ${result?.ok ? 'delivered' : 'NOT delivered'}`);
process.exitCode = result?.ok ? 0 : 1;
