// `multipleOf: 0.01` (every amount of the Snowplow ecommerce schemas) as the pipeline reads
// it: 19.99 is a whole number of cents. In binary floating point 19.99 / 0.01 is
// 1998.9999999999998, and a plain check calls it bad; the dev collector must not turn a
// price the pipeline accepts into a failed event. An amount between cents stays bad.
import { describe, expect, it } from 'vitest';
import { b64url, bad, badErrors, contexts, counts, event, good, postEvents, sdj, unstruct, useCollector } from './helpers.js';

const VENDOR = 'iglu:com.snowplowanalytics.snowplow.ecommerce/';
const ACTION = sdj(`${VENDOR}snowplow_ecommerce_action/jsonschema/1-0-2`, { type: 'product_view' });
const product = (price: number) => sdj(`${VENDOR}product/jsonschema/1-0-0`, { id: 'sku-1', category: '', price, currency: 'EUR' });

const live = useCollector({ port: 0 });

describe('multipleOf: 0.01 in the dev collector', () => {
  it('accepts whole cents that binary floating point cannot divide exactly (19.99, 64.99, 1.15, 0.07, 9139216.62)', async () => {
    const prices = [19.99, 64.99, 1.15, 0.07, 1234.56, 9139216.62];
    for (const price of prices) expect((price / 0.01) % 1, `${price} is a case the plain check gets wrong`).not.toBe(0);
    await postEvents(live.url, prices.map((price) => event({ e: 'ue', ue_px: b64url(unstruct(ACTION)), cx: b64url(contexts(product(price))) })));
    await expect.poll(async () => (await counts(live.url)).total).toBe(prices.length);
    expect(await badErrors(live.url)).toEqual([]);
    expect(await good(live.url)).toHaveLength(prices.length);
  });

  it('refuses an amount between cents (1.005, 0.001)', async () => {
    await postEvents(live.url, [1.005, 0.001].map((price) => event({ e: 'ue', ue_px: b64url(unstruct(ACTION)), cx: b64url(contexts(product(price))) })));
    await expect.poll(async () => (await bad(live.url)).length).toBe(2);
    expect((await badErrors(live.url)).every((line) => /price must be multiple of 0\.01/.test(line))).toBe(true);
  });
});
