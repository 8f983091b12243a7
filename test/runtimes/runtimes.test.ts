// One event script (fixtures/track.mjs) on every runtime the SDK claims, each loading
// the packed package as a user's project has it, each checked in the dev collector:
// Node (package exports, and a Node 18.0 profile of the globals), Bun, Deno (npm
// package, and the neutral build by URL), workerd (Cloudflare Workers, via miniflare),
// and Chromium's dedicated module Web Worker and Service Worker.
// Nothing here is skipped: a runtime that cannot start fails its test.
import { startCollector, type RunningCollector } from '@isotrack/collector';
import { chromium } from '@playwright/test';
import { execFile } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmitterStats, FlushResult } from '../../src/index.js';
import { packedProject, runtimeTools } from './install.js';
import { POST_NODE_18 } from './fixtures/post-node18-apis.mjs';
import { serveStatic, type StaticServer } from './static-server.js';

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, 'fixtures');
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

interface Outcome {
  ids: string[];
  flushed: FlushResult[];
  stats: EmitterStats;
  resolved?: string;
  globals?: Record<string, string>;
  error?: string;
}
interface GoodEvent { rawEvent: { parameters: Record<string, string> } }

let collector: RunningCollector;
let project: string;
let tools: Awaited<ReturnType<typeof runtimeTools>>;
let site: StaticServer;

beforeAll(async () => {
  collector = await startCollector({ port: 0 });
  [project, tools] = await Promise.all([packedProject(), runtimeTools()]);
  // The scripts sit in the consumer project, so that `isotrack` resolves to its
  // node_modules (from the repository it would resolve to the repository itself).
  for (const file of readdirSync(fixtures)) cpSync(join(fixtures, file), join(project, file));
  site = await serveStatic(project);
}, 600_000);

afterAll(async () => {
  await site?.close();
  await collector?.close();
});

/** The event ids the collector accepted as good for `runtime`'s app id; also checks nothing was bad. */
async function delivered(runtime: string): Promise<string[]> {
  const good = (await (await fetch(`${collector.url}/micro/good`)).json()) as GoodEvent[];
  const bad = (await (await fetch(`${collector.url}/micro/bad`)).json()) as unknown[];
  expect(bad).toEqual([]);
  return good.filter((e) => e.rawEvent.parameters.aid === `runtime-${runtime}`).map((e) => e.rawEvent.parameters.eid!).sort();
}

/** What a user checks: the flush said ok, and the collector holds exactly these three events, valid. */
async function expectDelivered(runtime: string, outcome: Outcome): Promise<void> {
  expect(outcome.error).toBeUndefined();
  expect(outcome.flushed.length).toBeGreaterThan(0);
  expect(outcome.flushed.every((result) => result.ok)).toBe(true);
  expect(outcome.stats).toMatchObject({ delivered: 3, queued: 0, dropped: 0, failed: 0 });
  expect(outcome.ids).toHaveLength(3);
  expect(await delivered(runtime)).toEqual([...outcome.ids].sort());
}

