// The `isotrack-codegen` command as users run it (the built bin, in a child process):
// inputs, outputs, errors that name the file and write nothing, --check, --json, the
// plan file, the naming rule and HTTP registries (a static Iglu registry on loopback).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, CLI, IGLU_CENTRAL, REPO, scratch } from './helpers.js';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function codegen(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A project folder holding a copy of the fixture schemas in `schemas/`. */
function project(): string {
  const dir = scratch('cli');
  cpSync(ACME, join(dir, 'schemas'), { recursive: true });
  return dir;
}

const write = (path: string, value: unknown) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
};
const schemaPath = (dir: string, vendor: string, name: string, version: string) => join(dir, 'schemas', vendor, name, 'jsonschema', version);
const schema = (vendor: string, name: string, version: string, extra: Record<string, unknown> = {}) => ({
  $schema: 'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
  self: { vendor, name, format: 'jsonschema', version },
  type: 'object',
  properties: { id: { type: 'string' } },
  ...extra,
});

beforeAll(() => {
  if (!existsSync(join(REPO, 'codegen/dist/codegen-cli.js'))) throw new Error('run npm run build first (codegen/dist is missing)');
});

describe('inputs and outputs', () => {
  it('writes one .ts module with the newest version of each schema; --json lists names and URIs', async () => {
    const dir = project();
    const run = await codegen(['--schemas', 'schemas', '--out', 'src/tracking.ts', '--json'], dir);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual([
      { schema: 'iglu:com.acme/checkout_started/jsonschema/1-1-0', name: 'CheckoutStarted', type: 'CheckoutStarted', track: 'trackCheckoutStarted', create: 'createCheckoutStarted', constant: 'CHECKOUT_STARTED_SCHEMA' },
      { schema: 'iglu:com.acme/product/jsonschema/1-0-0', name: 'Product', type: 'Product', track: 'trackProduct', create: 'createProduct', constant: 'PRODUCT_SCHEMA' },
      { schema: 'iglu:com.acme/search/jsonschema/1-0-0', name: 'Search', type: 'Search', track: 'trackSearch', create: 'createSearch', constant: 'SEARCH_SCHEMA' },
    ]);
    const code = readFileSync(join(dir, 'src/tracking.ts'), 'utf8');
    // Keywords that do not change the type ($comment, examples, x-…, an unknown format) are ignored.
    expect(code).toContain('/** Format: `acme-channel` (a string). */\n  channel?: string;');
    expect(code).toContain('currency: "EUR" | "USD" | "GBP";');
    expect(code).toContain('coupon?: string | null;');
    expect(code).not.toContain('$validate'); // no --validate: no validator at all
  });

  it('writes a .js module with its .d.ts when --out ends in .js; --validate-always validates without the NODE_ENV guard', async () => {
    const dir = project();
    const run = await codegen(['--schemas', 'schemas', '--out', 'tracking.js', '--validate-always'], dir);
    expect(run.status).toBe(0);
    const js = readFileSync(join(dir, 'tracking.js'), 'utf8');
    expect(readFileSync(join(dir, 'tracking.d.ts'), 'utf8')).toContain('export declare function trackCheckoutStarted(tracker: EventTracker, data: CheckoutStarted, options?: TrackOptions): string;');
    expect(js).toContain('$validate(data, CHECKOUT_STARTED_SCHEMA');
    expect(js).not.toContain('NODE_ENV');
    const module = (await import(join(dir, 'tracking.js'))) as Record<string, (data: unknown) => unknown>;
    expect(() => module.createProduct!({ id: 'x', name: 'Mug' })).toThrow('isotrack: iglu:com.acme/product/jsonschema/1-0-0: data.id must be a uuid, got "x"');
  });

  it('--all-versions generates every version; the newest keeps the plain name', async () => {
    const run = await codegen(['--schemas', 'schemas', '--all-versions', '--json'], project());
    const names = (JSON.parse(run.stdout) as { name: string }[]).map((entry) => entry.name);
    expect(names).toEqual(['CheckoutStartedV1_0_0', 'CheckoutStarted', 'Product', 'Search']);
  });

  it('tells schemas of the same name apart by the shortest differing tail of their vendor', async () => {
    const dir = project();
    write(schemaPath(dir, 'com.example.shop', 'product', '1-0-0'), schema('com.example.shop', 'product', '1-0-0'));
    write(schemaPath(dir, 'org.other.shop', 'product', '2-0-0'), schema('org.other.shop', 'product', '2-0-0'));
    const run = await codegen(['--schemas', 'schemas', '--json'], dir);
    expect((JSON.parse(run.stdout) as { name: string; schema: string }[]).filter((entry) => entry.schema.includes('/product/')).map((entry) => entry.name)).toEqual([
      'AcmeProduct',
      'ExampleShopProduct',
      'OtherShopProduct',
    ]);
  });

  it('reads several --schemas folders; the first holding a schema wins', async () => {
    const dir = project();
    write(join(dir, 'more', 'com.acme', 'product', 'jsonschema', '1-0-0'), schema('com.acme', 'product', '1-0-0', { description: 'the other copy' }));
    write(join(dir, 'more', 'com.acme', 'refund', 'jsonschema', '1-0-0'), schema('com.acme', 'refund', '1-0-0'));
    const run = await codegen(['--schemas', 'schemas', '--schemas', 'more', '--out', 'out.ts'], dir);
    expect(run.status).toBe(0);
    const code = readFileSync(join(dir, 'out.ts'), 'utf8');
    expect(code).toContain('trackRefund');
    expect(code).not.toContain('the other copy');
  });
});

