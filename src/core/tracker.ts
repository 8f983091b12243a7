import type { BuiltEvent } from './events/built-event.js';
import type { EcommerceTransactionEvent } from './events/ecommerce.js';
import { buildPagePing, buildPageView, type PagePingEvent, type PageViewEvent } from './events/page.js';
import type { ScreenViewEvent } from './events/screen-view.js';
import { buildSelfDescribingEvent, type SelfDescribingEvent } from './events/self-describing.js';
import { buildStructEvent, type StructEvent } from './events/struct.js';
import {
  trackAddToCart,
  trackEcommerceTransaction,
  trackFormChange,
  trackFormSubmit,
  trackLinkClick,
  trackRemoveFromCart,
  trackScreenView,
  trackSiteSearch,
} from './events/track.js';
import type { CartEvent, FormChangeEvent, FormSubmitEvent, LinkClickEvent, SiteSearchEvent } from './events/web-events.js';
import { addField, addFields, addJsonField, newPayload } from './payload.js';
import { runHook, type TrackedEvent, type TrackerPlugin } from './plugins.js';
import { checkPlatform, type PlatformCode } from './platforms.js';
import { CONTEXTS_SCHEMA, TRACKER_VERSION, UNSTRUCT_EVENT_SCHEMA } from './schemas.js';
import { Subject } from './subject.js';
import type { FlushResult } from '../emitter/types.js';
import type { CommonEventProperties, EventSink, Payload, SelfDescribingJson, SerializedEvent } from './types.js';
import { payloadBytes } from './base64.js';
import { uuidv4 } from './uuid.js';
import { fail, readFields, type FieldRule } from './events/field-rules.js';
import { STRING } from './events/rule-kinds.js';
import { MAX_EVENT_DEPTH, optionalContexts, optionalTimestamp, selfDescribingJson } from './validation.js';

// The plugin API (filter, contexts, afterTrack, activation) lives in plugins.ts.
export type { TrackedEvent, TrackerPlugin } from './plugins.js';

/** Counters of the tracker itself, from `tracker.stats()`. */
export interface TrackerStats {
  /** Events a plugin's `filter` dropped before they were queued. */
  filtered: number;
}

export interface TrackerOptions {
  /** User and device fields added to every event. @defaultValue none */
  subject?: Subject | undefined;
  /** Tracker namespace (`tna`), to tell several trackers apart. @defaultValue none */
  namespace?: string | undefined;
  /** Application id (`aid`). @defaultValue none */
  appId?: string | undefined;
  /** Send `ue_px`/`cx` as URL-safe base64 instead of `ue_pr`/`co` JSON text. @defaultValue true */
  encodeBase64?: boolean | undefined;
  /** Platform code (`p`): web, mob, pc, srv, app, tv, cnsl, iot or headset; any other throws a TypeError. @defaultValue 'srv' ('web' in the browser build) */
  platform?: PlatformCode | undefined;
  /** Plugins, activated in order; their hooks run on every event (see {@link TrackerPlugin}). @defaultValue [] */
  plugins?: TrackerPlugin[] | undefined;
}

const NAMES: FieldRule[] = [['namespace', STRING], ['appId', STRING]];

/**
 * The lean tracker: builds page views, page pings, structured and self-describing
 * events and hands them to its emitters. Every `track*` method validates its input at
 * the call (a mistake throws a `TypeError` naming the argument and queues nothing),
 * serialises the event once, and returns its event id. The other event types are
 * plain functions of a tracker (`trackLinkClick(tracker, event)`…), so that a bundle
 * carries only the ones it imports; {@link Tracker} has them all as methods.
 */
export class BaseTracker {
  private readonly emitters: EventSink[];
  private readonly plugins: TrackerPlugin[];
  private subject: Subject | undefined;
  private readonly namespace: string | undefined;
  private readonly appId: string | undefined;
  private readonly encodeBase64: boolean;
  private readonly platform: PlatformCode;
  /** Events a plugin's filter dropped. */
  private filtered = 0;

  constructor(emitters: EventSink | EventSink[], options: TrackerOptions = {}) {
    this.emitters = ([] as EventSink[]).concat(emitters);
    this.subject = options.subject;
    const { namespace, appId } = readFields(options, NAMES) as { namespace?: string; appId?: string };
    // Empty means unset: the payload leaves both out.
    this.namespace = namespace || undefined;
    this.appId = appId || undefined;
    this.encodeBase64 = options.encodeBase64 ?? true;
    this.platform = options.platform == null ? 'srv' : checkPlatform(options.platform, 'platform');
    this.plugins = [];
    for (const plugin of options.plugins ?? []) this.addPlugin(plugin);
  }

  setSubject(subject: Subject | undefined): this {
    this.subject = subject;
    return this;
  }

  addEmitter(emitter: EventSink): this {
    this.emitters.push(emitter);
    return this;
  }

  /** Adds a plugin and activates it (`activate`, then `activateBrowserPlugin`). */
  addPlugin(plugin: TrackerPlugin): this {
    this.plugins.push(plugin);
    runHook([plugin], 'activate', this);
    runHook([plugin], 'activateBrowserPlugin', this);
    return this;
  }

  /** The tracker's own counters: events that plugins filtered out. */
  stats(): TrackerStats {
    return { filtered: this.filtered };
  }

  trackPageView(event: PageViewEvent & CommonEventProperties = {}): string {
    return this.track([buildPageView(event)], event);
  }

  trackPagePing(event: PagePingEvent & CommonEventProperties): string {
    return this.track([buildPagePing(event)], event);
  }

  trackStructEvent(event: StructEvent & CommonEventProperties): string {
    return this.track([buildStructEvent(event)], event);
  }

