// The single-page app of test/browser/spa-vite.spec.ts: a shop with a small history
// router, written as a user writes one (TypeScript, npm imports of the packed SDK), built
// with `vite build` in a consumer project (test/consumers/projects.mjs). The build is kept
// in the project's `out/spa` and made again only when the tarball or these sources change,
// so that the three engines' runs of the spec share one build.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLER_VERSIONS } from '../consumers/apps.mjs';
import { consumerProject, packTarball, run } from '../consumers/projects.mjs';

// The shell: the in-app links stay; the router renders each route into <main>.
const INDEX_HTML = `<!doctype html>
<html>
  <head><meta charset="utf-8"><title>Shop</title></head>
  <body>
    <nav>
      <a data-link href="/">Home</a>
      <a data-link href="/products">Products</a>
      <a data-link href="/products/42">Lamp</a>
      <a data-link href="/cart">Cart</a>
      <a data-link href="/checkout">Checkout</a>
      <a data-link href="/about">About</a>
    </nav>
    <main id="view"></main>
    <script type="module" src="./main.ts"></script>
  </body>
</html>
`;

// Routes render as real ones do: most set the title in the navigation's task, the product
// page in the next frame (a component's effect), the about page in a microtask (an awaited
// import that is already loaded). The configuration comes from a script the test puts
// before the app (`window.SPA_CONFIG`): the collector, and `hook: true` for the variant
// whose router hook calls trackPageView too.
const MAIN_TS = `import { enableLinkClickTracking, enableSpaPageViews, newTracker } from 'isotrack';

interface SpaConfig {
  collector: string;
  hook: boolean;
}
const config = (window as unknown as { SPA_CONFIG: SpaConfig }).SPA_CONFIG;

type Render = (view: HTMLElement) => void | Promise<void>;
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

const routes: Record<string, Render> = {
  '/': (view) => {
    view.innerHTML = '<h1>Welcome</h1>';
    document.title = 'Home · Shop';
  },
  '/products': (view) => {
    view.innerHTML = '<h1>Products</h1>';
    document.title = 'Products · Shop';
  },
  '/products/42': async (view) => {
    view.innerHTML = '<h1>Loading…</h1>';
    await nextFrame();
    view.innerHTML = '<h1>Desk lamp</h1>';
    document.title = 'Desk lamp · Shop';
  },
  '/cart': (view) => {
    view.innerHTML = '<h1>Cart</h1>';
    document.title = 'Cart · Shop';
  },
  '/checkout': (view) => {
    view.innerHTML = '<h1>Checkout</h1><a id="to-shipping" href="#shipping">Shipping</a><p id="shipping">Shipping address</p>';
    document.title = 'Checkout · Shop';
  },
  '/about': async (view) => {
    await Promise.resolve();
    view.innerHTML = '<h1>About us</h1>';
    document.title = 'About · Shop';
  },
};

const tracker = newTracker('sp', config.collector, { appId: 'vite-spa' });
(window as unknown as { spaTracker: typeof tracker }).spaTracker = tracker;

/** The router hook an app has (Vue Router's afterEach, Next's routeChangeComplete): after a route has rendered. */
const afterEach = () => {
  if (config.hook) tracker.trackPageView();
};

async function render(): Promise<void> {
  const view = document.getElementById('view')!;
  await (routes[location.pathname] ?? routes['/']!)(view);
  afterEach();
}

// The router: in-app links push a history entry; back, forward and fragment changes render.
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-link]');
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  if (link.href === location.href) return;
  history.pushState({}, '', link.href);
  void render();
});
addEventListener('popstate', () => void render());

enableLinkClickTracking(tracker);
await render();
enableSpaPageViews(tracker, { trackInitial: !config.hook });
`;

const FILES = {
  'spa/index.html': INDEX_HTML,
  'spa/main.ts': MAIN_TS,
  'scripts/vite-build-spa.mjs': `import { build } from 'vite';
const [root, outDir] = process.argv.slice(2);
await build({ root, logLevel: 'error', build: { outDir: new URL('../' + outDir, import.meta.url).pathname, emptyOutDir: true } });
`,
};

/**
 * Builds the app with \`vite build\` (production: minified, tree-shaken) against the packed SDK.
 * @returns {Promise<{ dir: string, files: Record<string, string> }>} the output folder and
 *   its files (path under the site's root, e.g. \`/index.html\`, \`/assets/index-abc.js\`)
 */
export async function buildSpa() {
  const project = await consumerProject('spa-vite', { dependencies: { vite: BUNDLER_VERSIONS.vite }, files: FILES });
  const out = join(project, 'out/spa');
  const stamp = join(out, '.build-key');
  const key = createHash('sha256')
    .update(await packTarball())
    .update(JSON.stringify(FILES))
    .digest('hex');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== key) {
    await run(process.execPath, ['scripts/vite-build-spa.mjs', 'spa', 'out/spa'], { cwd: project });
    writeFileSync(stamp, key);
  }
  const files = {};
  for (const file of readdirSync(out, { recursive: true }).map(String)) {
    if (/\.(html|js)$/.test(file)) files[`/${file}`] = readFileSync(join(out, file), 'utf8');
  }
  return { dir: out, files };
}