it('--help lists every flag; --version prints the package version', async () => {
  const help = await codegen(['--help'], REPO);
  expect(help.status).toBe(0);
  for (const flag of ['--schemas', '--resolver', '--config', '--out', '--validate', '--validate-always', '--all-versions', '--import-from', '--check', '--json', '--version', '--help']) {
    expect(help.stdout).toContain(flag);
  }
  const version = JSON.parse(readFileSync(join(REPO, 'codegen/package.json'), 'utf8')) as { version: string };
  expect((await codegen(['--version'], REPO)).stdout).toBe(`${version.version}\n`);
});

describe('errors name the file and the problem, exit 2 and write nothing', () => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    ['unparseable JSON', (dir) => write(schemaPath(dir, 'com.acme', 'broken', '1-0-0'), '{ "self": '), /schemas\/com\.acme\/broken\/jsonschema\/1-0-0: not valid JSON/],
    [
      '`self` not matching the path',
      (dir) => write(schemaPath(dir, 'com.acme', 'moved', '1-0-0'), schema('com.acme', 'original', '1-0-0')),
      /schemas\/com\.acme\/moved\/jsonschema\/1-0-0: "self" says name "original" but the path says "moved"/,
    ],
    [
      'a $ref it cannot resolve',
      (dir) => write(schemaPath(dir, 'com.acme', 'refs', '1-0-0'), schema('com.acme', 'refs', '1-0-0', { properties: { a: { $ref: '#/definitions/missing' } } })),
      /schemas\/com\.acme\/refs\/jsonschema\/1-0-0: cannot resolve \$ref "#\/definitions\/missing"/,
    ],
    [
      'a $ref to an Iglu schema that is nowhere',
      (dir) => write(schemaPath(dir, 'com.acme', 'refs', '1-0-0'), schema('com.acme', 'refs', '1-0-0', { properties: { a: { $ref: 'iglu:com.acme/nowhere/jsonschema/1-0-0' } } })),
      /cannot resolve \$ref "iglu:com\.acme\/nowhere\/jsonschema\/1-0-0" \(iglu:com\.acme\/nowhere\/jsonschema\/1-0-0 was not found/,
    ],
  ];
  for (const [problem, breakIt, message] of cases) {
    it(problem, async () => {
      const dir = project();
      writeFileSync(join(dir, 'tracking.ts'), '// the previous module\n');
      breakIt(dir);
      const run = await codegen(['--schemas', 'schemas', '--out', 'tracking.ts', '--validate'], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(readFileSync(join(dir, 'tracking.ts'), 'utf8')).toBe('// the previous module\n');
    });
  }

  it('a missing folder, a missing --out and an unknown flag', async () => {
    const dir = project();
    expect((await codegen(['--schemas', 'nope', '--out', 'a.ts'], dir)).stderr).toMatch(/schema folder nope does not exist/);
    expect((await codegen(['--schemas', 'schemas'], dir)).stderr).toMatch(/--out <file> is required/);
    const unknown = await codegen(['--schemas', 'schemas', '--out', 'a.ts', '--frobnicate'], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/frobnicate/);
    expect(existsSync(join(dir, 'a.ts'))).toBe(false);
  });
});

