// Installs what the runtimes test runs on, once, into git-ignored .cache/runtimes/:
// the packed SDK in a small consumer project (as `npm install isotrack` would), and the
// runtimes themselves (Bun, Deno, workerd through miniflare) from npm. Both are reused
// across runs and re-installed only when their input changes (the tarball's checksum,
// the tools' lockfile). Parallel test files may race here: each installs into its own
// temporary folder and renames it into place, so a reader never sees half an install.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { NPM_INSTALL_FLAGS, packRepository } from '../../scripts/install-footprint.mjs';

const run = promisify(execFile);
export const repo = resolve(import.meta.dirname, '../..');
export const cacheDir = join(repo, '.cache', 'runtimes');
const INSTALLED = '.installed';

/**
 * Moves a finished install into place unless another process got there first, then
 * removes the installs it replaces (same prefix, older input), so the cache stays small.
 */
function publish(temp: string, final: string, prefix: string): void {
  try {
    renameSync(temp, final);
  } catch (error) {
    if (!existsSync(join(final, INSTALLED))) throw error;
    rmSync(temp, { recursive: true, force: true });
  }
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith(prefix) && join(cacheDir, name) !== final) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * A project whose only dependency is the packed SDK, installed from the tarball the
 * way a user installs it. Returns the project folder (its node_modules/isotrack is
 * the published file set, never the repository's dist/).
 */
export async function packedProject(): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const temp = mkdtempSync(join(cacheDir, 'tmp-consumer-'));
  try {
    const { tarball, shasum } = await packRepository(temp);
    const final = join(cacheDir, `consumer-${shasum.slice(0, 12)}`);
    if (existsSync(join(final, INSTALLED))) return final;
    writeFileSync(join(temp, 'package.json'), JSON.stringify({ name: 'runtimes-consumer', private: true, type: 'module' }, null, 2));
    await run('npm', ['install', ...NPM_INSTALL_FLAGS, `./${tarball.slice(temp.length + 1)}`], { cwd: temp, maxBuffer: 1 << 24 });
    writeFileSync(join(temp, INSTALLED), shasum);
    publish(temp, final, 'consumer-');
    return final;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Bun, Deno and miniflare (workerd), at the versions pinned in test/runtimes/tools. */
export async function runtimeTools(): Promise<{ bun: string; deno: string; dir: string }> {
  const source = join(repo, 'test', 'runtimes', 'tools');
  const lock = readFileSync(join(source, 'package-lock.json'));
  const key = createHash('sha256').update(lock).digest('hex').slice(0, 12);
  const dir = join(cacheDir, `tools-${key}`);
  if (!existsSync(join(dir, INSTALLED))) {
    mkdirSync(cacheDir, { recursive: true });
    const temp = mkdtempSync(join(cacheDir, 'tmp-tools-'));
    try {
      cpSync(join(source, 'package.json'), join(temp, 'package.json'));
      cpSync(join(source, 'package-lock.json'), join(temp, 'package-lock.json'));
      // The platform binaries are optional dependencies of `bun`, `deno` and `workerd`.
      // Install scripts stay off (npm 11 asks before running them), except bun's: its
      // launcher refuses to start until install.js has put the platform binary in place.
      await run('npm', ['ci', ...NPM_INSTALL_FLAGS], { cwd: temp, maxBuffer: 1 << 24, timeout: 600_000 });
      await run(process.execPath, ['install.js'], { cwd: join(temp, 'node_modules', 'bun'), timeout: 300_000 });
      writeFileSync(join(temp, INSTALLED), key);
      publish(temp, dir, 'tools-');
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  return { dir, bun: join(dir, 'node_modules', '.bin', 'bun'), deno: join(dir, 'node_modules', '.bin', 'deno') };
}
