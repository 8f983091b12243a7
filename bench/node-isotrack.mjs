// isotrack with its DEFAULT configuration, from the built Node entry.
import { measure } from './node-common.mjs';
import { COLLECTOR, context, event } from './node-common.mjs';

const { Emitter, Tracker } = await import(process.env.ISOTRACK_ENTRY ?? '../dist/node.js');
const tracker = new Tracker(new Emitter(COLLECTOR), { namespace: 'bench', appId: 'bench' });

await measure(
  (i) => tracker.trackSelfDescribingEvent({ event: event(i), context }),
  () => tracker.flush(),
);
