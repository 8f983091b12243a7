// The bare work of delivering these events, with no tracker: an event id, the two
// JSON encodings and two base64 encodings of the event and its entity, the event
// object's JSON, batching, and keep-alive POSTs. The speed targets were set
// against this floor on a quieter day (5.7 µs per event, 93,000 events/s), so the
// bench scales them by what this floor measures in the same run.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { COLLECTOR, context, event, measure } from './node-common.mjs';

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const url = new URL('/com.snowplowanalytics.snowplow/tp2', COLLECTOR);
const envelope = '{"schema":"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4","data":[';
let batch = [];
const inFlight = new Set();

function post(events) {
  const stm = String(Date.now());
  const body = envelope + events.map((json) => `{"stm":"${stm}",${json.slice(1)}`).join(',') + ']}';
  const request = new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json; charset=utf-8' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });
  inFlight.add(request);
  request.finally(() => inFlight.delete(request));
}

function track(i) {
  const ue = JSON.stringify({ schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0', data: event(i) });
  const cx = JSON.stringify({ schema: 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0', data: context });
  const json = JSON.stringify({
    e: 'ue', eid: randomUUID(), tv: 'bare-0', tna: 'bench', aid: 'bench', p: 'srv', dtm: String(Date.now()),
    ue_px: Buffer.from(ue).toString('base64url'),
    cx: Buffer.from(cx).toString('base64url'),
  });
  batch.push(json);
  // The same batch size as isotrack's Node default, so the request counts compare.
  if (batch.length >= 100) {
    post(batch);
    batch = [];
  }
}

async function flush() {
  if (batch.length) post(batch);
  batch = [];
  while (inFlight.size) await Promise.all(inFlight);
}

await measure(track, flush);
agent.destroy();
