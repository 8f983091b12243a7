// The Node entry (the `node` export condition): Node http(s) with keep-alive,
// Node-sized queue defaults, and a flush before the process exits.
export * from './public-api.js';
export { Tracker } from './core/tracker.js';
export { Emitter } from './node/emitter.js';
export { nodeHttpTransport } from './transports/node-http.js';
