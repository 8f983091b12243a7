// What `npm publish` would ship for @isotrack/codegen, and that the packed command runs on
// its own: extracted from the tarball, with no node_modules, it generates a module.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ACME, REPO, scratch } from './helpers.js';

const run = promisify(execFile);

it('the tarball holds the bin, the builds, the README and LICENSE, and runs with no dependency installed', async () => {
  const dir = scratch('pack');
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: join(REPO, 'codegen'), maxBuffer: 1 << 24 });
  const [report] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  const files = report!.files.map((file) => file.path).sort();
  for (const file of ['LICENSE', 'README.md', 'package.json', 'bin/isotrack-codegen.js', 'dist/codegen.js', 'dist/codegen-cli.js', 'dist/codegen.d.ts']) expect(files).toContain(file);
  expect(files.filter((file) => !/^(LICENSE|README\.md|package\.json|bin\/|dist\/)/.test(file))).toEqual([]);
  await run('tar', ['-xzf', report!.filename], { cwd: dir });
  const out = join(dir, 'tracking.ts');
  await run(process.execPath, [join(dir, 'package/bin/isotrack-codegen.js'), '--schemas', ACME, '--out', out, '--validate'], { cwd: dir });
  expect(existsSync(out)).toBe(true);
}, 120_000);
