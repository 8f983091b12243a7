// The browser ESM entry, for bundlers and single-page apps (the `browser` export
// condition). Importing it touches no DOM global: browser features start when a
// tracker or emitter is created in a browser, so server-side rendering is safe.
// Its Emitter (beacon transport, persistent queue) and Tracker (platform `web`)
// are the browser's; `closeOnSignals` is a no-op; every other name is the shared
// public API. Nothing here is Node-only (test/integration/built-modules.test.ts).
export * from './public-api.js';
export * from './public-api-autotrack.js';
export { Emitter } from './browser/emitter.js';
export { Tracker } from './browser/tracker.js';
export { closeOnSignals } from './browser/no-signals.js';
export { nodeHttpTransport } from './transports/node-http-unavailable.js';
