// The script-tag size, checked on the built file: everything the snippet needs
// (core, delivery engine, browser features), gzip -9.
//
// Issue 5's goal is 8 KiB (8,192 bytes). The build is not there yet (10,089 bytes
// when this was written; see the README's Budgets), so this test holds the line
// that the file has reached: a change that makes it bigger than CEILING fails here.
// Lower CEILING as the file shrinks; the goal stays GOAL.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const FILE = new URL('../dist/isotrack.umd.min.js', import.meta.url);
const GOAL = 8_192; // 8 KiB, issue 5
// Issue 13 (link, form and error tracking, global contexts, consent, plugin API) took it
// from 10,217 to 13,057 bytes; its budget is 0.5x Snowplow + plugins (11,035 in the bench).
const CEILING = 13_100; // what the build holds today, with a little room

describe('dist/isotrack.umd.min.js', () => {
  it('exists (run npm run build first)', () => {
    expect(existsSync(FILE)).toBe(true);
  });

  it(`does not grow past ${CEILING} bytes with gzip -9 (goal: ${GOAL})`, () => {
    const gzipped = gzipSync(readFileSync(FILE), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(CEILING);
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
