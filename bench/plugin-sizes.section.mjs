// The add-on sizes section of `npm run bench` (issue 20): each script-tag add-on in
// dist/plugins/ beside Snowplow's plugin of the same feature, and the core tag with every
// add-on beside Snowplow's full tag `sp.js`. Alone: `node bench/plugin-sizes.section.mjs`
// after `npm run build`.
//
// Sizes are zlib gzip level 9 of the files as shipped: isotrack's `dist/plugins/X.umd.min.js`,
// Snowplow's published UMD (`@snowplow/browser-plugin-X/dist/index.umd.min.js`, the file a
// page loads with `addPlugin`), both devDependencies. The add-ons are listed from
// dist/plugins at run time, so a new add-on shows up without an edit here; its Snowplow
// counterpart is the plugin of the same name unless COUNTERPART says otherwise.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { printTable } from './print-table.mjs';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(root);
const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

// sp.js 4.10.1 (core + eleven plugins), gzip -9: the issue's figure. Its npm package
// (@snowplow/javascript-tracker) is not on the registry this project reaches; if it ever
// is installed, the file is measured instead.
const SP_JS = { version: '4.10.1', bytes: 25_514 };

/**
 * isotrack add-on → Snowplow's plugin of the same feature (`@snowplow/browser-plugin-<name>`),
 * or why there is none. An add-on not listed is matched with the plugin of its own name.
 */
const COUNTERPART = {
  'link-click': 'link-click-tracking',
  'form-tracking': 'form-tracking',
  'error-tracking': 'error-tracking',
  'button-click-tracking': 'button-click-tracking',
  'ga-cookies': 'ga-cookies',
  'performance-navigation-timing': 'performance-navigation-timing',
  'site-tracking': 'site-tracking',
  'screen-tracking': 'screen-tracking',
  'ad-tracking': 'ad-tracking',
  'enhanced-consent': 'enhanced-consent',
  'snowplow-ecommerce': 'snowplow-ecommerce',
  'web-vitals': 'web-vitals',
  // Snowplow 3's plugins of these events; Snowplow 4 dropped them.
  consent: 'consent',
  ecommerce: 'ecommerce',
  'global-contexts': { none: "in Snowplow's core" },
  'activity-tracking': { none: "in Snowplow's core" },
  'spa-page-views': { none: 'Snowplow has none' },
};

/** The add-ons whose features sp.js 4.10.1 carries (its eleven plugins, and what its core has that isotrack puts in add-ons). */
const SP_JS_FEATURES = [
  'ad-tracking', 'enhanced-consent', 'error-tracking', 'form-tracking', 'ga-cookies', 'link-click',
  'performance-navigation-timing', 'site-tracking', 'snowplow-ecommerce', 'button-click-tracking', 'web-vitals',
  'global-contexts', 'activity-tracking',
];

/** Snowplow's published UMD of `plugin` and its version, or why there is none. */
function snowplowPlugin(plugin) {
  const name = `@snowplow/browser-plugin-${plugin}`;
  let pkg;
  try {
    pkg = require.resolve(`${name}/package.json`);
  } catch {
    return { none: `${plugin}: not on the registry here` };
  }
  const file = pkg.replace(/package\.json$/, 'dist/index.umd.min.js');
  if (!existsSync(file)) return { none: `${plugin}: no dist/index.umd.min.js` };
  return { file, version: JSON.parse(readFileSync(pkg, 'utf8')).version };
}

function spJs() {
  try {
    const pkg = require.resolve('@snowplow/javascript-tracker/package.json');
    const file = pkg.replace(/package\.json$/, 'dist/sp.js');
    const { version } = JSON.parse(readFileSync(pkg, 'utf8'));
    if (existsSync(file)) return { bytes: gzip(file), label: `sp.js ${version} (measured)` };
  } catch {
    // Not installed: the issue's figure below.
  }
  return { bytes: SP_JS.bytes, label: `sp.js ${SP_JS.version}, the issue's figure (@snowplow/javascript-tracker is not on the registry here)` };
}

const fmt = (n) => n.toLocaleString('en-US');

/** The add-ons in dist/plugins, each with its size and its Snowplow counterpart's. */
export function pluginSizes() {
  const dir = `${root}dist/plugins/`;
  if (!existsSync(dir)) throw new Error('dist/plugins is missing: run `npm run build` first');
  const names = readdirSync(dir)
    .filter((file) => file.endsWith('.umd.min.js'))
    .map((file) => file.slice(0, -'.umd.min.js'.length))
    .sort();
  return names.map((name) => {
    const mapped = COUNTERPART[name] ?? name;
    const snowplow = typeof mapped == 'string' ? { plugin: mapped, ...snowplowPlugin(mapped) } : mapped;
    return { name, bytes: gzip(`${dir}${name}.umd.min.js`), snowplow: snowplow.file ? { ...snowplow, bytes: gzip(snowplow.file) } : snowplow };
  });
}

export default async function pluginSizesSection({ printTable }) {
  const addOns = pluginSizes();
  const core = gzip(`${root}dist/isotrack.umd.min.js`);
  const sp = spJs();
  console.log('\nAdd-ons (dist/plugins/*.umd.min.js) beside Snowplow\'s plugins (published UMD, dist/index.umd.min.js), gzip -9\n');
  printTable(
    ['isotrack add-on', 'isotrack (B)', 'Snowplow plugin (@snowplow/…)', 'Snowplow (B)', 'ratio'],
    addOns.map(({ name, bytes, snowplow }) => [
      name,
      fmt(bytes),
      snowplow.bytes ? `browser-plugin-${snowplow.plugin} ${snowplow.version}` : `— (${snowplow.none})`,
      snowplow.bytes ? fmt(snowplow.bytes) : '—',
      snowplow.bytes ? `${(bytes / snowplow.bytes).toFixed(2)}x` : '—',
    ]),
  );
  const sum = (list) => list.reduce((total, { bytes }) => total + bytes, 0);
  const all = core + sum(addOns);
  const oneFile = gzipSync(Buffer.concat([`${root}dist/isotrack.umd.min.js`, ...addOns.map(({ name }) => `${root}dist/plugins/${name}.umd.min.js`)].flatMap((file) => [readFileSync(file), Buffer.from('\n')])), { level: 9 }).length;
  const withSpJsFeatures = addOns.filter(({ name }) => SP_JS_FEATURES.includes(name));
  const missing = SP_JS_FEATURES.filter((name) => !addOns.some((addOn) => addOn.name == name));
  console.log('');
  printTable(
    ['script tag', 'isotrack (B)', 'Snowplow (B)', 'ratio'],
    [
      [`core + all ${addOns.length} add-ons, each file gzip -9, summed (as a page loads them)`, fmt(all), fmt(sp.bytes), `${(all / sp.bytes).toFixed(2)}x`],
      [`core + all ${addOns.length} add-ons in one file, gzip -9 (as sp.js ships)`, fmt(oneFile), fmt(sp.bytes), `${(oneFile / sp.bytes).toFixed(2)}x`],
      [
        `core + the ${withSpJsFeatures.length} add-ons of sp.js's features, summed${missing.length ? ` (not built yet: ${missing.join(', ')})` : ''}`,
        fmt(core + sum(withSpJsFeatures)),
        fmt(sp.bytes),
        `${((core + sum(withSpJsFeatures)) / sp.bytes).toFixed(2)}x`,
      ],
    ],
  );
  console.log(`Snowplow: ${sp.label}. isotrack's core tag alone: ${fmt(core)} B.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await pluginSizesSection({ printTable });
}
