// Next.js (app router) with the packed SDK: a server component that tracks with
// `Tracker`/`Emitter` and with `newTracker` (a plain tracker on the server), and a
// client component that tracks a page view in the browser. `next build` with its
// default bundler, then `next start`, the page loaded in Chromium; every event must
// reach the dev collector and validate.
//
// The build depends only on the sources below, the tarball and Next's version: it is
// cached in the project (`.next`, keyed on those) so that a warm run only starts it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { startCollector, type RunningCollector } from '@isotrack/collector';
import { consumerProject, run } from './projects.mjs';
import { launchChromium, waitForGood } from './helpers.js';

export const NEXT_VERSIONS = {
  next: '16.4.6',
  react: '19.3.1',
  'react-dom': '19.3.1',
  typescript: '5.9.3',
  '@types/react': '19.3.3',
  '@types/react-dom': '19.3.0',
  '@types/node': '20.19.43',
};

const FILES: Record<string, string> = {
  'next.config.mjs': `const root = import.meta.dirname;
// This project sits inside the SDK's repository: the project itself is the root.
export default { turbopack: { root }, outputFileTracingRoot: root };
`,
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2017',
        lib: ['dom', 'dom.iterable', 'esnext'],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        esModuleInterop: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        resolveJsonModule: true,
        isolatedModules: true,
        jsx: 'react-jsx',
        incremental: true,
        skipLibCheck: true,
        plugins: [{ name: 'next' }],
      },
      include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts'],
      exclude: ['node_modules'],
    },
    null,
    2,
  ),
  'app/layout.tsx': `export const metadata = { title: 'isotrack in Next' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  'app/page.tsx': `import { Emitter, Tracker, newTracker } from 'isotrack';
import { ClientTracker } from './client-tracker';

// Rendered per request: the collector's address comes from the server's environment.
export const dynamic = 'force-dynamic';

export default async function Page() {
  const endpoint = process.env.COLLECTOR ?? 'collector.invalid';
  const server = new Tracker(new Emitter(endpoint), { appId: 'next-server', namespace: 'server' });
  server.trackStructEvent({ category: 'next', action: 'render' });
  // newTracker on the server is a plain tracker.
  const ssr = newTracker('ssr', endpoint, { appId: 'next-server' });
  ssr.trackPageView({ pageUrl: 'https://next.example/' });
  // A generous deadline: the test machine may be busy; the collector has the last word.
  const results = await Promise.all([server.flush({ timeout: 60_000 }), ssr.flush({ timeout: 60_000 })]);
  const delivered = results.flat().every((result) => result.ok);
  return (
    <main>
      <p id="server">{delivered ? 'server events delivered' : 'server events lost'}</p>
      <ClientTracker endpoint={endpoint} />
    </main>
  );
}
`,
  'app/client-tracker.tsx': `'use client';
import { useEffect, useState } from 'react';
import { enableActivityTracking, newTracker } from 'isotrack';

export function ClientTracker({ endpoint }: { endpoint: string }) {
  const [status, setStatus] = useState('pending');
  useEffect(() => {
    const tracker = newTracker('web', endpoint, { appId: 'next-client' });
    tracker.trackPageView();
    const stop = enableActivityTracking(tracker, { minimumVisitLength: 600, heartbeatDelay: 600 });
    void tracker.flush({ timeout: 60_000 }).then((results) => setStatus(results[0]?.ok ? 'client events delivered' : 'client events lost'));
    return stop;
  }, [endpoint]);
  return <p id="client">{status}</p>;
}
`,
};

let collector: RunningCollector;
let project: string;
let browser: Browser;
let server: ChildProcess | undefined;
const env = { NEXT_TELEMETRY_DISABLED: '1' };

beforeAll(async () => {
  collector = await startCollector({ port: 0 });
  [project, browser] = await Promise.all([consumerProject('next', { dependencies: NEXT_VERSIONS, files: FILES }), launchChromium()]);
  const installed = readFileSync(join(project, '.installed.json'), 'utf8');
  const key = createHash('sha256').update(installed).update(JSON.stringify(FILES)).digest('hex');
  const stamp = join(project, '.next-build-key');
  if (!existsSync(join(project, '.next/BUILD_ID')) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== key) {
    await run(join(project, 'node_modules/.bin/next'), ['build'], { cwd: project, env, timeout: 900_000 });
    writeFileSync(stamp, key);
  }
}, 1_500_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  await browser?.close();
  await collector?.close();
});

it('next build, next start: the server and client components deliver their events, all valid', async () => {
  const port = await freePort();
  server = spawn(join(project, 'node_modules/.bin/next'), ['start', '-p', `${port}`, '-H', '127.0.0.1'], {
    cwd: project,
    env: { ...process.env, ...env, COLLECTOR: collector.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  // Not the page itself: each render tracks.
  await waitForReady(`http://127.0.0.1:${port}/isotrack-ready-probe`, () => output);

  const page = await browser.newPage();
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('#client', { hasText: /client events (delivered|lost)/ }).waitFor({ timeout: 90_000 });
    expect(await page.locator('#client').textContent()).toBe('client events delivered');
    expect(await page.locator('#server').textContent()).toBe('server events delivered');
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
  const onServer = await waitForGood(collector, 'next-server', 2);
  expect(onServer.errors).toEqual([]);
  expect(onServer.good.map((event) => event.rawEvent.parameters.e).sort()).toEqual(['pv', 'se']);
  const inBrowser = await waitForGood(collector, 'next-client', 1);
  expect(inBrowser.errors).toEqual([]);
  expect(inBrowser.good.map((event) => event.rawEvent.parameters)).toEqual([
    expect.objectContaining({ e: 'pv', p: 'web', url: `http://127.0.0.1:${port}/`, duid: expect.any(String) }),
  ]);
  expect(output).not.toMatch(/error/i);
}, 300_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForReady(url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server?.exitCode != null) throw new Error(`next start exited with ${server.exitCode}: ${output()}`);
    const ok = await fetch(url, { method: 'HEAD' }).then((res) => res.status < 500, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`next start did not answer within 120 s: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