describe('--check', () => {
  it('passes on an unchanged tree without rewriting; fails on a missing or stale file, naming the schemas that changed', async () => {
    const dir = project();
    const args = ['--schemas', 'schemas', '--out', 'tracking.ts', '--validate'];
    expect((await codegen([...args, '--check'], dir)).stderr).toMatch(/tracking\.ts does not exist/);
    expect((await codegen(args, dir)).status).toBe(0);
    const before = statSync(join(dir, 'tracking.ts')).mtimeMs;
    expect(await codegen([...args, '--check'], dir)).toMatchObject({ status: 0, stderr: '' });
    // Generating again over an unchanged file leaves it alone too.
    expect((await codegen(args, dir)).status).toBe(0);
    expect(statSync(join(dir, 'tracking.ts')).mtimeMs).toBe(before);

    const path = schemaPath(dir, 'com.acme', 'product', '1-0-0');
    const product = JSON.parse(readFileSync(path, 'utf8')) as { properties: Record<string, unknown> };
    product.properties.colour = { type: 'string' };
    write(path, product);
    write(schemaPath(dir, 'com.acme', 'refund', '1-0-0'), schema('com.acme', 'refund', '1-0-0'));
    rmSync(join(dir, 'schemas/com.acme/search'), { recursive: true });
    const stale = await codegen([...args, '--check'], dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('tracking.ts is out of date:');
    expect(stale.stderr).toContain('  added:   iglu:com.acme/refund/jsonschema/1-0-0');
    expect(stale.stderr).toContain('  removed: iglu:com.acme/search/jsonschema/1-0-0');
    expect(stale.stderr).toContain('  changed: iglu:com.acme/product/jsonschema/1-0-0');
    expect(stale.stderr).not.toContain('checkout_started');
    expect(statSync(join(dir, 'tracking.ts')).mtimeMs).toBe(before);
  });
});

describe('plan file', () => {
  it('isotrack.codegen.json selects schemas and versions, names one, and sets folders, output and validation', async () => {
    const dir = project();
    write(join(dir, 'isotrack.codegen.json'), {
      schemaDirs: ['schemas'],
      out: 'src/tracking.ts',
      validate: true,
      include: ['iglu:com.acme/checkout_started/jsonschema/1-0-0', { schema: 'com.acme/product', name: 'ProductEntity' }],
    });
    const run = await codegen(['--json'], dir);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { name: string; schema: string }[]).map(({ name, schema }) => [name, schema])).toEqual([
      ['CheckoutStarted', 'iglu:com.acme/checkout_started/jsonschema/1-0-0'],
      ['ProductEntity', 'iglu:com.acme/product/jsonschema/1-0-0'],
    ]);
    expect(readFileSync(join(dir, 'src/tracking.ts'), 'utf8')).toContain('export function trackProductEntity(');
  });

  it('an entry that matches nothing, and a malformed plan, are errors naming the plan file', async () => {
    const dir = project();
    write(join(dir, 'plan.json'), { schemaDirs: ['schemas'], include: ['com.acme/nothing'] });
    expect((await codegen(['--config', 'plan.json', '--out', 'a.ts'], dir)).stderr).toMatch(/plan\.json: com\.acme\/nothing matches no schema/);
    write(join(dir, 'plan.json'), { include: ['not a schema'] });
    expect((await codegen(['--config', 'plan.json', '--out', 'a.ts'], dir)).stderr).toMatch(/plan\.json: include\[0\] "not a schema" is not/);
  });
});

