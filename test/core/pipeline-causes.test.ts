// The four causes of pipeline-rejected events that an independent fuzz found (issue 22),
// and consent's `context` check: each now throws a TypeError at the call, naming the
// argument, and the values at the edge of each rule still arrive good at the dev collector.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { startCollector } from '@isotrack/collector';
import { Emitter } from '../../src/index.node.js';
import { Tracker } from '../../src/core/index.js';
import { isDateTime, trackConsentGranted, trackConsentWithdrawn } from '../../src/core/events/consent.js';
import { trackError } from '../../src/core/events/application-error.js';
import { CollectingSink } from '../helpers/collecting-sink.js';
import { itRefusesEach, type RefusalCase } from '../helpers/refusals.js';

const SCHEMA = 'iglu:com.acme/e/jsonschema/1-0-0';
/** An object nested `levels` deep: 1 is `{}`. */
const nested = (levels: number): Record<string, unknown> => (levels <= 1 ? {} : { a: nested(levels - 1) });
const ajvDateTime = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

describe('calls the pipeline would reject throw a TypeError naming the argument', () => {
  const cases: RefusalCase[] = [
    ['trackError isFatal a string', (t) => trackError(t, { message: 'm', isFatal: 'yes' as never }), /isFatal must be a boolean, got "yes"/],
    ['trackError isFatal an object', (t) => trackError(t, { message: 'm', isFatal: {} as never }), /isFatal must be a boolean, got object/],
    ['an event vendor of dots', (t) => t.trackSelfDescribingEvent({ event: { schema: 'iglu:./link_click/jsonschema/1-0-0', data: {} } }), /event\.schema must be an Iglu URI/],
    ['an event vendor of two dots', (t) => t.trackSelfDescribingEvent({ event: { schema: 'iglu:../e/jsonschema/1-0-0', data: {} } }), /event\.schema must be an Iglu URI/],
    ['an entity vendor of dots', (t) => t.trackPageView({ pageUrl: 'https://a.test/', context: [{ schema: 'iglu:.../e/jsonschema/1-0-0', data: {} }] }), /context\[0\]\.schema must be an Iglu URI/],
    ['consent expiry on February 29 of a common year', (t) => trackConsentGranted(t, { id: 'd', version: '1', expiry: '2023-02-29T00:00:00Z' }), /expiry must be a real RFC 3339 date-time/],
    ['consent expiry at minute 60', (t) => trackConsentGranted(t, { id: 'd', version: '1', expiry: '2027-01-01T23:60:00Z' }), /expiry must be/],
    ['consent expiry in month 13', (t) => trackConsentGranted(t, { id: 'd', version: '1', expiry: '2027-13-01T00:00:00Z' }), /expiry must be/],
    ['consent expiry with an offset of 24 hours', (t) => trackConsentGranted(t, { id: 'd', version: '1', expiry: '2027-01-01T00:00:00+24:00' }), /expiry must be/],
    ['event data 63 levels deep', (t) => t.trackSelfDescribingEvent({ event: { schema: SCHEMA, data: nested(63) } }), /event\.data is nested deeper than the collector takes/],
    ['entity data 62 levels deep', (t) => t.trackPageView({ pageUrl: 'https://a.test/', context: [{ schema: SCHEMA, data: nested(62) }] }), /context\[0\]\.data is nested deeper than the collector takes/],
    ['trackConsentGranted with a non-iterable context', (t) => trackConsentGranted(t, { id: 'd', version: '1', context: 5 as never }), /^isotrack: context must be an array of self-describing JSON, got 5$/],
    ['trackConsentWithdrawn with a non-iterable context', (t) => trackConsentWithdrawn(t, { all: true, context: {} as never }), /^isotrack: context must be an array of self-describing JSON, got object$/],
  ];
  itRefusesEach(cases);

  it('a deep entity added by a plugin is refused too, not sent', () => {
    const sink = new CollectingSink();
    const tracker = new Tracker(sink, { plugins: [{ contexts: (event) => void event.contexts.push({ schema: SCHEMA, data: nested(62) }) }] });
    expect(() => tracker.trackPageView({ pageUrl: 'https://a.test/' })).toThrow(/context\.data is nested deeper than the collector takes/);
    expect(sink.events).toHaveLength(0);
  });
});

