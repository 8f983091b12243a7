// @snowplow/node-tracker with its defaults, except a store large enough to hold the
// whole burst (its default keeps 1,000 events and silently drops the rest).
import { createRequire } from 'node:module';
import { buildSelfDescribingEvent, newTracker } from '@snowplow/node-tracker';
import { COLLECTOR, N, context, event, measure } from './node-common.mjs';

// The store factory of the tracker-core version the node tracker itself uses.
const require = createRequire(createRequire(import.meta.url).resolve('@snowplow/node-tracker'));
const { newInMemoryEventStore } = require('@snowplow/tracker-core');

const url = new URL(COLLECTOR);
const tracker = newTracker(
  { namespace: 'bench', appId: 'bench' },
  {
    endpoint: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    eventStore: newInMemoryEventStore({ maxSize: N * 2 }),
  },
);

await measure(
  (i) => tracker.track(buildSelfDescribingEvent({ event: event(i) }), context),
  () => tracker.flush(),
);
