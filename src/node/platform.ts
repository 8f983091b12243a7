import type { EmitterPlatform } from '../emitter/platform.js';
import { NODE_DEFAULTS } from '../emitter/options.js';
import { nodeHttpTransport, type NodeHttpTransportOptions } from '../transports/node-http.js';
import { registerExitFlush, unregisterExitFlush } from './lifecycle.js';

/** Node: http(s) keep-alive transport, higher throughput defaults, flush at process exit. */
export function createNodePlatform(transportOptions: NodeHttpTransportOptions = {}): EmitterPlatform {
  return {
    transport: () => nodeHttpTransport(transportOptions),
    defaults: NODE_DEFAULTS,
    onCreate: registerExitFlush,
    onClose: unregisterExitFlush,
  };
}
