// Tracks one event of every type through isotrack's public API, with entities
// and a subject, then flushes. `npm run demo` runs it against the dev collector.
//
//   ISOTRACK_COLLECTOR=http://127.0.0.1:9090 node examples/node/track-everything.mjs
//
// The last line of output is JSON, `{"tracked": <number of events>}`, so that a
// script can check that every event arrived.
import { randomUUID } from 'node:crypto';
import { arch, cpus, platform, release } from 'node:os';
import { Emitter, Subject, Tracker } from 'isotrack';

const collector = process.env.ISOTRACK_COLLECTOR ?? 'http://127.0.0.1:9090';

const failures = [];
const onFailure = (successCount, failedEvents, info) => failures.push({ failed: failedEvents.length, info });

// POST batches (the default), and a second tracker that sends GET requests
// with plain-JSON `ue_pr`/`co`, so both collector paths and both encodings are used.
const postEmitter = new Emitter(collector, { bufferSize: 5, onFailure });
const getEmitter = new Emitter(collector, { method: 'get', onFailure });

const subject = new Subject()
  .setUserId('demo-user@example.com')
  .setScreenResolution(1920, 1080)
  .setViewport(1280, 720)
  .setLang('en-GB')
  .setTimezone('Europe/London')
  .setDomainUserId(randomUUID())
  .setDomainSessionId(randomUUID())
  .setDomainSessionIndex(3);

const tracker = new Tracker(postEmitter, { appId: 'isotrack-example', namespace: 'example', subject });
const getTracker = new Tracker(getEmitter, {
  appId: 'isotrack-example',
  namespace: 'example-get',
  subject,
  encodeBase64: false,
});

// Entities attached to events: a page and the machine this runs on.
const webPage = { schema: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0', data: { id: randomUUID() } };
const desktop = {
  schema: 'iglu:com.snowplowanalytics.snowplow/desktop_context/jsonschema/1-0-0',
  data: { osType: platform(), osVersion: release(), osIs64Bit: arch().endsWith('64'), deviceProcessorCount: cpus().length },
};
const context = [webPage, desktop];
const pageUrl = 'https://shop.example/products/espresso-cup';

let tracked = 0;
/** Runs one track call that produces `events` events (a transaction produces one per item too). */
function track(events, call) {
  call();
  tracked += events;
}

track(1, () => tracker.trackPageView({ pageUrl, pageTitle: 'Espresso cup', referrer: 'https://search.example/?q=cup', context }));
track(1, () => tracker.trackPagePing({ pageUrl, minX: 0, maxX: 20, minY: 0, maxY: 640, context }));
track(1, () => tracker.trackStructEvent({ category: 'product', action: 'zoom', label: 'espresso-cup', property: 'image-2', value: 2.5, context }));
track(1, () =>
  tracker.trackSelfDescribingEvent({
    event: {
      schema: 'iglu:com.snowplowanalytics.snowplow/timing/jsonschema/1-0-0',
      data: { category: 'page', variable: 'first-render', timing: 182, label: 'product' },
    },
    context,
  }),
);
track(1, () => tracker.trackScreenView({ name: 'product-detail', type: 'product', context }));
track(1, () => tracker.trackLinkClick({ targetUrl: 'https://shop.example/cart', elementId: 'go-to-cart', elementClasses: ['btn'], context }));
track(1, () => tracker.trackAddToCart({ sku: 'CUP-01', quantity: 2, name: 'Espresso cup', unitPrice: 12.5, currency: 'EUR', context }));
track(1, () => tracker.trackRemoveFromCart({ sku: 'CUP-01', quantity: 1, unitPrice: 12.5, currency: 'EUR', context }));
track(1, () => tracker.trackFormChange({ formId: 'checkout', elementId: 'email', nodeName: 'INPUT', type: 'email', value: null, context }));
track(1, () =>
  tracker.trackFormSubmit({
    formId: 'checkout',
    formClasses: ['checkout-form'],
    elements: [
      { name: 'email', nodeName: 'INPUT', type: 'email', value: null },
      { name: 'notes', nodeName: 'TEXTAREA', value: 'Gift wrap, please' },
    ],
    context,
  }),
);
track(1, () => tracker.trackSiteSearch({ terms: ['espresso', 'cup'], filters: { colour: 'white' }, totalResults: 14, pageResults: 10, context }));
track(3, () =>
  tracker.trackEcommerceTransaction({
    orderId: `order-${randomUUID().slice(0, 8)}`,
    totalValue: 37.5,
    taxValue: 6.25,
    shipping: 4.95,
    city: 'Lisbon',
    country: 'PT',
    currency: 'EUR',
    items: [
      { sku: 'CUP-01', price: 12.5, quantity: 2, name: 'Espresso cup', category: 'kitchen' },
      { sku: 'SAUCER-01', price: 7.55, quantity: 1, name: 'Saucer', category: 'kitchen' },
    ],
    context,
  }),
);
// The same kinds of event once more over GET, with plain JSON entities.
track(1, () => getTracker.trackPageView({ pageUrl, pageTitle: 'Espresso cup (GET)', context }));
track(1, () => getTracker.trackScreenView({ name: 'checkout', context }));

await Promise.all([tracker.flush(), getTracker.flush()]);
await Promise.all([tracker.close(), getTracker.close()]);

if (failures.length > 0) {
  const last = failures.at(-1);
  console.error(`isotrack example: ${failures.length} requests failed (last: ${JSON.stringify(last.info)})`);
}
console.log(`isotrack example: tracked ${tracked} events to ${collector}`);
console.log(JSON.stringify({ tracked }));
