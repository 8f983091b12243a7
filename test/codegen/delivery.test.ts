// Every one of the 303 Iglu Central schemas, end to end: samples built by fast-check from
// the schema, kept when the generated development validator accepts them, tracked
// through the generated `track<Name>` with a real Tracker to the dev collector on
// loopback, whose ajv validation (an independent implementation) must find every one
// good. Broken samples must throw the TypeError at the call and never be sent.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '@isotrack/collector';
import { Emitter, Tracker } from '../../src/index.node.js';
import { arbitraryOf } from './samples.js';
import { IGLU_CENTRAL, generateAndImport, schemaIndex } from './helpers.js';

const COLLECTOR_CANNOT_COMPILE = [
  'iglu:com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.sauna.commands/command/jsonschema/1-0-0',
];

type Track = (tracker: Tracker, data: unknown) => string;
type Generated = Record<string, unknown>;

let collector: RunningCollector;
let generated: Generated;
const entries = new Map<string, string>(); // uri → <Name>
const index = schemaIndex(IGLU_CENTRAL);

beforeAll(async () => {
  collector = await startCollector({ port: 0, schemaDirs: [IGLU_CENTRAL], maxEvents: 5000 });
  const plan = { schemaDirs: [], include: [], allVersions: true };
  const result = await generateAndImport({ schemaDirs: [IGLU_CENTRAL], plan, validate: true });
  for (const entry of result.entries) entries.set(entry.schema, entry.name);
  generated = result.module;
}, 120_000);
afterAll(() => collector?.close());

/** GET of the collector's API; once more if the kept-alive socket was closed under it (an idempotent read). */
async function api<T>(path: string): Promise<T> {
  const once = async () => (await (await fetch(`${collector.url}${path}`)).json()) as T;
  return once().catch(once);
}
const counts = () => api<{ good: number; bad: number }>('/micro/all');

/** Up to `count` samples of a schema that the generated validator accepts (it throws on the others). */
function validSamples(uri: string, count: number): unknown[] {
  const loaded = index.schemas.find((item) => `iglu:${item.key.vendor}/${item.key.name}/${item.key.format}/${item.key.version}` === uri)!;
  const create = generated[`create${entries.get(uri)}`] as (data: unknown) => unknown;
  const candidates = fc.sample(arbitraryOf(loaded.schema, loaded.schema, index.resolver), { numRuns: 40, seed: 20261206 });
  const accepted: unknown[] = [];
  for (const sample of candidates) {
    try {
      create(sample);
      accepted.push(sample);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
    if (accepted.length === count) break;
  }
  return accepted;
}

it('tracks valid samples of the 294 object schemas of the 303 (the 9 array ones get a type only) through the generated functions, and the dev collector finds every event good (but 2 it cannot compile)', async () => {
  expect(entries.size).toBe(303);
  const trackable = [...entries].filter(([, name]) => typeof generated[`track${name}`] === "function");
  expect(trackable.length).toBe(294);
  const tracker = new Tracker(new Emitter(collector.url, { bufferSize: 50, requestTimeout: 60_000, flushTimeout: 120_000 }), { appId: 'codegen-samples', encodeBase64: false });
  const noSample: string[] = [];
  const tracked = new Map<string, string>(); // event id → schema
  for (const [uri, name] of trackable) {
    const samples = validSamples(uri, 2);
    if (samples.length === 0) noSample.push(uri);
    for (const sample of samples) tracked.set((generated[`track${name}`] as Track)(tracker, sample), uri);
  }
  // The collector compiles each schema on first use: generous timeouts, so that a slow
  // machine does not turn into retries (and duplicates) of events still being validated.
  expect((await tracker.flush()).every((result) => result.ok)).toBe(true);
  const bad = await api<{ errors: string[] }[]>('/micro/bad?limit=10000');
  const good = await api<{ rawEvent: { parameters: Record<string, string> } }[]>('/micro/good?limit=10000');
  expect(noSample).toEqual([]);
  // The dev collector (ajv) cannot compile two schemas whose $ref leaves the schema (the
  // draft-04 meta-schema, and an Iglu Central address): their events are bad for that
  // reason alone, which is all this accepts from them.
  const errors = bad.flatMap((item) => item.errors);
  for (const error of errors) expect(error).toMatch(new RegExp(`^ue_pr event: schema (${COLLECTOR_CANNOT_COMPILE.join('|')}) is unusable: .* does not compile \\(can't resolve reference`));
  expect(new Set(errors.map((error) => /schema (\S+)/.exec(error)?.[1]))).toEqual(new Set(COLLECTOR_CANNOT_COMPILE));
  const expected = [...tracked].filter(([, uri]) => !COLLECTOR_CANNOT_COMPILE.includes(uri)).map(([eid]) => eid);
  expect(new Set(good.map((event) => event.rawEvent.parameters.eid))).toEqual(new Set(expected));
  console.log(`codegen delivery: ${expected.length} events of ${new Set(tracked.values()).size - 2} schemas tracked through generated functions, all good`);
}, 300_000);

/**
 * A sample made invalid in a way the schema states at its root, with the message the
 * validator must give: a required field removed, else an unknown field added to a closed
 * object, else a typed field given a value of another type. `undefined` when the schema's
 * root constrains none of these (it accepts any object).
 */
function breakSample(schema: Record<string, unknown>, sample: Record<string, unknown>): { data: Record<string, unknown>; message: string } | undefined {
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  if (required.length > 0) {
    const data = { ...sample };
    delete data[required[0]!];
    return { data, message: `data is missing the required field ${JSON.stringify(required[0])}` };
  }
  if (schema.additionalProperties === false && !schema.patternProperties) {
    return { data: { ...sample, notInTheSchema: 1 }, message: 'data.notInTheSchema is not allowed' };
  }
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown }>;
  for (const [name, property] of Object.entries(properties)) {
    const types = typeof property.type === 'string' ? [property.type] : Array.isArray(property.type) ? (property.type as string[]) : [];
    if (types.length === 0 || !/^[A-Za-z_$][\w$]*$/.test(name)) continue;
    const wrong = types.includes('boolean') ? 'not a boolean' : true;
    return { data: { ...sample, [name]: wrong }, message: `data.${name} must be ` };
  }
  return undefined;
}

