// The neutral entry (the `import`/`require`/`default` export conditions): edge
// runtimes, workers, Deno, Bun. It sends with fetch, and loads cross-fetch only
// where a runtime has no global fetch.
import { Emitter as CoreEmitter } from './emitter/emitter.js';
import type { EmitterOptions } from './emitter/options.js';
import { createFetchPlatform } from './transports/fetch.js';

export * from './public-api.js';

const loadFetch = () => import('cross-fetch').then((m) => m.default as typeof globalThis.fetch);

/** Sends events to a collector; see EmitterOptions. Uses fetch (cross-fetch where there is none). */
export class Emitter extends CoreEmitter {
  constructor(endpoint: string, options?: EmitterOptions) {
    super(endpoint, options, createFetchPlatform({ loadFetch }));
  }
}
