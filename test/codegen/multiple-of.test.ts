// `multipleOf: 0.01` (every amount of Snowplow's ecommerce schemas) in the generated
// validators, as the pipeline checks it: 19.99 is a whole number of cents, though
// 19.99 / 0.01 is 1998.9999999999998 in floating point. A development build must not
// throw on a price the pipeline accepts, and must still throw on one between cents.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { expect, it } from 'vitest';
import { generate } from '../../codegen/src/index.js';
import { Tracker } from '../../src/index.js';
import { CollectingSink } from '../helpers/collecting-sink.js';
import { scratch } from './helpers.js';

type Api = { trackPriced(tracker: Tracker, data: unknown): string };

async function pricedModule(): Promise<Api> {
  const dir = scratch('multiple-of');
  mkdirSync(join(dir, 'com.acme/priced/jsonschema'), { recursive: true });
  const schema = {
    $schema: 'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
    self: { vendor: 'com.acme', name: 'priced', format: 'jsonschema', version: '1-0-0' },
    type: 'object',
    properties: { price: { type: 'number', minimum: 0, maximum: 9999999.99, multipleOf: 0.01 } },
    required: ['price'],
    additionalProperties: false,
  };
  writeFileSync(join(dir, 'com.acme/priced/jsonschema/1-0-0'), JSON.stringify(schema));
  const { code } = await generate({ schemaDirs: [dir], validate: 'always', format: 'js' });
  return vm.runInContext(`${code.replace(/^export (const|function) /gm, '$1 ')}\n({ trackPriced });`, vm.createContext({})) as Api;
}

it('accepts whole cents that floating point cannot divide exactly, and refuses amounts between cents', async () => {
  const api = await pricedModule();
  const sink = new CollectingSink();
  const whole = [19.99, 64.99, 1.15, 0.07, 1234.56, 9139216.62, 5];
  // All but 5 are cases a floating-point division gets wrong.
  expect(whole.filter((price) => !Number.isInteger(price / 0.01))).toEqual(whole.slice(0, -1));
  for (const price of whole) api.trackPriced(new Tracker(sink), { price });
  expect(sink.events).toHaveLength(whole.length);
  for (const price of [1.005, 0.001, 1.00000000001]) {
    expect(() => api.trackPriced(new Tracker(sink), { price })).toThrow(`data.price must be a multiple of 0.01, got ${price}`);
  }
  expect(sink.events).toHaveLength(whole.length);
});
