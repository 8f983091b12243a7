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
// Raised with what was measured: +2,370 for Snowplow-compatible identity (issue 12) and
// +1,268 for the schema rules, unsendable/exit drops, redirects and validated stored state
// (issue 15): 13,836 together; 13,861 with the strict public types; 16,926 with automatic
// tracking, global contexts, plugins and consent (issue 13) and the engine fixes (issue 11).
// Issue 13's budget (0.5x Snowplow with the same plugins, about 11,500) is not met.
// 17,418 (+444) with issue 22's fuzz causes checked at the call (a real RFC 3339 date-time,
// JSON depth, boolean isFatal), the cross-tab claim under a Web Lock, one cookie read per
// task and the time zone from Temporal (lean-core branch); issue 23's add-on split is
// where this must come down (core tag budget 8,769).
const CEILING = 17_450; // what the build holds today, with a little room

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
