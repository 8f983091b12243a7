// Global contexts, a filter plugin, consent and errors from the Node entry, end to end:
// the dev collector validates every event against its Iglu schemas.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCollector } from '@isotrack/collector';
import {
  Emitter,
  Tracker,
  addGlobalContexts,
  trackConsentGranted,
  trackConsentWithdrawn,
  trackError,
} from '../../src/index.node.js';

let collector: Awaited<ReturnType<typeof startCollector>>;
beforeAll(async () => {
  collector = await startCollector({ port: 0 });
});
afterAll(() => collector.close());

interface Good {
  rawEvent: { parameters: Record<string, string> };
}

it('sends global contexts on exactly the events their rules select, drops filtered events, and every event is good', async () => {
  const emitter = new Emitter(collector.url);
  const tracker = new Tracker(emitter, { appId: 'node-e2e', plugins: [{ filter: ({ e }) => e !== 'pp' }] });
  const session = { schema: 'iglu:com.snowplowanalytics.snowplow/client_session/jsonschema/1-0-2', data: { userId: '4a7c4b44-1d7a-4a5e-8b8e-2f0f6a1c2d3e', sessionId: '9f6b5c3e-2a1d-4e8f-9b7c-6d5e4f3a2b1c', sessionIndex: 1, previousSessionId: null, storageMechanism: 'SQLITE' } };
  const page = { schema: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0', data: { id: '0b9a5f4e-3c2d-4e1f-8a7b-6c5d4e3f2a1b' } };
  addGlobalContexts(tracker, [
    session,
    [
      { accept: ['iglu:com.snowplowanalytics.snowplow/consent_granted/jsonschema/1-*-*', 'iglu:com.snowplowanalytics.*/consent_withdrawn/jsonschema/*-*-*'] },
      () => page,
    ],
  ]);
  trackConsentGranted(tracker, { id: 'terms', version: '3', expiry: '2030-01-01T00:00:00.000Z' });
  trackConsentWithdrawn(tracker, { all: true });
  trackError(tracker, { message: 'boom', error: new TypeError('boom') });
  tracker.trackStructEvent({ category: 'c', action: 'a' });
  tracker.trackPagePing({ pageUrl: 'https://a.test/', minX: 0, maxX: 0, minY: 0, maxY: 0 });
  const result = await tracker.flush();
  expect(result[0]).toMatchObject({ ok: true });
  expect(tracker.stats().filtered).toBe(1);

  const counts = (await (await fetch(`${collector.url}/micro/all`)).json()) as { good: number; bad: number };
  expect(counts).toMatchObject({ good: 4, bad: 0 });
  const good = ((await (await fetch(`${collector.url}/micro/good`)).json()) as Good[]).map((g) => g.rawEvent.parameters);
  const entitiesOf = (p: Record<string, string>) =>
    (JSON.parse(Buffer.from(p.cx!, 'base64url').toString('utf8')) as { data: { schema: string }[] }).data.map((e) => e.schema.split('/')[1]);
  const eventName = (p: Record<string, string>) =>
    p.e === 'ue' ? (JSON.parse(Buffer.from(p.ue_px!, 'base64url').toString('utf8')) as { data: { schema: string } }).data.schema.split('/')[1] : p.e;
  const byName = Object.fromEntries(good.map((p) => [eventName(p), entitiesOf(p)]));
  expect(byName).toEqual({
    consent_granted: ['consent_document', 'client_session', 'web_page'],
    consent_withdrawn: ['client_session', 'web_page'],
    application_error: ['client_session'],
    se: ['client_session'],
  });
  await tracker.close();
});
