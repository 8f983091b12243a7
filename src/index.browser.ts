// The browser ESM entry, for bundlers and single-page apps (the `browser` export
// condition). Importing it touches no DOM global: browser features start when a
// tracker or emitter is created in a browser, so server-side rendering is safe.
export { Subject, PayloadBuilder, base64UrlEncode, uuidv4, utf8ByteLength, SCHEMAS, TRACKER_VERSION } from './core/index.js';
export type {
  TrackerOptions,
  TrackerPlugin,
  TrackedEvent,
  FieldValue,
  SelfDescribingJson,
  Payload,
  SerializedEvent,
  EventSink,
  CommonEventProperties,
  PageViewEvent,
  PagePingEvent,
  StructEvent,
  SelfDescribingEvent,
  ScreenViewEvent,
  EcommerceTransactionEvent,
  EcommerceTransactionItem,
  LinkClickEvent,
  CartEvent,
  FormChangeEvent,
  FormElement,
  FormSubmitEvent,
  SiteSearchEvent,
} from './core/index.js';
export { MemoryEventStore, EMITTER_DEFAULTS } from './emitter/index.js';
export type { EmitterOptions, DropReason, FailureInfo, EventStore, TakeLimits, FlushResult, EmitterStats, EmitterPlatform } from './emitter/index.js';
export { fetchTransport, type FetchTransportOptions } from './transports/fetch.js';
export { sendBeaconTransport, type BeaconTransport, type BeaconTransportOptions } from './transports/beacon.js';
export type { Transport, TransportRequest, TransportResponse } from './transports/types.js';
export { Emitter, type BrowserEmitterOptions } from './browser/emitter.js';
export { Tracker, BrowserTracker, newTracker, type BrowserTrackerOptions } from './browser/tracker.js';
export { enableActivityTracking, type ActivityTrackingOptions } from './browser/activity.js';
export { pageContext, type PageContextOptions, type PageContextPlugin } from './browser/page-context.js';
export { identity, type Identity, type IdentityOptions } from './browser/identity.js';
export { persistentStore, type BrowserEventStore } from './browser/persistent-store.js';
export { localStore, memoryStore, type KeyValueStore } from './browser/storage.js';
export { commandFunction, type Command, type CommandFunction } from './browser/command-queue.js';
