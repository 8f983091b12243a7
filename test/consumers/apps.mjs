// The consumer apps and how each bundler builds them, shared by
// test/consumers/bundlers.test.ts (which runs the bundles against the dev collector)
// and bench/consumers.section.mjs (which prints their sizes).
//
// Two apps: `minimal` calls only newTracker + trackPageView; `full` uses every runtime
// export of the package. Both read the collector's address and their app id from
// globals (`COLLECTOR`, `APP_ID`) that the page or runner sets, so that one build
// serves every run.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { consumerProject, gzipSize, run } from './projects.mjs';

/** Exact tool versions: a new version is a deliberate change (and a fresh install). */
export const BUNDLER_VERSIONS = { vite: '8.4.0', webpack: '5.113.0', esbuild: '0.28.2' };

export const MINIMAL_APP = `import { newTracker } from 'isotrack';

const tracker = newTracker('sp', globalThis.COLLECTOR, { appId: globalThis.APP_ID });
tracker.trackPageView();
`;

/** Every runtime export of the package, used; \`globalThis.DONE\` settles when all is flushed. */
export const FULL_APP = `import {
  BrowserTracker, EMITTER_DEFAULTS, Emitter, MemoryEventStore, NODE_DEFAULTS, PayloadBuilder, SCHEMAS, Subject,
  TRACKER_VERSION, Tracker, addGlobalContexts, base64UrlEncode, clearGlobalContexts, closeOnSignals, commandFunction,
  enableActivityTracking, enableErrorTracking, enableFormTracking, enableLinkClickTracking, errorTracking,
  fetchTransport, formTracking, identity, identityFromCookies, linkClickTracking, localStore, memoryStore, newTracker,
  nodeHttpTransport, pageContext, persistentStore, removeGlobalContexts, sendBeaconTransport, trackConsentGranted,
  trackConsentWithdrawn, trackError, utf8ByteLength, uuidv4, BaseTracker, trackScreenView, trackEcommerceTransaction,
  trackLinkClick, trackAddToCart, trackRemoveFromCart, trackFormChange, trackFormSubmit, trackSiteSearch,
  buttonClickTracking, enableButtonClickTracking, trackButtonClick, enableGaCookies, gaCookies,
  enablePerformanceNavigationTiming, performanceNavigationTiming, enableSpaPageViews, spaPageViews,
  trackAdImpression, trackAdClick, trackAdConversion, trackCmpVisible, trackConsentAllow, trackConsentDeny,
  trackConsentExpired, trackConsentImplicit, trackConsentPending, trackConsentPreferences, trackConsentSelected,
  enableWebVitals, webVitals, setPageType, setEcommerceUser, trackProductView, trackProductListView,
  trackProductListClick, trackPromotionView, trackPromotionClick, trackSnowplowAddToCart, trackSnowplowRemoveFromCart,
  trackCheckoutStep, trackTransaction, trackRefund, trackTransactionError,
} from 'isotrack';

const endpoint = globalThis.COLLECTOR;
const appId = globalThis.APP_ID;
// On a server there is no page to read the URL from.
const page = globalThis.document ? {} : { pageUrl: 'https://server.example/' };
const context = [{ schema: SCHEMAS.webPage, data: { id: uuidv4() } }];

const tracker = newTracker('sp', endpoint, { appId, clientSession: true, sessionTimeout: 600 });
tracker.setUserId('user-1');
if (!(tracker instanceof BaseTracker)) throw new Error('newTracker returns a BaseTracker');
const stopActivity = enableActivityTracking(tracker, { minimumVisitLength: 600, heartbeatDelay: 600 });
tracker.trackPageView(page);
tracker.trackPagePing({ ...page, minX: 0, maxX: 10, minY: 0, maxY: 10 });
tracker.trackStructEvent({ category: 'shop', action: 'add', label: 'sku-1', value: 2 });
tracker.trackSelfDescribingEvent({ event: { schema: SCHEMAS.linkClick, data: { targetUrl: 'https://example.com/' } }, context });
trackScreenView(tracker, { name: 'home', id: uuidv4() });
trackEcommerceTransaction(tracker, { orderId: 'o-1', totalValue: 3, items: [{ sku: 'a', price: 3, quantity: 1 }] });
trackLinkClick(tracker, { targetUrl: 'https://example.com/', elementId: 'cta' });
trackAddToCart(tracker, { sku: 'a', quantity: 1 });
trackRemoveFromCart(tracker, { sku: 'a', quantity: 1 });
trackFormChange(tracker, { formId: 'f', elementId: 'e', nodeName: 'INPUT', value: null });
trackFormSubmit(tracker, { formId: 'f', elements: [{ name: 'e', value: null, nodeName: 'INPUT' }] });
trackSiteSearch(tracker, { terms: ['shoes'], totalResults: 1 });
// The issue-20 add-ons' event functions.
trackButtonClick(tracker, { label: 'Buy' });
trackAdImpression(tracker, { impressionId: 'imp-1', costModel: 'cpm', cost: 0.5 });
trackAdClick(tracker, { targetUrl: 'https://ads.example/landing', clickId: 'c-1' });
trackAdConversion(tracker, { conversionId: 'conv-1', cost: 0, costModel: 'cpa' });
const preferences = { basisForProcessing: 'consent', consentUrl: 'https://shop.example/privacy', consentVersion: '1', consentScopes: ['analytics'], domainsApplied: ['shop.example'] };
for (const track of [trackConsentAllow, trackConsentDeny, trackConsentExpired, trackConsentImplicit, trackConsentPending, trackConsentSelected]) track(tracker, preferences);
trackConsentPreferences(tracker, { ...preferences, eventType: 'allow_all' });
trackCmpVisible(tracker, { elapsedTime: 120 });
// Snowplow ecommerce: the page and user entities then go with every later event of the tracker.
setPageType(tracker, { type: 'product' });
setEcommerceUser(tracker, { id: 'user-1', is_guest: false });
const product = { id: 'sku-1', name: 'Runner', category: 'Shoes', price: 59.99, currency: 'EUR', quantity: 1 };
trackProductView(tracker, product);
trackProductListView(tracker, { name: 'shoes', products: [product] });
trackProductListClick(tracker, { name: 'shoes', product });
trackPromotionView(tracker, { id: 'promo-1' });
trackPromotionClick(tracker, { id: 'promo-1' });
trackSnowplowAddToCart(tracker, { total_value: 59.99, currency: 'EUR', products: [product] });
trackSnowplowRemoveFromCart(tracker, { total_value: 0, currency: 'EUR', products: [product] });
trackCheckoutStep(tracker, { step: 1 });
trackTransaction(tracker, { transaction_id: 't-1', revenue: 59.99, currency: 'EUR', payment_method: 'card', products: [product] });
trackRefund(tracker, { transaction_id: 't-1', currency: 'EUR', refund_amount: 19.99 });
trackTransactionError(tracker, { transaction: { transaction_id: 't-1', revenue: 59.99, currency: 'EUR', payment_method: 'card', total_quantity: 1 } });

// Automatic tracking and global contexts (listeners start only in a browser).
const stopFeatures = [
  enableLinkClickTracking(tracker, { pseudoClicks: true }),
  enableFormTracking(tracker),
  enableErrorTracking(tracker),
  enableButtonClickTracking(tracker),
  enableSpaPageViews(tracker),
  // Stopped before the page goes: its one event would otherwise arrive at close, after the count.
  enableWebVitals(tracker),
];
enableGaCookies(tracker);
enablePerformanceNavigationTiming(tracker);
const globalEntity = { schema: SCHEMAS.webPage, data: { id: uuidv4() } };
addGlobalContexts(tracker, [globalEntity]);
trackConsentGranted(tracker, { id: 'doc-1', version: '1.0', name: 'terms' });
trackConsentWithdrawn(tracker, { all: false, id: 'doc-1', version: '1.0' });
trackError(tracker, { message: 'handled', error: new Error('handled') });
removeGlobalContexts(tracker, [globalEntity]);
clearGlobalContexts(tracker);
const plugins = [linkClickTracking(), formTracking(), errorTracking(), buttonClickTracking(), spaPageViews(), webVitals()].map((plugin) => typeof plugin.stop);
const entityPlugins = [gaCookies(), performanceNavigationTiming()].map((plugin) => typeof plugin);
const releaseSignals = closeOnSignals(tracker, ['SIGTERM'], { timeout: 1000 });
const fromCookies = identityFromCookies('_sp_id.c169=' + uuidv4() + '.1764000000.3.1764000500.1763900000.' + uuidv4() + '...0.7');

// A tracker assembled from the parts.
const subject = new Subject().setUserId('user-2').setLang('en');
const emitter = new Emitter(endpoint, { store: new MemoryEventStore(), transport: fetchTransport(), bufferSize: 1 });
const parts = new Tracker(emitter, { appId, namespace: 'parts', subject, plugins: [pageContext(), identity({ stateStorage: 'none' })] });
parts.trackPageView(page);

// The script tag's command queue, used from a bundle.
const command = commandFunction();
command('newTracker', 'queue', endpoint, { appId, stateStorage: 'none' });
command('trackStructEvent', { category: 'queue', action: 'run' });

// The remaining helpers, called so that no bundler can drop them.
let nodeOnly = 'works';
try {
  nodeHttpTransport();
} catch (error) {
  nodeOnly = String(error.message);
}
const checks = {
  beacon: typeof sendBeaconTransport(),
  store: typeof persistentStore(memoryStore(), 'x', () => {}).add,
  local: typeof localStore().get,
  payload: new PayloadBuilder(true).add('e', 'pv').payload.e,
  base64: base64UrlEncode('isotrack'),
  bytes: utf8ByteLength('é'),
  version: TRACKER_VERSION,
  defaults: [EMITTER_DEFAULTS.bufferSize, NODE_DEFAULTS.bufferSize],
  browserTracker: tracker instanceof BrowserTracker,
  nodeOnly,
  plugins,
  entityPlugins,
  cookieSessionIndex: fromCookies?.sessionIndex,
};

// A generous flush deadline: the test machine may be busy; the collector has the last word.
const deadline = { timeout: 60_000 };
globalThis.DONE = Promise.all([tracker.flush(deadline), parts.flush(deadline), command((trackers) => trackers.queue.flush(deadline))]).then((results) => {
  stopActivity();
  for (const stop of stopFeatures) stop();
  releaseSignals();
  return { results: results.flat(), checks };
});
`;

