// Schemas from an Iglu registry, configured with a resolver config as Enrich and Micro read it.
// The registry is a static Iglu registry served on loopback by the test.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector } from '../../collector/src/index.js';
import { b64url, badErrors, counts, event, good, linkClick, postEvents, reset, sdj, unstruct } from './helpers.js';

const CHECKOUT = 'iglu:com.acme/checkout/jsonschema/1-0-0';
const SCHEMA = {
  $schema: 'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
  self: { vendor: 'com.acme', name: 'checkout', format: 'jsonschema', version: '1-0-0' },
  type: 'object',
  properties: { total: { type: 'number' } },
  required: ['total'],
  additionalProperties: false,
};

let registry: Server;
let registryUrl: string;
const requested: string[] = [];
let hang = false;

beforeAll(async () => {
  registry = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (hang) return; // never answers
    if (req.url === '/schemas/com.acme/checkout/jsonschema/1-0-0') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(SCHEMA));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}`;
});
afterAll(async () => {
  registry.closeAllConnections();
  await new Promise((resolve) => registry.close(resolve));
});

const resolverConfig = (uri: string) => ({
  schema: 'iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1',
  data: {
    cacheSize: 500,
    repositories: [
      { name: 'Iglu Central', priority: 1, vendorPrefixes: ['com.snowplowanalytics'], connection: { http: { uri: 'http://127.0.0.1:9/unused' } } },
      { name: 'Acme registry', priority: 0, vendorPrefixes: ['com.acme'], connection: { http: { uri } } },
    ],
  },
});

const checkout = (data: unknown) => event({ e: 'ue', ue_px: b64url(unstruct(sdj(CHECKOUT, data))) });

describe('an Iglu registry over HTTP', () => {
  it('validates against a schema fetched from the registry, fetching it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isotrack-resolver-'));
    const file = join(dir, 'resolver.json');
    writeFileSync(file, JSON.stringify(resolverConfig(registryUrl)));
    const collector = await startCollector({ resolver: file });
    try {
      requested.length = 0;
      await postEvents(collector.url, [checkout({ total: 12 })]);
      await postEvents(collector.url, [checkout({ total: 'twelve' })]);
      await postEvents(collector.url, [event({ e: 'ue', ue_px: b64url(unstruct(linkClick())) })]);
      expect(await counts(collector.url)).toEqual({ total: 3, good: 2, bad: 1 });
      expect(await badErrors(collector.url)).toEqual([`ue_px event: ${CHECKOUT}: total must be number`]);
      expect(requested).toEqual(['/schemas/com.acme/checkout/jsonschema/1-0-0']);
      const served = await fetch(`${collector.url}/micro/iglu/com.acme/checkout/jsonschema/1-0-0`);
      expect(((await served.json()) as typeof SCHEMA).self.name).toBe('checkout');
    } finally {
      await collector.close();
      rmSync(dir, { recursive: true });
    }
  });

  it('says once at start that a registry is down, then per affected event, and keeps the rest working', async () => {
    const collector = await startCollector({ resolver: resolverConfig('http://127.0.0.1:9'), registryTimeoutMs: 2_000 });
    try {
      expect(collector.warnings).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Iglu registry "Acme registry" \(http:\/\/127\.0\.0\.1:9\) is unreachable/)]),
      );
      await postEvents(collector.url, [checkout({ total: 1 }), event({ e: 'ue', ue_px: b64url(unstruct(linkClick())) })]);
      expect((await good(collector.url)).map((item) => item.schema)).toEqual([expect.stringContaining('link_click')]);
      expect(await badErrors(collector.url)).toEqual([
        expect.stringMatching(/^ue_px event: schema iglu:com\.acme\/checkout\/jsonschema\/1-0-0 could not be fetched: registry "Acme registry" failed/),
      ]);
      await reset(collector.url);
      await postEvents(collector.url, [checkout({ total: 1 })]);
      expect((await badErrors(collector.url)).length).toBe(1);
    } finally {
      await collector.close();
    }
  });

  it('gives up on a registry that does not answer, after the timeout', async () => {
    hang = true;
    try {
      const collector = await startCollector({ resolver: resolverConfig(registryUrl), registryTimeoutMs: 300 });
      try {
        expect(collector.warnings.join('\n')).toContain('"Acme registry"');
        await postEvents(collector.url, [checkout({ total: 1 })]);
        expect(await badErrors(collector.url)).toEqual([expect.stringContaining('could not be fetched')]);
      } finally {
        await collector.close();
      }
    } finally {
      hang = false;
    }
  });

  it('refuses a file that is not a resolver config, clearly', async () => {
    await expect(startCollector({ resolver: { repositories: [] } })).rejects.toThrow(/not an Iglu resolver configuration/);
    await expect(startCollector({ resolver: '/nonexistent/resolver.json' })).rejects.toThrow(/cannot read the resolver config/);
  });
});
