import { UNSET } from '../core/payload.js';
import { WEB_PAGE_SCHEMA } from '../core/schemas.js';
import type { TrackerPlugin } from '../core/tracker.js';
import type { SelfDescribingJson } from '../core/types.js';
import { uuidv4 } from '../core/uuid.js';
import { requireSelfDescribing } from '../core/validation.js';
import { inBrowser } from './env.js';

/** Options of the automatic page context. */
export interface PageContextOptions {
  /** Attach the `web_page` 1-0-0 entity, holding the page view id, to every event. @defaultValue true */
  webPage?: boolean | undefined;
}

/** The automatic page context plugin, with the page view id it attaches. */
export interface PageContextPlugin extends TrackerPlugin {
  /**
   * Id of the current page view. As in Snowplow's tracker: one id from the first event on
   * the page through the first page view, a new one at each later page view, shared by
   * every tracker on the page.
   */
  pageViewId(): string;
  /** Keeps the current page view id for later page views too (Snowplow's `preservePageViewId`). */
  preservePageViewId(): void;
  /** The `url` of later events instead of the location (resolved against it). */
  setCustomUrl(url: string): void;
  /** The `refr` of later events instead of the document's or previous page view's. */
  setReferrerUrl(url: string): void;
}

// Shared by the trackers of the page, as Snowplow's trackers share theirs.
const shared: { pageViewId?: string } = {};

/**
 * Fills the fields a browser knows: screen, viewport, document size,
 * time zone, language, charset, page URL, title and referrer. In a single-page
 * app the referrer of a page view is the previous page view's URL.
 */
export function pageContext(options: PageContextOptions = {}): PageContextPlugin {
  // Server-side rendering: no page to describe, so the plugin adds nothing.
  return inBrowser() ? browserPageContext(options) : { pageViewId, preservePageViewId() {}, setCustomUrl() {}, setReferrerUrl() {}, beforeTrack() {} };
}

const pageViewId = () => (shared.pageViewId ??= uuidv4());

/**
 * {@link pageContext} in a browser. `newTracker` calls it only there, so that the script
 * tag and an SPA bundle do not carry the server stand-in.
 */
export function browserPageContext(options: PageContextOptions): PageContextPlugin {
  let sent: string | undefined;
  let preserve = false;
  let customUrl: string | undefined;
  let customReferrer: string | undefined;
  let lastUrl: string | undefined;
  let referrer: string | undefined;
  const doc = document;
  // The time zone, without ICU work on the page's start-up path: the first
  // `Intl.DateTimeFormat` costs 25-45 ms on a cold Chromium page (ICU data), where
  // `Temporal.Now.timeZoneId()` (Chromium, Firefox) costs nothing measurable. Without
  // Temporal (WebKit today) it is read in the first idle period, or at the first event
  // if that comes sooner. Read once per page, as Snowplow reads it (docs/identity.md).
  const temporal = (globalThis as { Temporal?: { Now: { timeZoneId(): string } } }).Temporal;
  let tz: string | undefined = temporal?.Now.timeZoneId();
  const readTz = () => {
    try {
      tz ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      // No time zone data: tz is left out.
    }
  };
  if (!tz && typeof requestIdleCallback == 'function') requestIdleCallback(readTz);
  // As strings once: every event copies them.
  const res = `${screen.width}x${screen.height}`;
  const cd = `${screen.colorDepth}`;
  const lang = navigator.language;
  const cs = doc.characterSet;
  // Viewport and document size change rarely: read once per task, so that a burst of
  // events does not force layout again and again.
  let sizes: [vp: string, ds: string] | undefined;
  // The document's referrer does not change while the page lives.
  const docReferrer = doc.referrer;
  // The page URL: the document's URL, which `location.href` returns too, read through
  // Document's own getter. `location.href` cost 1-4 µs per read in Chromium 156 (its
  // access checks and serialisation), this about 0.2 µs; the getter, rather than
  // `document.URL`, because an element named "URL" would shadow that property.
  const docUrl = Object.getOwnPropertyDescriptor(Document.prototype, 'URL')!.get!;
  // One entity per page view, shared by its events: they are serialised at once.
  let entity: SelfDescribingJson | undefined;
  return {
    pageViewId,
    preservePageViewId: () => void (preserve = true),
    setCustomUrl: (url) => void (customUrl = new URL(url, location.href).href),
    setReferrerUrl: (url) => void (customReferrer = url),
    beforeTrack({ e, payload, contexts }) {
      if (!sizes) {
        const root = doc.documentElement;
        sizes = [`${innerWidth}x${innerHeight}`, `${root.scrollWidth}x${root.scrollHeight}`];
        queueMicrotask(() => (sizes = undefined));
      }
      // One plain write per field, no loop over a table: every event runs this, mostly
      // before the JIT has optimised it. `||=` because the event's own values win; empty
      // texts (no title, no referrer) stay unset.
      const p = payload;
      if (!tz) readTz();
      p.res ||= res;
      p.cd ||= cd;
      p.tz ||= tz!;
      p.lang ||= lang;
      p.cs ||= cs;
      p.vp ||= sizes[0];
      p.ds ||= sizes[1];
      p.url ||= customUrl ?? docUrl.call(doc);
      if (e == 'pv') {
        // A new id only when this tracker's last page view had the current one (another
        // tracker may have renewed it already), unless it is preserved.
        if (sent == pageViewId() && !preserve) shared.pageViewId = uuidv4();
        sent = pageViewId();
        p.page ||= doc.title || UNSET;
        p.refr ||= (customReferrer ?? lastUrl ?? docReferrer) || UNSET;
        lastUrl = p.url;
        referrer = p.refr;
      } else p.refr ||= (customReferrer ?? referrer ?? docReferrer) || UNSET;
      if (options.webPage !== false) {
        const pv = pageViewId();
        // Checked once per page view: its JSON text is then made once, not per event.
        if (entity?.data.id !== pv) entity = requireSelfDescribing({ schema: WEB_PAGE_SCHEMA, data: { id: pv } }, 'context');
        contexts.push(entity);
      }
    },
  };
}
