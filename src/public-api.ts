// The public API every entry exports, listed once by name. Each platform entry
// (index.ts neutral, index.node.ts, index.browser.ts) adds the names whose
// implementation differs by platform, with the same types everywhere:
// `Emitter` (default transport and defaults), `Tracker` (default platform code),
// `nodeHttpTransport` (a clear error where Node's http module does not exist),
// `closeOnSignals` (a no-op in browsers) and the DOM-only automatic tracking
// (public-api-autotrack.ts in browsers, inert stand-ins in Node: autotrack-on-server.ts).
// test/types/export-parity.test.ts holds every entry to the same names and types.
// Stand-ins for the DOM types the public types name, for projects without the DOM library.
import './browser/dom-types.js';
export { BaseTracker } from './core/tracker.js';
export { Subject, PayloadBuilder, base64UrlEncode, uuidv4, utf8ByteLength, SCHEMAS, TRACKER_VERSION } from './core/index.js';
export type { PlatformCode } from './core/platforms.js';
export type {
  TrackerOptions,
  TrackerStats,
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
export type { CloseOnSignalsOptions, Closable } from './node/close-on-signals.js';
export type { Transport, TransportRequest, TransportResponse } from './transports/types.js';
export type { NodeHttpTransportOptions } from './transports/node-http-options.js';
// Browser features: safe to import anywhere (nothing touches a DOM global at import),
// inert outside a browser, so that server-side rendering can import and call them.
export type { BrowserEmitterOptions } from './browser/emitter.js';
export { BrowserTracker, newTracker, type BrowserTrackerOptions } from './browser/tracker.js';
export { sendBeaconTransport, type BeaconTransport, type BeaconTransportOptions } from './transports/beacon.js';
export type { ActivityTrackingOptions } from './browser/activity.js';
export { pageContext, type PageContextOptions, type PageContextPlugin } from './browser/page-context.js';
export {
  identity,
  type Identity,
  type IdentityOptions,
  type AnonymousTrackingOptions,
  type ClearUserDataOptions,
  type ClientSession,
  type StateStorageStrategy,
} from './browser/identity.js';
export type { CrossDomainLinker } from './browser/cross-domain.js';
export { identityFromCookies, type IdentityFromCookiesOptions, type CookieIdentity } from './core/identity-from-cookies.js';
export { persistentStore, type BrowserEventStore } from './browser/persistent-store.js';
export { localStore, memoryStore, type KeyValueStore } from './browser/storage.js';
export { commandFunction, type Command, type CommandFunction } from './browser/command-queue.js';
// Automatic tracking, global contexts, consent and errors: separate functions, so that a
// bundle leaves out what it does not import. The browser ones are inert outside a browser.
export {
  addGlobalContexts,
  removeGlobalContexts,
  clearGlobalContexts,
  type GlobalContext,
  type ContextEvent,
  type ContextGenerator,
  type ContextFilter,
  type ContextPrimitive,
  type ConditionalContextProvider,
  type RuleSet,
} from './core/global-contexts.js';
export { trackConsentGranted, trackConsentWithdrawn, type ConsentDocument, type ConsentGrantedEvent, type ConsentWithdrawnEvent } from './core/events/consent.js';
export { trackError, type ApplicationErrorEvent } from './core/events/application-error.js';
export type { LinkClickTrackingOptions, LinkElement } from './browser/link-click.js';
export type { FormTrackingOptions, FormTrackingEvent, FormField, FormContext, FormsOption } from './browser/form-tracking.js';
export type { ErrorTrackingOptions } from './browser/errors.js';
export { trackButtonClick, type ButtonClickEvent } from './core/events/button-click.js';
export { trackAdImpression, trackAdClick, trackAdConversion, type AdImpressionEvent, type AdClickEvent, type AdConversionEvent, type AdEventBase } from './core/events/ad-tracking.js';
export {
  trackConsentPreferences,
  trackConsentAllow,
  trackConsentSelected,
  trackConsentPending,
  trackConsentImplicit,
  trackConsentDeny,
  trackConsentExpired,
  trackCmpVisible,
  type ConsentPreferences,
  type ConsentEventType,
} from './core/events/enhanced-consent.js';
// Snowplow ecommerce (its plugin's names; its cart events are `trackSnowplowAddToCart`/`…RemoveFromCart` here).
export {
  trackProductView,
  trackProductListView,
  trackProductListClick,
  trackPromotionView,
  trackPromotionClick,
  trackSnowplowAddToCart,
  trackSnowplowRemoveFromCart,
  trackCheckoutStep,
  trackTransaction,
  trackRefund,
  trackTransactionError,
  type ProductListView,
  type ProductListClick,
} from './core/events/snowplow-ecommerce.js';
export { setPageType, setEcommerceUser } from './core/events/snowplow-ecommerce-state.js';
export type { Product, Cart, CheckoutStep, Promotion, Transaction, Refund, TransactionError, EcommercePage, EcommerceUser } from './core/events/snowplow-ecommerce-entities.js';
export type { ButtonClickTrackingOptions, ButtonElement } from './browser/button-click.js';
export type { SpaPageViewsOptions } from './browser/spa-page-views.js';
export type { WebVitalsOptions, WebVitalsData } from './browser/web-vitals.js';
// The event types beyond the lean tracker's methods, as functions of a tracker.
export {
  trackScreenView,
  trackEcommerceTransaction,
  trackLinkClick,
  trackAddToCart,
  trackRemoveFromCart,
  trackFormChange,
  trackFormSubmit,
  trackSiteSearch,
} from './core/events/track.js';
export type { FilterCriterion, DynamicContext } from './browser/element-filter.js';
export type { TrackerCommand } from './browser/command-queue.js';
