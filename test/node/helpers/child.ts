import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const rootDir = new URL('../../../', import.meta.url).pathname;
let entry: Promise<string> | undefined;

/** Newest modification time of the sources the Node entry is built from. */
function newestSource(dir = join(rootDir, 'src')): number {
  return Math.max(
    0,
    ...readdirSync(dir).map((name) => {
      const path = join(dir, name);
      const stat = statSync(path);
      return stat.isDirectory() ? newestSource(path) : stat.mtimeMs;
    }),
  );
}

/**
 * The Node entry a user would import. The built `dist/node.js` when it holds this
 * engine and is newer than every source (`npm test` builds first); otherwise the same
 * sources bundled on the fly, so a stale build never hides a change.
 */
export function nodeEntry(): Promise<string> {
  entry ??= (async () => {
    const dist = join(rootDir, 'dist/node.js');
    if (existsSync(dist) && statSync(dist).mtimeMs >= newestSource() && readFileSync(dist, 'utf8').includes('closeOnSignals')) return dist;
    const dir = mkdtempSync(join(tmpdir(), 'isotrack-node-'));
    const input = join(dir, 'entry.ts');
    writeFileSync(
      input,
      `export { Emitter } from ${JSON.stringify(join(rootDir, 'src/node/emitter.ts'))};\n` +
        `export { Tracker } from ${JSON.stringify(join(rootDir, 'src/core/tracker.ts'))};\n` +
        `export { Subject } from ${JSON.stringify(join(rootDir, 'src/core/subject.ts'))};\n` +
        `export { closeOnSignals } from ${JSON.stringify(join(rootDir, 'src/node/close-on-signals.ts'))};\n`,
    );
    const { build } = await import('rolldown');
    const file = join(dir, 'node.mjs');
    await build({ input, platform: 'node', logLevel: 'silent', output: { file, format: 'esm' } });
    return file;
  })();
  return entry;
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to exit. */
  elapsed: number;
}

/** Runs an ES module script in a fresh Node process; kills it after `timeoutMs`. */
export async function runScript(source: string, env: Record<string, string>, timeoutMs = 30_000): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'isotrack-script-'));
  const file = join(dir, 'script.mjs');
  writeFileSync(file, source);
  const started = Date.now();
  const child = spawn(process.execPath, [file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  return { code, signal, stdout, stderr, elapsed: Date.now() - started };
}