/**
 * Events the full app tracks: 15 track calls on the first tracker (the transaction adds an item
 * event), 12 of the issue-20 add-ons' events and 11 Snowplow ecommerce actions, 1 + 1 on the others.
 */
export const FULL_APP_EVENTS = 41;

/** The bundlers project: its tools, the two apps and the scripts that build and serve them. */
export function bundlersProject() {
  return consumerProject('bundlers', {
    dependencies: BUNDLER_VERSIONS,
    files: {
      // Vite's vanilla-ts layout: an index.html that loads a TypeScript module.
      'vite-minimal/index.html': '<!doctype html><html><body><script type="module" src="./main.ts"></script></body></html>\n',
      'vite-minimal/main.ts': MINIMAL_APP,
      'vite-full/index.html': '<!doctype html><html><body><script type="module" src="./main.ts"></script></body></html>\n',
      'vite-full/main.ts': FULL_APP,
      'src/minimal.js': MINIMAL_APP,
      'src/full.js': FULL_APP,
      'ssr/entry.ts': SSR_ENTRY,
      'scripts/vite-build.mjs': `import { build } from 'vite';
const [root, outDir] = process.argv.slice(2);
await build({ root, logLevel: 'error', build: { outDir: new URL('../' + outDir, import.meta.url).pathname, emptyOutDir: true } });
`,
      'scripts/vite-dev.mjs': `import { createServer } from 'vite';
const server = await createServer({ root: process.argv[2], logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: false } });
await server.listen();
console.log(JSON.stringify({ url: server.resolvedUrls.local[0] }));
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
`,
      'scripts/vite-ssr-load.mjs': `import { createServer } from 'vite';
const server = await createServer({ logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false } });
try {
  const { render } = await server.ssrLoadModule('/ssr/entry.ts');
  console.log(JSON.stringify(await render(process.env.COLLECTOR)));
} finally {
  await server.close();
}
`,
      'scripts/webpack-build.mjs': `import webpack from 'webpack';
import { resolve } from 'node:path';
const [entry, outDir] = process.argv.slice(2);
webpack({ mode: 'production', target: 'web', devtool: false, entry: resolve(entry), output: { path: resolve(outDir), filename: 'main.js' } }, (error, stats) => {
  if (error || stats.hasErrors()) {
    console.error(error ?? stats.toString('errors-only'));
    process.exit(1);
  }
});
`,
      'scripts/run-neutral.mjs': `globalThis.COLLECTOR = process.env.COLLECTOR;
globalThis.APP_ID = process.env.APP_ID;
await import(new URL('../' + process.argv[2], import.meta.url).href);
console.log(JSON.stringify(await globalThis.DONE));
`,
    },
  });
}

