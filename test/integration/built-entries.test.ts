// Runs the BUILT package (dist/, through package.json exports) from a consumer
// project against the dev collector on loopback, which validates every event
// against the Iglu schemas exactly as the pipeline would.
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCollector } from '@isotrack/collector';
import { makeConsumerProject, runIn } from '../helpers/consumer-project.js';

const fixture = resolve(import.meta.dirname, '../fixtures/track-every-event.cjs');
let collector: Awaited<ReturnType<typeof startCollector>>;
let consumer: string;

beforeAll(async () => {
  collector = await startCollector({ port: 0 });
  consumer = await makeConsumerProject('built-entries');
}, 600_000);
afterAll(async () => collector?.close());
beforeEach(async () => {
  await fetch(`${collector.url}/micro/reset`);
});

interface GoodEvent { rawEvent: { parameters: Record<string, string> } }
interface BadEvent { errors: string[] }

async function received() {
  const good = (await (await fetch(`${collector.url}/micro/good`)).json()) as GoodEvent[];
  const bad = (await (await fetch(`${collector.url}/micro/bad`)).json()) as BadEvent[];
  return { good, bad };
}

const variants = [
  { method: 'post', encodeBase64: true },
  { method: 'post', encodeBase64: false },
  { method: 'get', encodeBase64: true },
  { method: 'get', encodeBase64: false },
] as const;

for (const format of ['esm', 'cjs'] as const) {
  describe(`built ${format.toUpperCase()} entry from a consumer project`, () => {
    for (const options of variants) {
      it(`delivers one schema-valid event of every type (${options.method.toUpperCase()}, encodeBase64: ${options.encodeBase64})`, async () => {
        const load = format === 'esm' ? "await import('isotrack')" : "require('isotrack')";
        const script = `
          const trackEveryEvent = require(${JSON.stringify(fixture)});
          (async () => {
            const isotrack = ${load};
            const ids = await trackEveryEvent(isotrack, process.env.COLLECTOR, ${JSON.stringify(options)});
            console.log(JSON.stringify(ids));
          })();`;
        const stdout = await runIn(consumer, `run-${format}.cjs`, script, { COLLECTOR: collector.url });
        const ids = JSON.parse(stdout.trim().split('\n').pop()!) as string[];
        const { good, bad } = await received();
        expect(bad.flatMap((b) => b.errors)).toEqual([]);
        expect(ids).toHaveLength(12);
        // 12 track calls, and the transaction adds one item event.
        expect(good).toHaveLength(13);
        const eids = good.map((g) => g.rawEvent.parameters.eid);
        for (const id of ids) expect(eids).toContain(id);
        expect(new Set(eids).size).toBe(13);
        const key = options.encodeBase64 ? 'cx' : 'co';
        for (const g of good) expect(g.rawEvent.parameters).toHaveProperty(key);
        for (const g of good) expect(g.rawEvent.parameters.stm).toMatch(/^\d+$/);
      });
    }
  });
}

describe('bad input in the built package', () => {
  it('throws a TypeError naming the argument, and a good event right after still arrives', async () => {
    const script = `
      const { Tracker, Emitter } = require('isotrack');
      const tracker = new Tracker(new Emitter(process.env.COLLECTOR), { appId: 'bad-input' });
      const circular = {}; circular.self = circular;
      const attempts = [
        () => tracker.trackSelfDescribingEvent({ event: { schema: 'not-an-iglu-uri', data: {} } }),
        () => tracker.trackSelfDescribingEvent({ event: { schema: 'iglu:com.acme/e/jsonschema/1-0-0', data: circular } }),
        () => tracker.trackSelfDescribingEvent({ event: { schema: 'iglu:com.acme/e/jsonschema/1-0-0', data: { n: 1n } } }),
        () => tracker.trackStructEvent({ action: 'no category' }),
        () => tracker.trackPageView({ pageUrl: 'https://a.test/', context: [{ nope: true }] }),
      ];
      const errors = attempts.map((attempt) => {
        try { attempt(); return 'no error'; } catch (e) { return (e instanceof TypeError ? 'TypeError: ' : 'other: ') + e.message; }
      });
      const id = tracker.trackStructEvent({ category: 'after', action: 'bad input' });
      tracker.flush().then(() => console.log(JSON.stringify({ errors, id })));`;
    const { errors, id } = JSON.parse((await runIn(consumer, 'bad-input.cjs', script, { COLLECTOR: collector.url })).trim()) as {
      errors: string[];
      id: string;
    };
    expect(errors[0]).toMatch(/^TypeError: .*event\.schema/);
    expect(errors[1]).toMatch(/^TypeError: .*event\.data cannot be serialised/);
    expect(errors[2]).toMatch(/^TypeError: .*event\.data cannot be serialised/);
    expect(errors[3]).toMatch(/^TypeError: .*category/);
    expect(errors[4]).toMatch(/^TypeError: .*context\[0\]/);
    const { good, bad } = await received();
    expect(bad).toEqual([]);
    expect(good.map((g) => g.rawEvent.parameters.eid)).toEqual([id]);
  });
});
