// The install-footprint section of `npm run bench` (bench/run.mjs loads every
// *.section.mjs): what `npm install` brings into an empty project for the packed
// isotrack tarball, @snowplow/browser-tracker and @snowplow/node-tracker (the versions
// this repository's devDependencies installed), as packages and megabytes on disk.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureInstall, packRepository } from '../scripts/install-footprint.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const DEV_ONLY = ['ajv', 'node-fetch', 'cross-fetch'];

/** `name@version` as installed here for the devDependency `name` (its range if not installed). */
function installedSpec(name) {
  try {
    return `${name}@${JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version}`;
  } catch {
    return `${name}@${JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies[name]}`;
  }
}

export default async function footprintSection({ printTable }) {
  console.log('\nInstall footprint: `npm install <package>` in an empty project (npm, no install scripts)\n');
  const packDir = mkdtempSync(join(tmpdir(), 'isotrack-pack-'));
  try {
    const { tarball } = await packRepository(packDir);
    const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
    const subjects = [
      [`isotrack@${version} (packed)`, tarball],
      [installedSpec('@snowplow/browser-tracker'), installedSpec('@snowplow/browser-tracker')],
      [installedSpec('@snowplow/node-tracker'), installedSpec('@snowplow/node-tracker')],
    ];
    const rows = [];
    let isotrack;
    for (const [label, spec] of subjects) {
      const result = await measureInstall(spec);
      isotrack ??= result;
      rows.push([label, result.packages.length, `${(result.bytes / 1e6).toFixed(2)} MB`, result.packages.filter((p) => DEV_ONLY.includes(p)).join(', ') || 'none']);
    }
    printTable(['package', 'packages installed', 'node_modules size', `of ${DEV_ONLY.join('/')}`], rows);
    console.log(`\n      isotrack installs: ${isotrack.packages.join(', ')}`);
    const clean = !isotrack.packages.some((p) => DEV_ONLY.includes(p));
    const small = isotrack.packages.every((p) => p === 'isotrack' || p === 'js-base64');
    console.log(`${clean ? 'PASS' : 'FAIL'}  isotrack installs no ${DEV_ONLY.join(', no ')}`);
    console.log(`${small ? 'PASS' : 'FAIL'}  isotrack installs at most js-base64 beside itself (${isotrack.packages.length} packages)`);
    if (!clean || !small) process.exitCode = 1;
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}
