import type { NodeHttpTransportOptions } from './node-http-options.js';
import type { Transport } from './types.js';

/**
 * `nodeHttpTransport` in the browser and neutral builds: the name exists in every
 * build (so shared code compiles and bundles everywhere), but Node's http module does
 * not, so creating one says so at once instead of failing on the first send.
 */
// The Node build's signature, parameter name included: editors show it.
export function nodeHttpTransport(options?: NodeHttpTransportOptions): Transport {
  throw new Error(
    "isotrack: nodeHttpTransport needs Node's http module, which this runtime's build does not load; use fetchTransport() (or the default transport) here",
  );
}