describe('--resolver: HTTP registries', () => {
  let registry: { url: string; close(): void };
  const requests: string[] = [];
  beforeAll(async () => {
    // A static Iglu registry: schemas at <uri>/schemas/<vendor>/<name>/<format>/<version>.
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const file = join(ACME, (req.url ?? '').replace(/^\/schemas\//, ''));
      if (!req.url?.startsWith('/schemas/') || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    registry = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
  });
  afterAll(() => registry?.close());

  const resolverConfig = (uri: string) => ({
    schema: 'iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-3',
    data: { cacheSize: 500, repositories: [{ name: 'acme', priority: 0, vendorPrefixes: ['com.acme'], connection: { http: { uri } } }] },
  });

  it('fetches the exact schemas the plan lists from the registry', async () => {
    const dir = scratch('resolver');
    write(join(dir, 'resolver.json'), resolverConfig(registry.url));
    write(join(dir, 'isotrack.codegen.json'), { include: ['iglu:com.acme/product/jsonschema/1-0-0', 'iglu:com.acme/checkout_started/jsonschema/1-0-0'] });
    const run = await codegen(['--resolver', 'resolver.json', '--out', 'tracking.ts'], dir);
    expect(run.stderr).toMatch(/2 schemas/);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'tracking.ts'), 'utf8')).toContain('export function trackProduct(');
    expect(requests).toContain('/schemas/com.acme/product/jsonschema/1-0-0');
  });

  it('a schema no registry has, and a registry that does not answer, are errors', async () => {
    const dir = scratch('resolver');
    write(join(dir, 'resolver.json'), resolverConfig(registry.url));
    write(join(dir, 'isotrack.codegen.json'), { include: ['iglu:com.acme/missing/jsonschema/1-0-0'] });
    expect((await codegen(['--resolver', 'resolver.json', '--out', 'a.ts'], dir)).stderr).toMatch(/iglu:com\.acme\/missing\/jsonschema\/1-0-0 matches no schema in the schema folders or registries/);
    write(join(dir, 'resolver.json'), resolverConfig('http://127.0.0.1:9'));
    const down = await codegen(['--resolver', 'resolver.json', '--out', 'a.ts'], dir);
    expect(down.status).toBe(2);
    expect(down.stderr).toMatch(/iglu:com\.acme\/missing\/jsonschema\/1-0-0 could not be fetched: http:\/\/127\.0\.0\.1:9\/schemas/);
    expect(existsSync(join(dir, 'a.ts'))).toBe(false);
  });
});

it('generates the 303 Iglu Central schemas from the command line (time printed), and --check then passes', async () => {
  const dir = scratch('speed');
  const started = performance.now();
  const run = await codegen(['--schemas', IGLU_CENTRAL, '--all-versions', '--validate', '--out', 'all.ts'], dir);
  const ms = performance.now() - started;
  expect(run).toMatchObject({ status: 0, stderr: expect.stringContaining('303 schemas') });
  expect(await codegen(['--schemas', IGLU_CENTRAL, '--all-versions', '--validate', '--out', 'all.ts', '--check'], dir)).toMatchObject({ status: 0 });
  console.log(`isotrack-codegen: 303 schemas with --validate in ${Math.round(ms)} ms (process start included)`);
}, 300_000);
