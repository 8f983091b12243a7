// Consumer projects as users have them: the SDK packed with `npm pack` and installed
// from the tarball into real projects with their real tools. Shared by the consumer
// tests, the type tests and `bench/consumers.section.mjs`.
//
// Everything lives in the git-ignored `.cache/consumers/`: the tarball is packed once
// per build (keyed on the content of what `npm pack` ships); each project installs its
// tools once (keyed on their versions) and then only swaps the tarball when it changed.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const REPO = resolve(import.meta.dirname, '../..');
export const CACHE = join(REPO, '.cache/consumers');

/**
 * Runs a command; resolves with its output, rejects with both streams in the message.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string>, timeout?: number }} [options]
 * @returns {Promise<{ stdout: string, stderr: string }>}
 */
export function run(command, args, { cwd = REPO, env = {}, timeout = 300_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, timeout, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolvePromise({ stdout, stderr });
    });
  });
}

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Every file under `dir`, relative to it. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** A hash of what `npm pack` ships from `dir`: package.json's `files` and package.json itself. */
function packedContentHash(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const digest = createHash('sha256').update(readFileSync(join(dir, 'package.json')));
  for (const entry of pkg.files) {
    const path = join(dir, entry);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? filesUnder(path).map((file) => join(entry, file)) : [entry];
    for (const file of files) digest.update(file).update(readFileSync(join(dir, file)));
  }
  return digest.digest('hex').slice(0, 16);
}

/**
 * A package of this repository packed with `npm pack` (build first): the SDK, or with
 * `workspace: 'collector'` the dev collector. Cached as `.cache/consumers/<name>-<hash>.tgz`
 * and packed again only when what it ships changed. Safe when several test files call
 * it at once (each packs into its own folder and renames into place).
 * @param {{ workspace?: string }} [options]
 * @returns {Promise<string>} the tarball's path
 */
export async function packTarball({ workspace } = {}) {
  const dir = workspace ? join(REPO, workspace) : REPO;
  if (!existsSync(join(dir, 'dist'))) throw new Error(`${dir}/dist is missing: run \`npm run build\` first`);
  const name = workspace ?? 'isotrack';
  mkdirSync(CACHE, { recursive: true });
  const tarball = join(CACHE, `${name}-${packedContentHash(dir)}.tgz`);
  if (existsSync(tarball)) return tarball;
  const scratch = join(CACHE, `pack-${process.pid}-${Date.now()}`);
  mkdirSync(scratch, { recursive: true });
  try {
    const { stdout } = await run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], { cwd: dir });
    renameSync(join(scratch, stdout.trim().split('\n').pop()), tarball);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const stale = new RegExp(`^${name}-\\w+\\.tgz$`);
  for (const old of readdirSync(CACHE).filter((file) => stale.test(file) && join(CACHE, file) !== tarball)) {
    rmSync(join(CACHE, old), { force: true });
  }
  return tarball;
}

const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

/**
 * A project in `.cache/consumers/<name>` with `dependencies` (exact versions) and the
 * packed SDK installed. Its tools are installed once, until their versions change;
 * the SDK is reinstalled only when the tarball changed. `files` are (re)written on
 * every call, so that the test's sources are always the ones that run: the folders
 * they are in are emptied first (no file of an earlier run is left there).
 * @param {string} name
 * @param {{ dependencies: Record<string, string>, files?: Record<string, string>, type?: 'module' | 'commonjs', workspaces?: string[] }} spec
 *   `workspaces`: this repository's other packages to install from their tarballs too (e.g. `collector`)
 * @returns {Promise<string>} the project's folder
 */
export async function consumerProject(name, { dependencies, files = {}, type = 'module', workspaces = [] }) {
  const tarballs = [await packTarball(), ...(await Promise.all(workspaces.map((workspace) => packTarball({ workspace }))))];
  const tarball = tarballs.join(' ');
  const dir = join(CACHE, name);
  const toolsKey = hash(JSON.stringify({ dependencies, type, node: process.versions.node }));
  const stamp = join(dir, '.installed.json');
  const installed = existsSync(stamp) ? JSON.parse(readFileSync(stamp, 'utf8')) : {};
  if (installed.tools !== toolsKey || !existsSync(join(dir, 'node_modules'))) {
    // A fresh install: a half-installed folder from an interrupted run is not reused.
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type, dependencies }, null, 2));
    await installWithRetry(dir, []);
    writeFileSync(stamp, JSON.stringify({ tools: toolsKey }));
  }
  const current = JSON.parse(readFileSync(stamp, 'utf8'));
  if (current.tarball !== tarball || !existsSync(join(dir, 'node_modules/isotrack/package.json'))) {
    // npm records a file dependency's integrity: a new tarball gets a new file name.
    for (const old of readdirSync(dir).filter((f) => f.endsWith('.tgz'))) rmSync(join(dir, old));
    for (const file of tarballs) writeFileSync(join(dir, relative(CACHE, file)), readFileSync(file));
    await installWithRetry(dir, tarballs.map((file) => `./${relative(CACHE, file)}`));
    writeFileSync(stamp, JSON.stringify({ ...current, tarball }));
  }
  for (const folder of new Set(Object.keys(files).filter((file) => file.includes('/')).map((file) => file.split('/')[0]))) {
    rmSync(join(dir, folder), { recursive: true, force: true });
  }
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** `npm install`, tried once more after a network error: a cold CI machine downloads a lot. */
async function installWithRetry(dir, packages) {
  const args = ['install', ...NPM_FLAGS, ...packages];
  try {
    await run('npm', args, { cwd: dir, timeout: 600_000 });
  } catch (error) {
    if (!/ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|socket hang up|network/i.test(String(error))) throw error;
    await run('npm', args, { cwd: dir, timeout: 600_000 });
  }
}

/**
 * Total gzip -9 size of `files` in bytes.
 * @param {string[]} files
 */
export function gzipSize(files) {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}
