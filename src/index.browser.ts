// The browser ESM entry, for bundlers and single-page apps (the `browser` export
// condition). Importing it touches no DOM global: browser features start when a
// tracker or emitter is created in a browser, so server-side rendering is safe.
// Its Emitter (beacon transport, persistent queue) and Tracker (platform `web`)
// are the browser's; every other name is the shared public API.
export * from './public-api.js';
export { Emitter } from './browser/emitter.js';
export { Tracker } from './browser/tracker.js';
export { nodeHttpTransport } from './transports/node-http-unavailable.js';
