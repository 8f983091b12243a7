// The Node entry (the `node` export condition): Node http(s) with keep-alive,
// Node-sized queue defaults, a flush before the process exits, and graceful shutdown
// on signals. The DOM-only automatic tracking is inert here (autotrack-on-server.ts).
export * from './public-api.js';
export * from './autotrack-on-server.js';
export { Tracker } from './core/tracker.js';
export { Emitter } from './node/emitter.js';
export { nodeHttpTransport } from './transports/node-http.js';
// Graceful shutdown on SIGTERM/SIGINT.
export { closeOnSignals } from './node/close-on-signals.js';
