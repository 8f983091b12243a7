// Issue 22: `npm pack` on an unbuilt clone refuses instead of packing four files, and
// `sri.mjs` run from an installed copy only prints (never rewrites node_modules).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

describe('npm pack on a clone that was never built', () => {
  it('prepack refuses, naming `npm run build`, and no tarball is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'isotrack-unbuilt-'));
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/index.ts'), 'export {};\n');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    // The repository's package.json, minus the workspace (the collector is not copied).
    delete pkg.workspaces;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
    for (const f of ['prepack.mjs', 'sri.mjs']) copyFileSync(join(root, 'scripts', f), join(dir, 'scripts', f));
    const result = spawnSync('npm', ['pack', '--ignore-scripts=false'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('isotrack prepack: the build is missing (./dist/');
    expect(result.stderr).toContain('Run `npm run build` first');
    expect(execFileSync('ls', [dir], { encoding: 'utf8' })).not.toMatch(/\.tgz/);
  });
});

describe('scripts/sri.mjs in an installed copy', () => {
  it('prints the hash and leaves node_modules untouched', () => {
    const pkgDir = join(mkdtempSync(join(tmpdir(), 'isotrack-installed-')), 'node_modules', 'isotrack');
    mkdirSync(join(pkgDir, 'scripts'), { recursive: true });
    mkdirSync(join(pkgDir, 'dist'));
    copyFileSync(join(root, 'scripts/sri.mjs'), join(pkgDir, 'scripts/sri.mjs'));
    writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ version: '9.9.9' }));
    const code = 'window.isotrack=1;';
    writeFileSync(join(pkgDir, 'dist/isotrack.umd.min.js'), code);
    writeFileSync(join(pkgDir, 'dist/isotrack.umd.min.js.sri'), 'as published\n');
    const printed = execFileSync(process.execPath, [join(pkgDir, 'scripts/sri.mjs')], { encoding: 'utf8' });
    expect(printed.trim()).toBe(`sha384-${createHash('sha384').update(code).digest('base64')}`);
    expect(readFileSync(join(pkgDir, 'dist/isotrack.umd.min.js.sri'), 'utf8')).toBe('as published\n');
  });
});