/**
 * Server-side rendering with Vite: the browser API imported and called on the server,
 * as a component would before hydration. `render` returns what the calls returned.
 */
const SSR_ENTRY = `import { enableActivityTracking, identity, newTracker, pageContext } from 'isotrack';

export async function render(endpoint: string) {
  const tracker = newTracker('ssr', endpoint, { appId: 'vite-ssr' });
  tracker.trackPageView({ pageUrl: 'https://ssr.example/' });
  const stop = enableActivityTracking(tracker);
  stop();
  const plugins = [pageContext(), identity()].map((plugin) => typeof plugin.beforeTrack);
  const results = await tracker.flush();
  return { results, plugins, pageViewId: tracker.getPageViewId() ?? null };
}
`;

const jsFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dir, file));

/**
 * How each bundler builds an app for the browser (or, for `--platform=neutral`, for any
 * runtime); each resolves with the JavaScript files it wrote. Production settings:
 * minified, as users ship.
 */
export const BUILDS = {
  'vite build': async (dir, app) => {
    await run(process.execPath, ['scripts/vite-build.mjs', `vite-${app}`, `out/vite-${app}`], { cwd: dir });
    return jsFiles(join(dir, `out/vite-${app}`));
  },
  'webpack 5': async (dir, app) => {
    await run(process.execPath, ['scripts/webpack-build.mjs', `src/${app}.js`, `out/webpack-${app}`], { cwd: dir });
    return jsFiles(join(dir, `out/webpack-${app}`));
  },
  'esbuild --platform=browser': (dir, app) => esbuild(dir, app, 'browser'),
  'esbuild --platform=neutral': (dir, app) => esbuild(dir, app, 'neutral'),
};

async function esbuild(dir, app, platform) {
  const outfile = `out/esbuild-${platform}-${app}.js`;
  await run(join(dir, 'node_modules/.bin/esbuild'), [`src/${app}.js`, '--bundle', '--minify', '--format=esm', `--platform=${platform}`, `--outfile=${outfile}`, '--log-level=error'], { cwd: dir });
  return [join(dir, outfile)];
}

/**
 * gzip -9 size of the minimal and the full app, per bundler.
 * @returns {Promise<{ tool: string, minimal: number, full: number }[]>}
 */
export async function bundleSizes(dir) {
  const rows = [];
  for (const [tool, build] of Object.entries(BUILDS)) {
    rows.push({ tool, minimal: gzipSize(await build(dir, 'minimal')), full: gzipSize(await build(dir, 'full')) });
  }
  return rows;
}
