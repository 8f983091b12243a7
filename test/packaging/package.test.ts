// What a user's toolchain sees of the published package: the exports map, the
// type declarations, and builds that carry only what their platform needs.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeConsumerProject, runIn } from '../helpers/consumer-project.js';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const bin = (name: string) => resolve(repo, 'node_modules/.bin', name);
const dist = (file: string) => readFileSync(resolve(repo, 'dist', file), 'utf8');

describe('package', () => {
  it('dist holds ESM, CJS, type declarations and the UMD files', () => {
    for (const file of [
      'index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'node.js', 'node.cjs', 'node.d.ts', 'node.d.cts',
      'browser.js', 'browser.d.ts', 'isotrack.umd.js', 'isotrack.umd.min.js',
    ]) {
      expect(existsSync(resolve(repo, 'dist', file)), file).toBe(true);
    }
  });

  it('publint reports nothing', async () => {
    const { stdout } = await run(bin('publint'), ['--strict'], { cwd: repo });
    expect(stdout).not.toMatch(/error|warning|suggestion/i);
  }, 60_000);

  it('are-the-types-wrong reports no problem for any resolution mode', async () => {
    // --pack runs `npm pack`, as a publish would; exits non-zero on any problem.
    const result = await run(bin('attw'), ['--pack', '.', '--format', 'json'], { cwd: repo, maxBuffer: 1 << 24 }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const report = JSON.parse(result.stdout) as { problems?: unknown[] | Record<string, unknown[]> };
    const problems = Array.isArray(report.problems) ? report.problems : Object.values(report.problems ?? {}).flat();
    expect(problems).toEqual([]);
  }, 120_000);

  it('browser builds carry no Node-only code, no cross-fetch and no eval', () => {
    for (const file of ['browser.js', 'isotrack.umd.js', 'isotrack.umd.min.js', 'plugins/link-click.umd.min.js', 'plugins/form-tracking.umd.min.js', 'plugins/error-tracking.umd.min.js']) {
      const code = dist(file);
      expect(code, file).not.toMatch(/cross-fetch|node-fetch|from\s*['"]node:|require\(['"](http|https|node:)/);
      expect(code, file).not.toMatch(/\beval\(|new Function\(/);
      expect(code, file).not.toMatch(/\bajv\b/);
    }
  });

  it('the UMD build exposes isotrack.Tracker, Emitter and Subject', async () => {
    const { runInNewContext } = await import('node:vm');
    const sandbox: Record<string, unknown> = { crypto: globalThis.crypto, setTimeout, clearTimeout, TextEncoder };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    runInNewContext(dist('isotrack.umd.min.js'), sandbox);
    const isotrack = sandbox.isotrack as Record<string, unknown>;
    for (const name of ['Tracker', 'Emitter', 'Subject']) expect(typeof isotrack[name], name).toBe('function');
  });
});

describe('server-side rendering', () => {
  it('importing every entry in Node touches no window, document or navigator', async () => {
    const consumer = await makeConsumerProject('packaging');
    const script = `
      for (const name of ['window', 'document', 'navigator', 'localStorage']) {
        Object.defineProperty(globalThis, name, { configurable: true, get() { throw new Error(name + ' touched at import'); } });
      }
      const entries = ['isotrack', 'isotrack/dist/browser.js', 'isotrack/dist/index.js'];
      const loaded = [];
      for (const entry of entries) {
        // The shipped files themselves, as installed (only '.' is exported).
        const mod = await import(entry.startsWith('isotrack/dist') ? './node_modules/' + entry : entry);
        loaded.push(typeof mod.Tracker);
      }
      console.log(JSON.stringify(loaded));`;
    const stdout = await runIn(consumer, 'ssr.mjs', script);
    expect(JSON.parse(stdout.trim())).toEqual(['function', 'function', 'function']);
  }, 600_000);

  it('require() and import() both work from a consumer project', async () => {
    const consumer = await makeConsumerProject('packaging');
    const cjs = await runIn(consumer, 'req.cjs', "const m = require('isotrack'); console.log(typeof m.Tracker, typeof m.Emitter, typeof m.Subject)");
    const esm = await runIn(consumer, 'imp.mjs', "const m = await import('isotrack'); console.log(typeof m.Tracker, typeof m.Emitter, typeof m.Subject)");
    expect(cjs.trim()).toBe('function function function');
    expect(esm.trim()).toBe('function function function');
  }, 600_000);
});
