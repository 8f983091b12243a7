// The script tag's size, checked on the built files, gzip -9: the core tag and each
// add-on in dist/plugins/ (issue 23).
//
// Budgets (issue 23), as ratios of Snowplow 4.10.1:
// - the core tag ≤ 0.5x sp.lite.js (17,538 B built from Snowplow's source with its own
//   config; @snowplow/javascript-tracker is not on the npm registry this project can
//   reach, so the figure is the issue's): GOAL_CORE;
// - the core tag + link-click + form-tracking + error-tracking ≤ 0.5x
//   @snowplow/browser-tracker + its three plugins bundled with esbuild (20,062 B, the
//   bench measures it in the same run): GOAL_AUTOTRACK.
// The build is not there yet (see docs/benchmarks.md): the ceilings hold the line the
// files have reached, with a little room; a change that makes one bigger fails here.
// Lower a ceiling as its file shrinks; the goals stay.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url);
const gzipped = (file: string) => gzipSync(readFileSync(dist(file)), { level: 9 }).length;

const GOAL_CORE = 8_769;
const GOAL_AUTOTRACK = 10_031;
// Measured when the add-ons were split out (core 14,105 B; with the three add-ons 17,408 B).
// lean-core: +229 in the core tag (JSON depth and contextArray checks, one cookie read per
// task, the claim under a Web Lock, the time zone from Temporal, less the 29-field payload),
// +211 in consent (expiry checked as a real RFC 3339 date-time): issue 22's fuzz causes.
// lean: the schema URIs only add-ons send moved out of the core into the add-ons that send
// them (core 14,363 -> 14,163 B; link-click +31, form-tracking +30, ecommerce +34,
// site-tracking +33, screen-tracking +37: each carries its own URIs now).
// lean: newTracker calls identity and the page context only in a browser, without their
// server stand-ins (core 14,086 B zlib, with the three add-ons 17,467 B).
// autotrack (issue 20): +40 in the core tag (events tracked in a later unload listener
// are sent at once), +229 in form-tracking (focus_form and the events option): core
// 14,126 B, form-tracking 1,635 B, the three add-ons with the core 17,728 B.
// formopts (issue 20): +279 in form-tracking (Snowplow's useCapture and targets, forms given
// as elements, forms in open shadow roots, one event tracked once across nested targets,
// context functions given Snowplow's arguments): form-tracking 1,914 B, the three add-ons
// with the core 18,007 B.
// bytes (issue 23): a compact SHA-1, the rule kinds inlined into the add-ons instead of lent,
// isotrack.internal's names lent under one-letter keys, terser's ecma 2020 and unsafe_arrows,
// the UMD wrapper without its global branch and smaller identity/engine/queue code (docs/
// benchmarks.md, "Bytes taken out"): core 14,120 -> 13,836 B, with the three add-ons
// 18,001 -> 17,472 B; every add-on 5-129 B smaller. Then two changes bought Chromium
// cold-loop time with bytes, each measured in paired runs (docs/benchmarks.md): the
// checked self-describing JSON as a class (+9 B, cold loop -22%) and indexed loops on the
// per-event path (+24 B, -10%): core 13,880 B.
const CEILING_CORE = 13_890;
const CEILING_AUTOTRACK = 17_520;
/** Each add-on's ceiling: what it measured, with a little room. */
const CEILING_ADD_ON: Record<string, number> = {
  'link-click': 925,
  'form-tracking': 1_835,
  'error-tracking': 930,
  'global-contexts': 1_225,
  consent: 890,
  ecommerce: 635,
  'site-tracking': 330,
  'screen-tracking': 350,
  'activity-tracking': 575,
  // Issue 20's add-ons, measured at 713, 950, 353, 613, 581 and 874 B. Snowplow's published
  // UMD of the same plugin, gzip -9 the same way: button-click-tracking 4.6.8 2,038 B,
  // ga-cookies 4.10.2 1,116 B, performance-navigation-timing 4.6.8 898 B, ad-tracking
  // 3.24.6 1,602 B (the newest on the registry this project reaches; enhanced-consent is
  // not there); spa-page-views has no Snowplow counterpart.
  'spa-page-views': 715,
  'button-click-tracking': 945,
  'ga-cookies': 360,
  'performance-navigation-timing': 625,
  // ad-tracking: 624 with the check that `cost` comes with its `costModel` (the schemas' dependency).
  'ad-tracking': 590,
  'enhanced-consent': 830,
  // snowplow-ecommerce: 1,999 B measured; Snowplow's published UMD of
  // @snowplow/browser-plugin-snowplow-ecommerce 4.10.1 (index.umd.min.js) the same way: 3,320 B.
  'snowplow-ecommerce': 1_890,
  // Measured at 1,292 B with its own PerformanceObservers; Google's web-vitals 6.2.3 alone,
  // its five on* functions bundled, is 3,274 B (docs/automatic-tracking.md, "Web vitals").
  'web-vitals': 1_280,
};

describe('dist/isotrack.umd.min.js (the core tag)', () => {
  it('exists (run npm run build first)', () => {
    expect(existsSync(dist('isotrack.umd.min.js'))).toBe(true);
  });

  it(`does not grow past ${CEILING_CORE} bytes with gzip -9 (goal: ${GOAL_CORE})`, () => {
    expect(gzipped('isotrack.umd.min.js')).toBeLessThanOrEqual(CEILING_CORE);
  });

  it(`with the link-click, form-tracking and error-tracking add-ons, does not grow past ${CEILING_AUTOTRACK} bytes (goal: ${GOAL_AUTOTRACK})`, () => {
    const sum = ['isotrack.umd.min.js', 'plugins/link-click.umd.min.js', 'plugins/form-tracking.umd.min.js', 'plugins/error-tracking.umd.min.js'].map(gzipped).reduce((a, b) => a + b);
    expect(sum).toBeLessThanOrEqual(CEILING_AUTOTRACK);
  });

  it('has no eval or new Function (strict CSP), nor its add-ons', () => {
    for (const file of ['isotrack.umd.min.js', ...readdirSync(dist('plugins')).filter((f) => f.endsWith('.js')).map((f) => `plugins/${f}`)]) {
      expect(readFileSync(dist(file), 'utf8'), file).not.toMatch(/\beval\s*\(|new Function\s*\(|\bFunction\s*\(\s*['"`]/);
    }
  });

  it('matches the SRI hash the build publishes beside it', async () => {
    const sri = dist('isotrack.umd.min.js.sri');
    expect(existsSync(sri)).toBe(true);
    const { createHash } = await import('node:crypto');
    const expected = `sha384-${createHash('sha384').update(readFileSync(dist('isotrack.umd.min.js'))).digest('base64')}`;
    expect(readFileSync(sri, 'utf8').trim()).toBe(expected);
  });
});

describe('dist/plugins/ (the add-ons)', () => {
  it('has the add-ons named after Snowplow’s plugins, and no other', () => {
    const built = readdirSync(dist('plugins')).filter((file) => file.endsWith('.umd.min.js')).map((file) => file.replace('.umd.min.js', ''));
    expect(built.sort()).toEqual(Object.keys(CEILING_ADD_ON).sort());
  });

  for (const [name, ceiling] of Object.entries(CEILING_ADD_ON)) {
    it(`${name}.umd.min.js does not grow past ${ceiling} bytes with gzip -9`, () => {
      expect(gzipped(`plugins/${name}.umd.min.js`)).toBeLessThanOrEqual(ceiling);
    });
  }
});
