// What `npm publish` would ship: the SDK's builds, its licence, its README and the SRI
// script the README tells users to run, and nothing of the dev collector.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');

async function packedFiles(dir: string): Promise<string[]> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, maxBuffer: 1 << 24 });
  const [report] = JSON.parse(stdout) as { files: { path: string }[] }[];
  return report!.files.map((file) => file.path);
}

it('the isotrack tarball holds the builds, LICENSE, README and the SRI script, and no collector', async () => {
  const files = await packedFiles(repo);
  for (const file of ['LICENSE', 'README.md', 'package.json', 'scripts/sri.mjs', 'dist/index.js', 'dist/node.cjs', 'dist/browser.js', 'dist/isotrack.umd.min.js', 'dist/isotrack.umd.min.js.sri', 'dist/plugins/link-click.umd.min.js', 'dist/plugins/form-tracking.umd.min.js', 'dist/plugins/error-tracking.umd.min.js']) {
    expect(files, file).toContain(file);
  }
  expect(files.filter((file) => /collector|schemas\//.test(file))).toEqual([]);
}, 60_000);

it('the @isotrack/collector tarball holds its bin, builds, schemas, README and LICENSE', async () => {
  const files = await packedFiles(resolve(repo, 'collector'));
  for (const file of ['LICENSE', 'README.md', 'bin/isotrack-collector.js', 'dist/collector.js', 'dist/collector.cjs', 'dist/collector.d.ts', 'dist/collector-cli.js', 'schemas/SOURCE.md']) {
    expect(files, file).toContain(file);
  }
}, 60_000);
