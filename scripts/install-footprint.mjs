// What `npm install <package>` brings into an empty project: the packages and the
// bytes under node_modules. Used by `npm run bench` (bench/footprint.section.mjs) and
// by the runtimes tests (test/runtimes/), which also pack the SDK with packRepository().
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));
/** Plain installs: no audit or funding calls, and no install scripts (a footprint, not a build). */
export const NPM_INSTALL_FLAGS = ['--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];

/**
 * `npm pack`s this repository (build dist/ first) into `into`, as a publish would.
 * @returns the tarball's path and its sha1 checksum
 */
export async function packRepository(into) {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', into, '--loglevel=error'], { cwd: repo, maxBuffer: 1 << 24 });
  const [info] = JSON.parse(stdout);
  if (!info) throw new Error(`npm pack printed no tarball: ${stdout}`);
  return { tarball: join(into, info.filename), shasum: info.shasum };
}

function bytesUnder(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/**
 * The installed packages of `project` (names, from npm's node_modules/.package-lock.json)
 * and the apparent size of its node_modules in bytes.
 */
export function footprint(project) {
  const lock = JSON.parse(readFileSync(join(project, 'node_modules', '.package-lock.json'), 'utf8'));
  const packages = Object.keys(lock.packages)
    .filter((key) => key.startsWith('node_modules/'))
    .map((key) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length))
    .sort();
  return { packages, bytes: bytesUnder(join(project, 'node_modules')) };
}

/** Installs `spec` (a registry name@version or a tarball path) into an empty temporary project and measures it. */
export async function measureInstall(spec) {
  const project = mkdtempSync(join(tmpdir(), 'isotrack-footprint-'));
  try {
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'footprint', private: true }));
    await run('npm', ['install', ...NPM_INSTALL_FLAGS, spec], { cwd: project, maxBuffer: 1 << 24, timeout: 300_000 });
    return footprint(project);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
