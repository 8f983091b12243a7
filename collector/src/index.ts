/**
 * `@isotrack/collector` (its own package in this workspace, never installed with the SDK):
 * a development collector for the Snowplow tracker protocol that validates events as the
 * pipeline does. Node only.
 */
export { startCollector } from './server.js';
export type { RunningCollector } from './server.js';
export type { CollectorOptions, EventListener } from './options.js';
export { CLI_DEFAULT_PORT, TP2_PATH } from './options.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './types.js';
export { EventStore } from './store.js';
export type {
  ApiName,
  BadEvent,
  BadFilter,
  CollectorPayload,
  Counts,
  DecodedEvent,
  EnrichedEvent,
  GoodEvent,
  GoodFilter,
  RawEvent,
  SelfDescribing,
} from './types.js';
