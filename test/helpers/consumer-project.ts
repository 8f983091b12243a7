import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consumerProject } from '../consumers/projects.mjs';

/**
 * A project that depends on isotrack the way a user's does: the packed tarball
 * (`npm pack`) installed in its node_modules, so `require('isotrack')` and
 * `import('isotrack')` resolve through package.json `exports` to the shipped files.
 * Cached in `.cache/consumers/<name>`; the tarball is reinstalled when it changed.
 */
export function makeConsumerProject(name: string): Promise<string> {
  return consumerProject(name, { dependencies: {}, type: 'commonjs' });
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