it('throws a TypeError naming the schema and the field for an invalid sample of every schema that constrains its root, and sends nothing', async () => {
  const tracker = new Tracker(new Emitter(collector.url), { appId: 'codegen-invalid' });
  const before = await counts();
  const unconstrained: string[] = [];
  let checked = 0;
  for (const loaded of index.schemas) {
    const uri = `iglu:${loaded.key.vendor}/${loaded.key.name}/${loaded.key.format}/${loaded.key.version}`;
    const track = generated[`track${entries.get(uri)}`] as Track | undefined;
    if (!track) continue; // an array schema: no functions
    const [sample = {}] = validSamples(uri, 1) as Record<string, unknown>[];
    const broken = breakSample(loaded.schema, sample);
    if (!broken) {
      unconstrained.push(uri);
      continue;
    }
    expect(() => track(tracker, broken.data), uri).toThrow(TypeError);
    expect(() => track(tracker, broken.data), uri).toThrow(`isotrack: ${uri}: ${broken.message}`);
    checked++;
  }
  await tracker.flush();
  expect(await counts()).toEqual(before);
  expect(checked + unconstrained.length).toBe(294);
  console.log(`codegen delivery: ${checked} schemas refused an invalid sample with the TypeError, nothing sent; ${unconstrained.length} accept any object at their root`);
}, 300_000);

it('names a nested field with its path, and does not validate when NODE_ENV is production (checked at each call)', async () => {
  const track = generated.trackLinkClick as Track;
  const tracker = new Tracker(new Emitter(collector.url), { appId: 'codegen-prod' });
  expect(() => track(tracker, { targetUrl: 42 })).toThrow(
    'isotrack: iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1: data.targetUrl must be a string, got 42',
  );
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    // No validator in production: the broken event goes out, and the pipeline (here the collector) rejects it.
    expect(track(tracker, { targetUrl: 42 })).toMatch(/^[0-9a-f-]{36}$/);
  } finally {
    process.env.NODE_ENV = previous;
  }
  await tracker.flush();
  const bad = await api<{ errors: string[] }[]>('/micro/bad');
  expect(bad.flatMap((item) => item.errors).join('\n')).toContain('targetUrl');
});
