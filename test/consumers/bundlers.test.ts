// The packed SDK in the toolchains users have: Vite (build, dev server, SSR with
// ssrLoadModule and `vite build --ssr`), webpack 5 and esbuild (browser and neutral).
// Each app's events must reach the dev collector and validate; the bundles' gzip
// sizes are printed (and `npm run bench` prints them too).
import { writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { startCollector, type RunningCollector } from '@isotrack/collector';
import { BUILDS, FULL_APP, FULL_APP_EVENTS, bundlersProject } from './apps.mjs';
import { gzipSize, run } from './projects.mjs';
import { launchChromium, serveStatic, waitForGood } from './helpers.js';

interface FullAppResult {
  results: { ok: boolean }[];
  checks: { browserTracker: boolean; nodeOnly: string; version: string; bytes: number; plugins: string[]; entityPlugins: string[]; cookieSessionIndex: number | undefined };
}

let collector: RunningCollector;
let project: string;
let browser: Browser;
const sizes: { tool: string; minimal: number; full: number }[] = [];

beforeAll(async () => {
  collector = await startCollector({ port: 0 });
  [project, browser] = await Promise.all([bundlersProject(), launchChromium()]);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await collector?.close();
  if (sizes.length) {
    console.log('bundle size, gzip -9 (bytes):');
    console.table(Object.fromEntries(sizes.map(({ tool, minimal, full }) => [tool, { 'newTracker + trackPageView': minimal, 'every API': full }])));
  }
});

/** Loads a page in a fresh Chromium context with the app's globals set; resolves with `DONE`. */
async function runPage(url: string, appId: string): Promise<FullAppResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await context.addInitScript(`window.COLLECTOR = ${JSON.stringify(collector.url)}; window.APP_ID = ${JSON.stringify(appId)};`);
    await page.goto(url);
    await page.waitForFunction(() => (window as { DONE?: unknown }).DONE !== undefined, undefined, { timeout: 60_000 });
    const done = (await page.evaluate(() => (window as unknown as { DONE: Promise<unknown> }).DONE)) as FullAppResult;
    expect(errors).toEqual([]);
    return done;
  } finally {
    await context.close();
  }
}

/** The full app's own view (flushes, helpers) and the collector's (every event good, nothing bad). */
async function expectDelivered(done: FullAppResult, appId: string, where: 'browser' | 'server') {
  expect(done.results).toEqual([0, 1, 2].map(() => expect.objectContaining({ ok: true })));
  expect(done.checks.browserTracker).toBe(true);
  expect(done.checks.nodeOnly).toMatch(/nodeHttpTransport needs Node's http module/);
  expect(done.checks.version).toMatch(/^isotrack-\d+\.\d+\.\d+/);
  expect(done.checks.plugins).toEqual(['function', 'function', 'function', 'function', 'function', 'function']);
  expect(done.checks.entityPlugins).toEqual(['object', 'object']);
  expect(done.checks.cookieSessionIndex).toBe(3);
  const { good, errors } = await waitForGood(collector, appId, FULL_APP_EVENTS);
  expect(errors).toEqual([]);
  expect(good).toHaveLength(FULL_APP_EVENTS);
  const events = good.map((event) => event.rawEvent.parameters);
  expect(new Set(events.map((event) => event.tna))).toEqual(new Set(['sp', 'parts', 'queue']));
  // newTracker's trackers are `web` everywhere; a plain Tracker is `web` in the browser build, `srv` elsewhere.
  const platforms = Object.fromEntries(events.map((event) => [event.tna, event.p]));
  expect(platforms).toEqual({ sp: 'web', queue: 'web', parts: where === 'browser' ? 'web' : 'srv' });
  // In a browser the page context and identity fill page and user fields; on a server they stay out.
  const pageView = events.find((event) => event.e === 'pv' && event.tna === 'sp')!;
  if (where === 'browser') expect(pageView).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/), duid: expect.any(String) });
  else expect(pageView).toMatchObject({ url: 'https://server.example/' });
}

const browserTools = ['vite build', 'webpack 5', 'esbuild --platform=browser'] as const;

// The SPA quick start (`newTracker` + `trackPageView`), gzip -9 of what each tool emits.
// Issue 23's budget is 0.5x the same app with @snowplow/browser-tracker (about 9,100 B);
// not met yet (docs/benchmarks.md): these ceilings hold what is measured, with a little room
// (measured 13,516 / 13,140 / 13,722 B after the add-on-only schema URIs and the server
// stand-ins of identity and page context left newTracker's bundle).
const SPA_CEILING: Record<(typeof browserTools)[number], number> = { 'vite build': 13_600, 'webpack 5': 13_250, 'esbuild --platform=browser': 13_800 };

