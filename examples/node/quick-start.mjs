// The README's Node example, runnable against the dev collector with your own schemas:
//
//   npx isotrack-collector --schemas examples/node/schemas     (terminal 1)
//   node examples/node/quick-start.mjs                         (terminal 2)
//
// then open http://127.0.0.1:9090/micro/ui: one good event, com.acme/checkout with a
// com.acme/cart entity. The collector knows those schemas from examples/node/schemas
// (vendor/name/jsonschema/version); without --schemas the event is bad ("not found").
import { Tracker, Emitter, Subject } from 'isotrack';

const emitter = new Emitter(process.env.ISOTRACK_COLLECTOR ?? 'http://127.0.0.1:9090');
const tracker = new Tracker(emitter, { namespace: 'cf', appId: 'cf29ea', encodeBase64: false });

tracker.setSubject(new Subject().setUserId('user-42').setLang('en-GB'));
const eventId = tracker.trackSelfDescribingEvent({
  event: { schema: 'iglu:com.acme/checkout/jsonschema/1-0-0', data: { total: 42 } },
  context: [{ schema: 'iglu:com.acme/cart/jsonschema/1-0-0', data: { items: 3 } }],
});
console.log('tracked', eventId);

await tracker.flush();
