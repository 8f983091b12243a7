// The neutral entry (the `import`/`require`/`default` export conditions): edge
// runtimes, workers, Deno, Bun, and bundlers that target none of them. It sends with
// the global fetch, and loads cross-fetch (an optional peer dependency) only where a
// runtime has no fetch at all.
import { Emitter as CoreEmitter } from './emitter/emitter.js';
import type { BrowserEmitterOptions } from './browser/emitter.js';
import { createFetchPlatform } from './transports/fetch.js';

export * from './public-api.js';
export * from './public-api-autotrack.js';
// Graceful shutdown on SIGTERM/SIGINT where the runtime has `process` (Bun, Deno); a no-op elsewhere.
export { closeOnSignals } from './node/close-on-signals.js';
export { Tracker } from './core/tracker.js';
export { nodeHttpTransport } from './transports/node-http-unavailable.js';

// A specifier in a variable, marked for webpack and Vite, so that no bundler tries to
// resolve (or bundle) cross-fetch: it is needed only on a runtime without fetch, where
// the user installs it.
const CROSS_FETCH = 'cross-fetch';
const loadFetch = () =>
  import(/* webpackIgnore: true */ /* @vite-ignore */ CROSS_FETCH).then(
    (m: { default: typeof globalThis.fetch }) => m.default,
    () => {
      throw new Error('isotrack: this runtime has no fetch; install cross-fetch (npm install cross-fetch) or pass fetchTransport({ fetch })');
    },
  );

/**
 * Sends events to a collector; see {@link EmitterOptions}. Uses the global fetch
 * (cross-fetch where there is none). Browser-only options are ignored here.
 */
export class Emitter extends CoreEmitter {
  constructor(endpoint: string, options?: BrowserEmitterOptions) {
    super(endpoint, options, createFetchPlatform({ loadFetch }));
  }
}