  /** `T`, the type of the event's data, may be any object type (an interface with optional properties too); it is inferred from the argument. */
  trackSelfDescribingEvent<T extends object>(event: SelfDescribingEvent<T> & CommonEventProperties): string {
    return this.track([buildSelfDescribingEvent(event)], event);
  }

  /** Flushes every emitter; resolves with their results, in order. Never rejects. */
  flush(options?: { timeout?: number | undefined }): Promise<FlushResult[]> {
    return Promise.all(this.emitters.map((sink) => sink.flush(options)));
  }

  /** Flushes and closes every emitter: later track calls are not sent. Never rejects. */
  close(options?: { timeout?: number | undefined }): Promise<FlushResult[]> {
    return Promise.all(this.emitters.map((sink) => (sink.close ? sink.close(options) : sink.flush(options))));
  }

  /**
   * Tracks built events (the event functions and add-ons call it): serialises every
   * event before handing any to the emitters, so a mistake in the last item of a
   * transaction queues nothing. Returns the first event's id.
   */
  track(events: BuiltEvent[], common: CommonEventProperties): string {
    const contexts = optionalContexts(common.context);
    const trueTimestamp = optionalTimestamp(common.trueTimestamp, 'trueTimestamp');
    const subject = common.subject;
    if (subject !== undefined && !(subject instanceof Subject)) fail('subject', 'must be a Subject');
    const serialized = events.map((built) => this.serialize(built, contexts, trueTimestamp, subject));
    // Indexed loops, no destructuring: no iterator per call on this per-event path.
    for (let i = 0; i < serialized.length; i++) {
      const event = serialized[i]![0];
      const tracked = serialized[i]![1];
      if (!runHook(this.plugins, 'filter', tracked)) {
        this.filtered++;
        continue;
      }
      for (let j = 0; j < this.emitters.length; j++) this.emitters[j]!.input(event);
      runHook(this.plugins, 'afterTrack', tracked);
    }
    return serialized[0]![0].eid;
  }

  private serialize(
    built: BuiltEvent,
    userContexts: readonly SelfDescribingJson<object>[] | undefined,
    trueTimestamp: number | undefined,
    eventSubject: Subject | undefined,
  ): [SerializedEvent, TrackedEvent] {
    const eid = uuidv4();
    // Plain writes into a payload of fixed shape: every event runs this, mostly before
    // the JIT has optimised it. Values that may be empty go through `addField(s)`,
    // which leaves them out.
    const payload = newPayload();
    payload.e = built.e;
    if (built.fields) addFields(payload, built.fields);
    payload.eid = eid;
    payload.tv = TRACKER_VERSION;
    payload.tna = this.namespace!;
    payload.aid = this.appId!;
    payload.p = this.platform;
    payload.dtm = `${Date.now()}`;
    addField(payload, 'ttm', trueTimestamp);
    if (this.subject) addFields(payload, this.subject.fields);
    if (eventSubject) addFields(payload, eventSubject.fields);
    // Plugins may add entities; the caller's array is never changed.
    const contexts = this.plugins.length > 0 ? [...(userContexts ?? [])] : ((userContexts ?? []) as SelfDescribingJson<object>[]);
    const tracked: TrackedEvent = { e: built.e, schema: built.ue?.schema ?? '', payload, contexts };
    runHook(this.plugins, 'contexts', tracked);
    runHook(this.plugins, 'beforeTrack', tracked);
    if (built.required) for (const [field, argument] of built.required) if (!payload[field]) fail(argument, 'is required');
    // The wrappers are written as text around the one serialisation of the caller's data.
    const base64 = this.encodeBase64;
    if (built.ue) addJsonField(payload, base64, 'ue_px', 'ue_pr', wrap(UNSTRUCT_EVENT_SCHEMA, selfDescribingJson(built.ue, 'event', MAX_EVENT_DEPTH)));
    if (contexts.length > 0) addJsonField(payload, base64, 'cx', 'co', wrap(CONTEXTS_SCHEMA, `[${contexts.map((entity) => selfDescribingJson(entity, 'context')).join(',')}]`));
    const json = JSON.stringify(payload);
    return [{ eid, json, bytes: payloadBytes(json) }, tracked];
  }
}

/**
 * The tracker with every event type as a method (the seed's class API, for Node scripts
 * and anyone who wants it). Each method is the event function of the same name.
 */
export class Tracker extends BaseTracker {
  trackScreenView(event: ScreenViewEvent & CommonEventProperties): string {
    return trackScreenView(this, event);
  }

  /** Tracks the transaction and one item event per item; returns the transaction's event id. */
  trackEcommerceTransaction(event: EcommerceTransactionEvent & CommonEventProperties): string {
    return trackEcommerceTransaction(this, event);
  }

  trackLinkClick(event: LinkClickEvent & CommonEventProperties): string {
    return trackLinkClick(this, event);
  }

  trackAddToCart(event: CartEvent & CommonEventProperties): string {
    return trackAddToCart(this, event);
  }

  trackRemoveFromCart(event: CartEvent & CommonEventProperties): string {
    return trackRemoveFromCart(this, event);
  }

  trackFormChange(event: FormChangeEvent & CommonEventProperties): string {
    return trackFormChange(this, event);
  }

  trackFormSubmit(event: FormSubmitEvent & CommonEventProperties): string {
    return trackFormSubmit(this, event);
  }

  trackSiteSearch(event: SiteSearchEvent & CommonEventProperties): string {
    return trackSiteSearch(this, event);
  }
}

/** `JSON.stringify({ schema, data })`, given the data's JSON text. */
function wrap(schema: string, dataJson: string): string {
  return `{"schema":"${schema}","data":${dataJson}}`;
}
