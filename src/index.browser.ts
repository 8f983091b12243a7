// The browser ESM entry, for bundlers and single-page apps (the `browser` export
// condition). Importing it touches no DOM global: browser features start when a
// tracker or emitter is created in a browser, so server-side rendering is safe.
// The shared API comes from public-api.ts; the Tracker and Emitter named here
// (browser defaults: platform `web`, beacon transport, persistent queue) take
// precedence over the neutral ones, as explicit exports do over `export *`.
export * from './public-api.js';
export { Emitter, type BrowserEmitterOptions } from './browser/emitter.js';
export { Tracker, BrowserTracker, newTracker, type BrowserTrackerOptions } from './browser/tracker.js';
export { sendBeaconTransport, type BeaconTransport, type BeaconTransportOptions } from './transports/beacon.js';
export { enableActivityTracking, type ActivityTrackingOptions } from './browser/activity.js';
export { pageContext, type PageContextOptions, type PageContextPlugin } from './browser/page-context.js';
export { identity, type Identity, type IdentityOptions } from './browser/identity.js';
export { persistentStore, type BrowserEventStore } from './browser/persistent-store.js';
export { localStore, memoryStore, type KeyValueStore } from './browser/storage.js';
export { commandFunction, type Command, type CommandFunction } from './browser/command-queue.js';
