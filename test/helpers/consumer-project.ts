import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

/**
 * A throwaway project that depends on isotrack the way a user's does: the
 * package sits in its node_modules, so `require('isotrack')` and
 * `import('isotrack')` resolve through package.json `exports` to dist/.
 */
export function makeConsumerProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'isotrack-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repo, join(dir, 'node_modules', 'isotrack'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  return dir;
}

/** Runs a script file in the consumer project; resolves with stdout, rejects with stderr. */
export function runIn(dir: string, file: string, source: string, env: Record<string, string> = {}): Promise<string> {
  writeFileSync(join(dir, file), source);
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [file], { cwd: dir, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} failed: ${stderr || error.message}`));
      else resolvePromise(stdout);
    });
  });
}
