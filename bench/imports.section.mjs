// `npm run bench` section (or `node bench/imports.section.mjs` after `npm run build`):
// which imports cost what in a single-page app. Each program imports from the built
// browser entry (dist/browser.js) and is bundled as the issue measures an SPA
// (esbuild --bundle --minify --format=esm --platform=browser), gzip -9; beside it the
// same quick start with @snowplow/browser-tracker (the project's devDependency),
// bundled the same way in the same run. The README's "which imports cost what" table
// and docs/benchmarks.md take their figures from here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));
const cache = `${root}.cache/imports-bench/`;
const ESBUILD = '0.28.2';
const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** esbuild, installed once into .cache (git-ignored), not into the project. */
function esbuild() {
  const file = `${cache}node_modules/esbuild/package.json`;
  if (!existsSync(file) || JSON.parse(readFileSync(file, 'utf8')).version !== ESBUILD) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(`${cache}package.json`, JSON.stringify({ private: true, dependencies: { esbuild: ESBUILD } }, null, 2));
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: cache, stdio: 'ignore' });
  }
  return createRequire(cache)('esbuild');
}

const QUICK_START = `const tracker = newTracker('sp', 'https://collector.example.com', { appId: 'shop' });\ntracker.trackPageView();\n`;

/** [what the app adds to the quick start, its imports, its extra code]. */
export const PROGRAMS = [
  ['newTracker + trackPageView (the SPA quick start)', [], ''],
  ['+ trackStructEvent, trackSelfDescribingEvent (methods)', [], "tracker.trackStructEvent({ category: 'c', action: 'a' });\ntracker.trackSelfDescribingEvent({ event: { schema: 'iglu:com.acme/e/jsonschema/1-0-0', data: {} } });\n"],
  ['+ trackLinkClick', ['trackLinkClick'], "trackLinkClick(tracker, { targetUrl: 'https://a.example/' });\n"],
  ['+ enableLinkClickTracking', ['enableLinkClickTracking'], 'enableLinkClickTracking(tracker);\n'],
  ['+ enableFormTracking', ['enableFormTracking'], 'enableFormTracking(tracker);\n'],
  ['+ enableErrorTracking', ['enableErrorTracking'], 'enableErrorTracking(tracker);\n'],
  ['+ enableActivityTracking', ['enableActivityTracking'], 'enableActivityTracking(tracker);\n'],
  ['+ addGlobalContexts', ['addGlobalContexts'], "addGlobalContexts(tracker, [{ schema: 'iglu:com.acme/c/jsonschema/1-0-0', data: {} }]);\n"],
  ['+ trackConsentGranted', ['trackConsentGranted'], "trackConsentGranted(tracker, { id: '1', version: '1' });\n"],
  ['+ trackEcommerceTransaction', ['trackEcommerceTransaction'], "trackEcommerceTransaction(tracker, { orderId: 'o', totalValue: 1 });\n"],
  ['+ trackScreenView', ['trackScreenView'], "trackScreenView(tracker, { name: 'home' });\n"],
  ['+ new Tracker (every event type as a method)', ['Tracker'], 'new Tracker(tracker.emitter).trackSiteSearch({ terms: ["t"] });\n'],
  ['+ commandFunction (the script tag\u2019s queue)', ['commandFunction'], "commandFunction()('trackPageView');\n"],
];

async function bundle(build, contents) {
  const result = await build({ stdin: { contents, resolveDir: root, sourcefile: 'app.js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  return result.outputFiles[0].text;
}

/** The gzip -9 size of each program, and of the quick start with @snowplow/browser-tracker. */
export async function importSizes() {
  const { build } = esbuild();
  const rows = [];
  for (const [what, names, code] of PROGRAMS) {
    const source = `import { ${['newTracker', ...names].join(', ')} } from ${JSON.stringify(`${root}dist/browser.js`)};\n${QUICK_START}${code}`;
    rows.push({ what, bytes: gzip(await bundle(build, source)) });
  }
  const snowplow = gzip(await bundle(build, `import { newTracker, trackPageView } from '@snowplow/browser-tracker';\nnewTracker('sp', 'https://collector.example.com', { appId: 'shop' });\ntrackPageView();\n`));
  return { rows, snowplow };
}

export default async function importsSection({ printTable }) {
  console.log('\nWhich imports cost what (esbuild --bundle --minify --format=esm --platform=browser from dist/browser.js; gzip -9 bytes)');
  const { rows, snowplow } = await importSizes();
  const base = rows[0].bytes;
  printTable(
    ['program', 'bytes', 'added'],
    rows.map(({ what, bytes }, i) => [what, bytes, i ? `+${bytes - base}` : '']),
  );
  const budget = Math.floor(snowplow / 2);
  printTable(
    ['SPA quick start (esbuild)', 'bytes', 'budget 0.5x', 'ratio'],
    [
      ['@snowplow/browser-tracker (anchor)', snowplow, '', ''],
      ['isotrack', base, budget, `${(base / snowplow).toFixed(2)}x ${base <= budget ? 'met' : 'NOT met'}`],
    ],
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const printTable = (headers, rows) => console.table(rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]]))));
  await importsSection({ printTable });
}
