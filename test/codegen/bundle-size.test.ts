// The NODE_ENV guard through a real bundler: a Vite app (the packed SDK installed from
// its tarball) that imports one generated function and calls it. Built for production,
// the module generated with --validate gives the same bundle as the one without: zero
// validator bytes. Built for development, the validator is there and throws.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { generate } from '../../codegen/src/index.js';
import { consumerProject, run } from '../consumers/projects.mjs';
import { ACME } from './helpers.js';

const VITE = '8.4.0';
const CALL = `import { newTracker } from 'isotrack';
import { trackCheckoutStarted } from './tracking';
const tracker = newTracker('sp', 'http://127.0.0.1:9');
(globalThis as { EVENT_ID?: string }).EVENT_ID = trackCheckoutStarted(tracker, { orderId: 'o-1', total: 12.5, currency: 'EUR' });
`;
const NO_CALL = `import { newTracker } from 'isotrack';
(globalThis as { TRACKER?: unknown }).TRACKER = newTracker('sp', 'http://127.0.0.1:9');
`;
const HTML = '<!doctype html><html><body><script type="module" src="./main.ts"></script></body></html>\n';
// Only the validator says these; the SDK does not.
const VALIDATOR_TEXT = ['is missing the required field', 'must be a JSON object', 'characters long'];

let dir: string;
const bundles: Record<string, string> = {};

/** Builds `app` with Vite in `mode`; returns the app's JavaScript. */
async function build(app: string, mode: 'production' | 'development'): Promise<string> {
  await run(process.execPath, ['scripts/build.mjs', app, mode], { cwd: dir, env: { NODE_ENV: mode } });
  const out = join(dir, 'out', app, mode, 'assets');
  return readdirSync(out).filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(out, file), 'utf8')).join('\n');
}

beforeAll(async () => {
  const plan = { schemaDirs: [], include: [] };
  const validating = (await generate({ schemaDirs: [ACME], plan, validate: true })).code;
  const plain = (await generate({ schemaDirs: [ACME], plan })).code;
  dir = await consumerProject('codegen-vite', {
    dependencies: { vite: VITE },
    files: {
      'scripts/build.mjs': `import { build } from 'vite';
const [app, mode] = process.argv.slice(2);
// Vite replaces process.env.NODE_ENV by the mode's value, as in any app build.
await build({ root: app, mode, logLevel: 'error', build: { outDir: new URL('../out/' + app + '/' + mode, import.meta.url).pathname, emptyOutDir: true, minify: true } });
`,
      'validate/index.html': HTML,
      'validate/main.ts': CALL,
      'validate/tracking.ts': validating,
      'plain/index.html': HTML,
      'plain/main.ts': CALL,
      'plain/tracking.ts': plain,
      'nocall/index.html': HTML,
      'nocall/main.ts': NO_CALL,
      'nocall/tracking.ts': validating,
    },
  });
  for (const app of ['validate', 'plain', 'nocall']) bundles[`${app} production`] = await build(app, 'production');
  for (const app of ['validate', 'plain']) bundles[`${app} development`] = await build(app, 'development');
}, 900_000);

const bytes = (code: string) => Buffer.byteLength(code);
const gzip = (code: string) => gzipSync(code, { level: 9 }).length;

it('a production build of an app calling a generated function carries zero validator bytes', () => {
  const withValidate = bundles['validate production']!;
  const without = bundles['plain production']!;
  for (const text of VALIDATOR_TEXT) expect(withValidate).not.toContain(text);
  expect(withValidate).toContain('iglu:com.acme/checkout_started/jsonschema/1-1-0');
  // The guard folds to false, and the validators go with the call: the same bundle as without --validate.
  expect(bytes(withValidate)).toBe(bytes(without));
  const call = bytes(withValidate) - bytes(bundles['nocall production']!);
  console.log(`vite ${VITE} production: app ${bytes(withValidate)} B (${gzip(withValidate)} B gzip), with --validate and without alike; the generated call adds ${call} B`);
});

it('a development build keeps the validator, which costs a measured number of bytes', () => {
  const withValidate = bundles['validate development']!;
  const without = bundles['plain development']!;
  for (const text of VALIDATOR_TEXT) expect(withValidate).toContain(text);
  for (const text of VALIDATOR_TEXT) expect(without).not.toContain(text);
  const validator = bytes(withValidate) - bytes(without);
  expect(validator).toBeGreaterThan(0);
  console.log(`vite ${VITE} development: the validator of one schema adds ${validator} B (${gzip(withValidate) - gzip(without)} B gzip)`);
});
