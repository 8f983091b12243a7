// The script-tag budget of issue 5, checked on the built file: everything the
// snippet needs (core, delivery engine, browser features) within 8 KiB (8,192 bytes)
// gzip -9.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const FILE = new URL('../dist/isotrack.umd.min.js', import.meta.url);
const BUDGET = 8_192; // 8 KiB

describe('dist/isotrack.umd.min.js', () => {
  it('exists (run npm run build first)', () => {
    expect(existsSync(FILE)).toBe(true);
  });

  it(`is at most ${BUDGET} bytes with gzip -9`, () => {
    const gzipped = gzipSync(readFileSync(FILE), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });

  it('has no eval or new Function (strict CSP)', () => {
    const code = readFileSync(FILE, 'utf8');
    expect(code).not.toMatch(/\beval\s*\(|new Function\s*\(|\bFunction\s*\(\s*['"`]/);
  });

  it('matches the SRI hash the build publishes beside it', async () => {
    const sri = new URL('../dist/isotrack.umd.min.js.sri', import.meta.url);
    expect(existsSync(sri)).toBe(true);
    const { createHash } = await import('node:crypto');
    const expected = `sha384-${createHash('sha384').update(readFileSync(FILE)).digest('base64')}`;
    expect(readFileSync(sri, 'utf8').trim()).toBe(expected);
  });
});
