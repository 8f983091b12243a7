// The platform-neutral public API, listed once by name. Each platform entry
// re-exports it beside its own Emitter (whose default transport differs).
export { Tracker, Subject, PayloadBuilder, base64UrlEncode, uuidv4, utf8ByteLength, SCHEMAS, TRACKER_VERSION } from './core/index.js';
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
export { MemoryEventStore, EMITTER_DEFAULTS, NODE_DEFAULTS } from './emitter/index.js';
export type {
  EmitterOptions,
  DropReason,
  FailureInfo,
  EventStore,
  TakeLimits,
  FlushResult,
  EmitterStats,
  EmitterPlatform,
} from './emitter/index.js';
export { fetchTransport, type FetchTransportOptions } from './transports/fetch.js';
export type { Transport, TransportRequest, TransportResponse } from './transports/types.js';
