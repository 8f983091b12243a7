// examples/typed-tracking as its README says to use it: the committed generated module is
// current (--check), the app compiles under strict settings, and run against the dev
// collector started with the example's plan it delivers every planned schema.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { startCollector } from '../../collector/src/index.js';
import { CLI, REPO, STRICT } from './helpers.js';

const EXAMPLE = join(REPO, 'examples/typed-tracking');

const node = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, args, { cwd, env: { ...process.env, ...env }, timeout: 240_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

it('the committed src/tracking.ts is what the schemas give (isotrack-codegen --check)', async () => {
  expect(await node([CLI, '--check'], EXAMPLE)).toMatchObject({ status: 0, stderr: '' });
}, 120_000);

it('the app compiles under strict settings and, run against the collector with the plan, covers the whole plan', async () => {
  const files = ['app.ts', 'tracking.ts'].map((file) => join(EXAMPLE, 'src', file));
  const program = ts.createProgram(files, { ...STRICT, types: ['node'], target: ts.ScriptTarget.ES2022 });
  expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);

  // Run the JavaScript inside the repository (an ES module package named isotrack), so that
  // `isotrack` resolves to the built package by self-reference.
  const out = join(REPO, '.cache/typed-tracking-example');
  mkdirSync(out, { recursive: true });
  for (const file of files) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(out, file.split('/').pop()!.replace(/\.ts$/, '.js')), js);
  }
  const collector = await startCollector({ port: 0, plan: join(EXAMPLE, 'isotrack.codegen.json') });
  try {
    const run = await node(['app.js'], out, { COLLECTOR: collector.url, NODE_ENV: 'development' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('isotrack: iglu:com.example.shop/checkout_started/jsonschema/1-0-0: data.total must be at least 0, got -1');
    expect(run.stdout).toMatch(/checkout [0-9a-f-]{36}: delivered/);
    const report = (await (await fetch(`${collector.url}/micro/plan`)).json()) as { planned: unknown[]; neverSeen: string[] };
    expect(report.planned).toEqual([
      { schema: 'iglu:com.example.shop/checkout_started/jsonschema/1-0-0', good: 1, bad: 0 },
      { schema: 'iglu:com.example.shop/product/jsonschema/1-0-0', good: 1, bad: 0 },
      { schema: 'iglu:com.example.shop/search_performed/jsonschema/1-0-0', good: 1, bad: 0 },
    ]);
    expect(report.neverSeen).toEqual([]);
  } finally {
    await collector.close();
  }
}, 300_000);
