// The collector's Node-only dependencies must never reach the tracker builds.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
// The SDK's sources (src/) never import the collector package or its validator.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

it('no SDK source file imports ajv, ajv-formats or the collector', () => {
  const offenders = sourceFiles(SRC)
    .filter((file) => /from\s+['"](ajv|ajv-formats|ajv\/[^'"]*|@isotrack\/collector|[./]+\/collector(\/[^'"]*)?)['"]/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(SRC, file));
  expect(offenders).toEqual([]);
});