describe('consent expiry: a date-time the pipeline accepts, no more', () => {
  it('agrees with the pipeline on dates, times, offsets and leap seconds', () => {
    const edges = [
      '2024-02-29T00:00:00Z', '2000-02-29T12:00:00Z', '1900-02-29T12:00:00Z', '2023-02-28T23:59:59.999Z', '2027-04-31T00:00:00Z',
      '2027-12-31T23:59:60Z', '2027-12-31T23:59:60+00:00', '2027-12-31T22:59:60-01:00', '2028-01-01T00:59:60+01:00', '2027-06-30T12:59:60Z',
      '2027-01-01T24:00:00Z', '2027-01-01T00:00:60Z', '2027-00-10T00:00:00Z', '2027-01-00T00:00:00Z', '2027-01-01t00:00:00z', '0000-02-29T00:00:00Z',
    ];
    for (const text of edges) expect([text, isDateTime(text)]).toEqual([text, ajvDateTime(text)]);
    // Any digits in the RFC 3339 shape: the two agree.
    const d = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
    const shaped = fc
      .tuple(d(4), d(2), d(2), d(2), d(2), d(2), fc.constantFrom('Z', 'z', '+', '-'), d(2), d(2))
      .map(([y, mo, da, h, mi, s, zone, oh, om]) => `${y}-${mo}-${da}T${h}:${mi}:${s}${zone == 'Z' || zone == 'z' ? zone : `${zone}${oh}:${om}`}`);
    fc.assert(fc.property(shaped, (text) => isDateTime(text) === ajvDateTime(text)), { numRuns: 20_000, seed: 22 });
  });
});

describe('the values at the edge of each rule arrive good at the collector', () => {
  it('data 62 levels deep in an event, 61 in an entity, a fatal error, a leap-year expiry, a dotted vendor', async () => {
    let good = 0;
    const bad: string[] = [];
    // A schema that takes any object, so that only the nesting is at stake.
    const dir = mkdtempSync(join(tmpdir(), 'isotrack-schemas-'));
    mkdirSync(join(dir, 'com.acme/free/jsonschema'), { recursive: true });
    const self = { vendor: 'com.acme', name: 'free', format: 'jsonschema', version: '1-0-0' };
    writeFileSync(join(dir, 'com.acme/free/jsonschema/1-0-0'), JSON.stringify({ $schema: 'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#', self, type: 'object' }));
    const FREE = 'iglu:com.acme/free/jsonschema/1-0-0';
    const collector = await startCollector({ port: 0, schemaDirs: [dir], onEvent: (record) => ('good' in record ? good++ : bad.push(...record.bad.errors)) });
    try {
      for (const [method, encodeBase64] of [['post', true], ['post', false], ['get', true]] as const) {
        const emitter = new Emitter(collector.url, { method });
        const tracker = new Tracker(emitter, { encodeBase64 });
        tracker.trackSelfDescribingEvent({ event: { schema: FREE, data: nested(62) } });
        tracker.trackStructEvent({ category: 'c', action: 'deep', context: [{ schema: FREE, data: nested(61) }, { schema: FREE, data: { s: '{{{{[[[['.repeat(40) } }] });
        trackError(tracker, { message: 'm', isFatal: true });
        trackError(tracker, { message: 'm', isFatal: false });
        trackConsentGranted(tracker, { id: 'd', version: '1', expiry: '2024-02-29T23:59:60Z' });
        trackConsentGranted(tracker, { id: 'd', version: '1', expiry: '2028-01-01T05:29:60+05:30' });
        await emitter.close();
      }
      expect(bad).toEqual([]);
      expect(good).toBe(18);
    } finally {
      await collector.close();
      rmSync(dir, { recursive: true });
    }
  });
});
