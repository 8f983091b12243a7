// The dev collector started with the codegen plan (`--plan isotrack.codegen.json`):
// per planned schema, its good and bad events and whether it was never seen, on
// /micro/plan and on the events page (read in Chromium, as a user sees it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { startCollector, type RunningCollector } from '../../collector/src/index.js';
import { Emitter, Tracker } from '../../src/index.node.js';
import { launchChromium } from '../consumers/helpers.js';
import { ACME, generateAndImport, scratch } from './helpers.js';

const CHECKOUT = 'iglu:com.acme/checkout_started/jsonschema/1-1-0';
const PRODUCT = 'iglu:com.acme/product/jsonschema/1-0-0';
const SEARCH = 'iglu:com.acme/search/jsonschema/1-0-0';
const LINK_CLICK = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';

type Fn = (...args: unknown[]) => unknown;
let collector: RunningCollector;
let browser: Browser | undefined;
let planFile: string;

beforeAll(async () => {
  planFile = join(scratch('plan'), 'isotrack.codegen.json');
  writeFileSync(planFile, JSON.stringify({ schemaDirs: [ACME], include: ['com.acme/*'] }));
  // The plan's schema folder is where the collector finds the com.acme schemas: no --schemas needed.
  collector = await startCollector({ port: 0, plan: planFile });
  const { module } = await generateAndImport<Record<string, Fn>>({ schemaDirs: [ACME], validate: true });
  const tracker = new Tracker(new Emitter(collector.url), { appId: 'plan' });
  const product = module.createProduct!({ id: '0b9a5f4e-3c2d-4e1f-8a7b-6c5d4e3f2a1b', name: 'Mug' });
  module.trackCheckoutStarted!(tracker, { orderId: 'o-1', total: 3, currency: 'EUR' }, { context: [product] });
  module.trackCheckoutStarted!(tracker, { orderId: 'o-2', total: 4, currency: 'GBP' });
  // A production build does not validate: this one reaches the collector, which finds it bad.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  module.trackCheckoutStarted!(tracker, { orderId: 'o-3', total: -1, currency: 'EUR' });
  process.env.NODE_ENV = previous;
  tracker.trackSelfDescribingEvent({ event: { schema: LINK_CLICK, data: { targetUrl: 'https://shop.example/' } } });
  expect((await tracker.flush()).every((result) => result.ok)).toBe(true);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

it('/micro/plan counts good and bad events per planned schema (entities too), and lists the never-seen and the unplanned', async () => {
  const report = await (await fetch(`${collector.url}/micro/plan`)).json();
  expect(report).toEqual({
    plan: planFile,
    planned: [
      { schema: CHECKOUT, good: 2, bad: 1 },
      { schema: PRODUCT, good: 1, bad: 0 },
      { schema: SEARCH, good: 0, bad: 0 },
    ],
    neverSeen: [SEARCH],
    unplanned: [{ schema: LINK_CLICK, good: 1, bad: 0 }],
  });
});

it('shows the coverage on the events page', async () => {
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${collector.url}/micro/ui`);
  await page.locator('#plan table').waitFor();
  expect(await page.locator('#plan h2').textContent()).toBe('Tracking plan: 2 of 3 schemas seen');
  const rows = await page.locator('#plan tr').evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.children].map((td) => td.textContent)));
  expect(rows).toEqual([
    [CHECKOUT, '2', '1', 'bad events'],
    [PRODUCT, '1', '0', 'covered'],
    [SEARCH, '0', '0', 'never seen'],
    [LINK_CLICK, '1', '0', 'not in the plan'],
  ]);
}, 120_000);

it('a collector without a plan answers an empty report on /micro/plan, and a broken plan stops it at start with the file named', async () => {
  const plain = await startCollector({ port: 0 });
  try {
    expect(await (await fetch(`${plain.url}/micro/plan`)).json()).toEqual({ plan: null, planned: [], neverSeen: [], unplanned: [] });
  } finally {
    await plain.close();
  }
  const broken = join(scratch('plan'), 'broken.json');
  writeFileSync(broken, '{ "include": [');
  await expect(startCollector({ port: 0, plan: broken })).rejects.toThrow(`cannot use the plan ${broken}: ${broken}: not valid JSON`);
});
