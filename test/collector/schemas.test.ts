// Schema resolution: user schema folders, --lax, and draft-04 schemas.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector } from '../../collector/src/index.js';
import type { RunningCollector } from '../../collector/src/index.js';
import { b64url, bad, badErrors, contexts, counts, event, good, postEvents, reset, sdj, unstruct } from './helpers.js';

const CHECKOUT = 'iglu:com.acme/checkout/jsonschema/1-0-0';
const USER = 'iglu:com.acme/user/jsonschema/1-0-0';
let dir: string;

function writeSchema(vendor: string, name: string, version: string, body: Record<string, unknown>): void {
  const folder = join(dir, vendor, name, 'jsonschema');
  mkdirSync(folder, { recursive: true });
  const self = { vendor, name, format: 'jsonschema', version };
  const schema = {
    $schema: 'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
    self,
    ...body,
  };
  writeFileSync(join(folder, version), JSON.stringify(schema, null, 2));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'isotrack-schemas-'));
  // Draft-04 style: a boolean exclusiveMinimum, and `id` as a property name.
  writeSchema('com.acme', 'checkout', '1-0-0', {
    type: 'object',
    properties: {
      id: { type: 'string' },
      total: { type: 'number', minimum: 0, exclusiveMinimum: true },
      currency: { enum: ['EUR', 'USD'] },
    },
    required: ['total'],
    additionalProperties: false,
  });
  writeSchema('com.acme', 'user', '1-0-0', { type: 'object', properties: { tier: { type: 'string' } } });
  // A copy under the wrong name: Iglu would refuse it, and so does the collector.
  writeSchema('com.acme', 'misplaced', '1-0-0', { type: 'object' });
  const wrong = join(dir, 'com.acme', 'misplaced', 'jsonschema', '1-0-1');
  writeFileSync(wrong, JSON.stringify({ self: { vendor: 'com.acme', name: 'misplaced', format: 'jsonschema', version: '1-0-0' } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('with a user schema folder', () => {
  let collector: RunningCollector;
  beforeAll(async () => {
    collector = await startCollector({ schemaDirs: [dir] });
  });
  afterAll(() => collector.close());

  it('validates events and entities against the user schemas', async () => {
    await reset(collector.url);
    await postEvents(collector.url, [
      event({
        e: 'ue',
        ue_px: b64url(unstruct(sdj(CHECKOUT, { id: 'o-1', total: 12.5, currency: 'EUR' }))),
        cx: b64url(contexts(sdj(USER, { tier: 'gold' }))),
      }),
    ]);
    const [item] = await good(collector.url);
    expect(item?.schema).toBe(CHECKOUT);
    expect(item?.contexts).toEqual([USER]);
    expect(collector.schemaDirs[0]).toBe(dir);
  });

  it('applies draft-04 keywords the draft-04 way', async () => {
    await reset(collector.url);
    await postEvents(collector.url, [
      event({ e: 'ue', ue_px: b64url(unstruct(sdj(CHECKOUT, { total: 0, currency: 'GBP' }))) }),
    ]);
    expect(await badErrors(collector.url)).toEqual([
      `ue_px event: ${CHECKOUT}: total must be > 0`,
      `ue_px event: ${CHECKOUT}: currency must be one of ["EUR","USD"]`,
    ]);
  });

  it('refuses a schema file whose self block names another version', async () => {
    await reset(collector.url);
    await postEvents(collector.url, [
      event({ e: 'ue', ue_pr: JSON.stringify(unstruct(sdj('iglu:com.acme/misplaced/jsonschema/1-0-1', {}))) }),
    ]);
    expect(await badErrors(collector.url)).toEqual([
      expect.stringContaining(`is unusable: com.acme/misplaced/jsonschema/1-0-1 in folder "${basename(dir)}"`),
    ]);
    // No absolute path of the machine in what /micro/* serves.
    expect(JSON.stringify(await bad(collector.url))).not.toContain(dir);
  });

  it('serves the resolved schema on /micro/iglu', async () => {
    const response = await fetch(`${collector.url}/micro/iglu/com.acme/user/jsonschema/1-0-0`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { self: { name: string } }).self.name).toBe('user');
    const missing = await fetch(`${collector.url}/micro/iglu/com.acme/nothing/jsonschema/1-0-0`);
    expect(missing.status).toBe(404);
  });
});

describe('without the user folder', () => {
  it('records the same event as bad because its schema is not found', async () => {
    const collector = await startCollector();
    try {
      await postEvents(collector.url, [event({ e: 'ue', ue_px: b64url(unstruct(sdj(CHECKOUT, { total: 3 }))) })]);
      expect(await badErrors(collector.url)).toEqual([expect.stringContaining(`schema ${CHECKOUT} not found`)]);
    } finally {
      await collector.close();
    }
  });

  it('accepts it with lax, but still enforces the schemas it has', async () => {
    const collector = await startCollector({ lax: true });
    try {
      await postEvents(collector.url, [
        event({ e: 'ue', ue_px: b64url(unstruct(sdj(CHECKOUT, { total: 3 }))), cx: b64url(contexts(sdj(USER, {}))) }),
        event({ e: 'ue', ue_px: b64url(unstruct(sdj('iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1', {}))) }),
      ]);
      expect(await counts(collector.url)).toEqual({ total: 2, good: 1, bad: 1 });
      const [item] = await good(collector.url);
      expect(item?.schema).toBe(CHECKOUT);
      expect(await badErrors(collector.url)).toEqual([expect.stringContaining('missing required field "targetUrl"')]);
    } finally {
      await collector.close();
    }
  });
});

describe('schema folders are data, not a file server', () => {
  it('refuses a --schemas folder that does not exist or holds no schema', async () => {
    await expect(startCollector({ schemaDirs: [join(dir, 'missing')] })).rejects.toThrow(/schema folder .*missing does not exist/);
    const empty = mkdtempSync(join(tmpdir(), 'isotrack-empty-'));
    try {
      await expect(startCollector({ schemaDirs: [empty] })).rejects.toThrow(/holds no schema \(expected files at vendor\/name\/jsonschema\/M-R-A/);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  it('does not follow a symlink out of the folder, nor read an oversized schema', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'isotrack-outside-'));
    const secret = join(outside, 'secret');
    writeFileSync(secret, JSON.stringify({ type: 'object', secret: 'do-not-serve' }));
    const folder = join(dir, 'com.evil', 'leak', 'jsonschema');
    mkdirSync(folder, { recursive: true });
    symlinkSync(secret, join(folder, '1-0-0'));
    symlinkSync('/etc/passwd', join(folder, '1-0-1'));
    mkdirSync(join(dir, 'com.evil', 'huge', 'jsonschema'), { recursive: true });
    writeFileSync(join(dir, 'com.evil', 'huge', 'jsonschema', '1-0-0'), `{"type":"object","description":"${'x'.repeat(2 * 1024 * 1024)}"}`);
    const collector = await startCollector({ schemaDirs: [dir] });
    try {
      for (const version of ['1-0-0', '1-0-1']) {
        const response = await fetch(`${collector.url}/micro/iglu/com.evil/leak/jsonschema/${version}`);
        expect(response.status).toBe(404);
        const text = await response.text();
        expect(text).not.toContain('do-not-serve');
        expect(text).not.toContain('root:');
        expect(text).not.toContain(dir);
      }
      await postEvents(collector.url, [event({ e: 'ue', ue_pr: JSON.stringify(unstruct(sdj('iglu:com.evil/huge/jsonschema/1-0-0', {}))) })]);
      expect(await badErrors(collector.url)).toEqual([
        expect.stringMatching(/is unusable: com\.evil\/huge\/jsonschema\/1-0-0 in folder "[^"/]+" is \d+ bytes, over the 1048576-byte limit$/),
      ]);
    } finally {
      await collector.close();
      rmSync(join(dir, 'com.evil'), { recursive: true });
      rmSync(outside, { recursive: true });
    }
  });
});