/** Runs fixtures/run.mjs with `command` in the consumer project; parses its JSON line. */
async function runScript(command: string, args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  const { stdout } = await run(command, args, { cwd: project, env: { ...process.env, ...env }, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Outcome;
}

describe('the event script delivers on', () => {
  it('Node, through the package exports (node build)', async () => {
    const outcome = await runScript(process.execPath, ['run.mjs', collector.url, 'node']);
    expect(outcome.resolved).toMatch(/node_modules\/isotrack\/dist\/node\.js$/);
    await expectDelivered('node', outcome);
  });

  it('Node with the globals of Node 18.0 (every later API removed first)', async () => {
    const outcome = await runScript(process.execPath, ['--import', './as-node18.mjs', 'run.mjs', collector.url, 'node18-profile']);
    await expectDelivered('node18-profile', outcome);
  });

  it('Bun (npm package bun), through the package exports', async () => {
    const outcome = await runScript(tools.bun, ['--no-install', 'run.mjs', collector.url, 'bun'], {
      BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0',
    });
    // Bun matches the `node` export condition: it gets the Node build.
    expect(outcome.resolved).toMatch(/node_modules\/isotrack\/dist\/node\.js$/);
    await expectDelivered('bun', outcome);
  });

  const denoEnv = () => ({ DENO_DIR: join(tools.dir, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' });

  it('Deno (npm package deno), through the package in node_modules', async () => {
    const outcome = await runScript(tools.deno, ['run', '--no-prompt', '--no-lock', '--allow-net=127.0.0.1', '--allow-read', 'run.mjs', collector.url, 'deno'], denoEnv());
    // Deno resolves npm packages with the `deno` and `node` conditions: the Node build.
    expect(outcome.resolved).toMatch(/node_modules\/isotrack\/dist\/node\.js$/);
    await expectDelivered('deno', outcome);
  });

  it('Deno, loading the neutral build by http URL (no bundler, no node_modules)', async () => {
    const url = `${site.url}/node_modules/isotrack/dist/index.js`;
    const host = new URL(site.url).host;
    const outcome = await runScript(
      tools.deno,
      ['run', '--no-prompt', '--no-lock', `--allow-import=${host}`, '--allow-net=127.0.0.1', '--allow-read', 'run.mjs', collector.url, 'deno-url', url],
      denoEnv(),
    );
    expect(outcome.resolved).toBe(url);
    await expectDelivered('deno-url', outcome);
  });

  // Wrangler bundles a Worker with esbuild and these export conditions (workers-sdk,
  // deployment-bundle/bundle.ts): our package then resolves to its browser build.
  const WRANGLER_CONDITIONS = ['workerd', 'worker', 'browser'];
  const workerdCases = [
    ['workerd', 'an unbundled ES module worker whose module `isotrack` is the neutral build'],
    ['workerd-bundled', 'a worker bundled as wrangler does (esbuild, conditions workerd/worker/browser)'],
  ] as const;
  for (const [runtime, title] of workerdCases) {
    it(`workerd (Cloudflare Workers, via miniflare): ${title}, flushing in ctx.waitUntil`, async () => {
      const modules = runtime === 'workerd' ? unbundledWorker() : [await wranglerBundle()];
      const outcome = await runWorker(modules, runtime);
      expect(outcome.globals).toEqual({ window: 'undefined', document: 'undefined' });
      await expectDelivered(runtime, outcome);
    }, 60_000);
  }

  function unbundledWorker(): WorkerModule[] {
    return [
      { type: 'ESModule', path: join(project, 'edge-worker.mjs') },
      { type: 'ESModule', path: join(project, 'track.mjs') },
      // The bare specifier `isotrack` names this module, as an uploaded module of that name.
      { type: 'ESModule', path: join(project, 'isotrack'), contents: readFileSync(join(project, 'node_modules/isotrack/dist/index.js'), 'utf8') },
    ];
  }

  async function wranglerBundle(): Promise<WorkerModule> {
    const esbuild = (await importTool('esbuild')) as { build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[]; metafile: { inputs: Record<string, unknown> } }> };
    const result = await esbuild.build({
      entryPoints: ['edge-worker.mjs'], absWorkingDir: project,
      bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', conditions: WRANGLER_CONDITIONS,
      write: false, metafile: true, logLevel: 'silent',
    });
    const sdkFiles = Object.keys(result.metafile.inputs).filter((input) => input.includes('node_modules/isotrack/'));
    expect(sdkFiles).toEqual(['node_modules/isotrack/dist/browser.js']);
    return { type: 'ESModule', path: join(project, 'edge-worker.bundle.mjs'), contents: result.outputFiles[0]!.text };
  }

  async function runWorker(modules: WorkerModule[], runtime: string): Promise<Outcome> {
    const { Miniflare } = (await importTool('miniflare')) as { Miniflare: MiniflareClass };
    const mf = new Miniflare({
      modules, modulesRoot: project, compatibilityDate: '2025-01-01',
      bindings: { COLLECTOR: collector.url, RUNTIME: runtime },
    });
    try {
      expect(await (await mf.dispatchFetch('http://worker.test/')).text()).toBe('tracking');
      // The response went out before the flush: ask until waitUntil's work has settled.
      for (let attempt = 0; attempt < 200; attempt++) {
        const response = await mf.dispatchFetch('http://worker.test/outcome');
        if (response.status === 200) return (await response.json()) as Outcome;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`${runtime}: the worker never finished its flush`);
    } finally {
      await mf.dispose();
    }
  }

  /** Loads a package installed in the tools project (miniflare, esbuild). */
  async function importTool(name: string): Promise<unknown> {
    const require = createRequire(join(tools.dir, 'package.json'));
    return import(pathToFileURL(require.resolve(name)).href);
  }

  describe('Chromium', () => {
    let browser: Awaited<ReturnType<typeof chromium.launch>>;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    }, 60_000);
    afterAll(async () => browser?.close());

    for (const [runtime, call] of [
      ['web-worker', 'inWebWorker'],
      ['service-worker', 'inServiceWorker'],
    ] as const) {
      it(`a ${runtime === 'web-worker' ? 'dedicated module Web Worker' : 'module Service Worker'} loading the neutral build over http`, async () => {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.goto(`${site.url}/page.html`);
          const outcome = (await page.evaluate(
            ([name, url]) => (window as unknown as Record<string, (url: string) => Promise<unknown>>)[name]!(url),
            [call, collector.url] as const,
          )) as Outcome;
          await expectDelivered(runtime, outcome);
        } finally {
          await context.close();
        }
      }, 60_000);
    }
  });
});

describe('Node 18 compatibility of the built files', () => {
  it('the node and neutral builds use no API newer than Node 18.0 (except behind a fallback, proven by the Node 18 profile above)', () => {
    const dist = join(project, 'node_modules', 'isotrack', 'dist');
    const found: string[] = [];
    for (const file of ['node.js', 'node.cjs', 'index.js', 'index.cjs']) {
      const code = readFileSync(join(dist, file), 'utf8');
      for (const { path, since, pattern } of POST_NODE_18) {
        if (pattern?.test(code)) found.push(`${file}: ${path} (Node ${since})`);
      }
    }
    expect(found).toEqual([]);
  });
});

interface WorkerModule { type: 'ESModule'; path: string; contents?: string }
type MiniflareClass = new (options: Record<string, unknown>) => {
  dispatchFetch(url: string): Promise<Response>;
  dispose(): Promise<void>;
};
