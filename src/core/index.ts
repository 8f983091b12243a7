// The platform-neutral core, re-exported by every entry.
export { Tracker, type TrackerOptions, type TrackerStats, type TrackerPlugin, type TrackedEvent } from './tracker.js';
export { Subject } from './subject.js';
export { PayloadBuilder, type FieldValue } from './payload.js';
export { base64UrlEncode } from './base64.js';
export { uuidv4 } from './uuid.js';
export { utf8ByteLength } from './utf8.js';
export { SCHEMAS, TRACKER_VERSION } from './schemas.js';
export type { SelfDescribingJson, Payload, SerializedEvent, EventSink, CommonEventProperties } from './types.js';
export type { PageViewEvent, PagePingEvent } from './events/page.js';
export type { StructEvent } from './events/struct.js';
export type { SelfDescribingEvent } from './events/self-describing.js';
export type { ScreenViewEvent } from './events/screen-view.js';
export type { EcommerceTransactionEvent, EcommerceTransactionItem } from './events/ecommerce.js';
export type { LinkClickEvent, CartEvent, FormChangeEvent, FormElement, FormSubmitEvent, SiteSearchEvent } from './events/web-events.js';