describe('browser bundles of the packed package, loaded in Chromium', () => {
  for (const tool of browserTools) {
    it(`${tool}: the full app delivers every event, all valid`, async () => {
      const minimal = await BUILDS[tool](project, 'minimal');
      const files = await BUILDS[tool](project, 'full');
      sizes.push({ tool, minimal: gzipSize(minimal), full: gzipSize(files) });
      expect(gzipSize(minimal), 'the SPA quick start grew').toBeLessThanOrEqual(SPA_CEILING[tool]);
      const root = tool === 'vite build' ? join(project, 'out/vite-full') : dirname(files[0]!);
      const html = tool === 'vite build' ? 'index.html' : `${basename(files[0]!, '.js')}.html`;
      if (tool !== 'vite build') {
        writeFileSync(join(root, html), `<!doctype html><html><body><script type="module" src="./${basename(files[0]!)}"></script></body></html>\n`);
      }
      const site = await serveStatic(root);
      try {
        const appId = `${tool.split(' ')[0]}-browser`;
        await expectDelivered(await runPage(`${site.url}/${html}`, appId), appId, 'browser');
      } finally {
        await site.close();
      }
    }, 300_000);
  }

  it('vite dev server: the full app delivers every event, all valid', async () => {
    const child = spawn(process.execPath, ['scripts/vite-dev.mjs', 'vite-full'], { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const { url } = await firstJsonLine<{ url: string }>(child);
      await expectDelivered(await runPage(url, 'vite-dev'), 'vite-dev', 'browser');
    } finally {
      child.kill('SIGTERM');
    }
  }, 300_000);
});

describe('server and neutral builds of the packed package, run in Node', () => {
  it('esbuild --platform=neutral: the full app delivers every event, all valid', async () => {
    const minimal = await BUILDS['esbuild --platform=neutral'](project, 'minimal');
    const files = await BUILDS['esbuild --platform=neutral'](project, 'full');
    sizes.push({ tool: 'esbuild --platform=neutral', minimal: gzipSize(minimal), full: gzipSize(files) });
    const { stdout } = await run(process.execPath, ['scripts/run-neutral.mjs', 'out/esbuild-neutral-full.js'], {
      cwd: project,
      env: { COLLECTOR: collector.url, APP_ID: 'esbuild-neutral' },
    });
    await expectDelivered(JSON.parse(stdout.trim().split('\n').pop()!) as FullAppResult, 'esbuild-neutral', 'server');
  }, 300_000);

  interface SsrResult {
    results: { ok: boolean }[];
    plugins: string[];
    pageViewId: string | null;
  }
  const expectSsr = async (stdout: string) => {
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as SsrResult;
    // newTracker on a server: a plain tracker that delivers; browser helpers are inert.
    expect(result).toEqual({ results: [expect.objectContaining({ ok: true })], plugins: ['function', 'function'], pageViewId: null });
    const { good, errors } = await waitForGood(collector, 'vite-ssr', 1);
    expect(errors).toEqual([]);
    expect(good.map((event) => event.rawEvent.parameters)).toEqual([expect.objectContaining({ e: 'pv', url: 'https://ssr.example/', p: 'web' })]);
    await fetch(`${collector.url}/micro/reset`);
  };

  it('Vite SSR (ssrLoadModule) imports and calls the browser API on the server', async () => {
    await fetch(`${collector.url}/micro/reset`);
    const { stdout } = await run(process.execPath, ['scripts/vite-ssr-load.mjs'], { cwd: project, env: { COLLECTOR: collector.url } });
    await expectSsr(stdout);
  }, 300_000);

  it('vite build --ssr, run in Node, imports and calls the browser API on the server', async () => {
    await fetch(`${collector.url}/micro/reset`);
    await run(join(project, 'node_modules/.bin/vite'), ['build', '--ssr', 'ssr/entry.ts', '--outDir', 'out/ssr', '--logLevel', 'error'], { cwd: project });
    const script = "const { render } = await import('./out/ssr/entry.js'); console.log(JSON.stringify(await render(process.env.COLLECTOR)));";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project, env: { COLLECTOR: collector.url } });
    await expectSsr(stdout);
  }, 300_000);
});

it('the full app imports every runtime export of the package', async () => {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "console.log(JSON.stringify(Object.keys(await import('isotrack'))))"], { cwd: project });
  const exported = (JSON.parse(stdout) as string[]).filter((name) => name !== 'default');
  const imported = FULL_APP.slice(0, FULL_APP.indexOf("} from 'isotrack'")).split(/[\s,{]+/).filter((name) => /^\w+$/.test(name) && name !== 'import');
  expect(imported.sort()).toEqual(exported.sort());
});

function firstJsonLine<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as T);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing its address: ${out}`)));
  });
}
