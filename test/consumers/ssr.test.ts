// Server-side rendering with the packed package: the browser entry (what a bundler
// picks with the `browser` condition) and the script-tag file, loaded in Node, touch
// no `window`, `document`, `navigator` or storage at import, and `newTracker` is a
// plain tracker there that delivers. (Replaces test/browser/ssr.spec.ts, which
// imported dist/ directly.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '@isotrack/collector';
import { makeConsumerProject } from '../helpers/consumer-project.js';
import { run } from './projects.mjs';
import { waitForGood } from './helpers.js';

let collector: RunningCollector;
let project: string;

beforeAll(async () => {
  collector = await startCollector({ port: 0 });
  project = await makeConsumerProject('ssr');
}, 600_000);
afterAll(async () => collector?.close());

const GUARD = `for (const name of ['window', 'document', 'navigator', 'localStorage', 'sessionStorage']) {
  Object.defineProperty(globalThis, name, { configurable: true, get() { throw new Error(name + ' touched at import'); } });
}`;

it('the browser entry, resolved with the browser condition, loads in Node and newTracker delivers', async () => {
  const script = `${GUARD}
const isotrack = await import('isotrack');
for (const name of ['window', 'document', 'navigator', 'localStorage', 'sessionStorage']) delete globalThis[name];
const tracker = isotrack.newTracker('ssr', process.env.COLLECTOR, { appId: 'ssr-browser-entry' });
tracker.trackPageView({ pageUrl: 'https://ssr.example/' });
const stop = isotrack.enableActivityTracking(tracker);
stop();
const results = await tracker.flush();
// The browser build is the one whose nodeHttpTransport says it cannot work here.
let build = 'node';
try { isotrack.nodeHttpTransport(); } catch (error) { build = error.message; }
console.log(JSON.stringify({ results, identity: tracker.identity ?? null, build }));`;
  const { stdout } = await run(process.execPath, ['--conditions=browser', '--input-type=module', '-e', script], { cwd: project, env: { COLLECTOR: collector.url } });
  const out = JSON.parse(stdout.trim()) as { results: { ok: boolean }[]; identity: unknown; build: string };
  expect(out).toEqual({ results: [expect.objectContaining({ ok: true })], identity: null, build: expect.stringMatching(/needs Node's http module/) });
  const { good, errors } = await waitForGood(collector, 'ssr-browser-entry', 1);
  expect(errors).toEqual([]);
  // No identity outside a browser: no domain user id.
  expect(good.map((event) => event.rawEvent.parameters)).toEqual([expect.objectContaining({ e: 'pv', p: 'web', url: 'https://ssr.example/' })]);
  expect(good[0]!.rawEvent.parameters.duid).toBeUndefined();
}, 120_000);

it('the script-tag file shipped in the package loads in Node without touching a DOM global', async () => {
  // A classic script in a context with none of a page's globals: touching one throws.
  const script = `const sandbox = { setTimeout, clearTimeout, crypto, TextEncoder };
require('node:vm').runInNewContext(require('node:fs').readFileSync('./node_modules/isotrack/dist/isotrack.umd.min.js', 'utf8'), sandbox);
const umd = sandbox.isotrack;
console.log(JSON.stringify([typeof umd, typeof umd.Tracker, typeof umd.newTracker]));`;
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: project });
  expect(JSON.parse(stdout.trim())).toEqual(['function', 'function', 'function']);
}, 120_000);
