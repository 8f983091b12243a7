import { UNSET } from '../core/payload.js';
import { SCHEMAS } from '../core/schemas.js';
import type { TrackerPlugin } from '../core/tracker.js';
import type { SelfDescribingJson } from '../core/types.js';
import { uuidv4 } from '../core/uuid.js';
import { inBrowser } from './env.js';

/** Options of the automatic page context. */
export interface PageContextOptions {
  /** Attach the `web_page` 1-0-0 entity, holding the page view id, to every event. @defaultValue true */
  webPage?: boolean | undefined;
}

/** The automatic page context plugin, with the page view id it attaches. */
export interface PageContextPlugin extends TrackerPlugin {
  /** Id of the current page view: a new UUID at every page view. */
  pageViewId(): string;
}

/**
 * Fills the fields a browser knows: screen, viewport, document size,
 * time zone, language, charset, page URL, title and referrer. In a single-page
 * app the referrer of a page view is the previous page view's URL.
 */
export function pageContext(options: PageContextOptions = {}): PageContextPlugin {
  let id: string | undefined;
  const pageViewId = () => (id ??= uuidv4());
  // Server-side rendering: no page to describe, so the plugin adds nothing.
  if (!inBrowser()) return { pageViewId, beforeTrack() {} };
  let lastUrl: string | undefined;
  let referrer: string | undefined;
  // Fields that do not change while the page lives. Read now, not at the first event:
  // the first `Intl.DateTimeFormat` costs milliseconds (ICU data) on a cold page.
  const doc = document;
  let tz: string | undefined;
  try {
    tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    // No time zone data: tz is left out.
  }
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
  // One entity per page view, shared by its events: they are serialised at once.
  let entity: SelfDescribingJson | undefined;
  return {
    pageViewId,
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
      p.res ||= res;
      p.cd ||= cd;
      p.tz ||= tz!;
      p.lang ||= lang;
      p.cs ||= cs;
      p.vp ||= sizes[0];
      p.ds ||= sizes[1];
      p.url ||= location.href;
      if (e == 'pv') {
        id = uuidv4();
        p.page ||= doc.title || UNSET;
        p.refr ||= (lastUrl ?? docReferrer) || UNSET;
        lastUrl = p.url;
        referrer = p.refr;
      } else p.refr ||= (referrer ?? docReferrer) || UNSET;
      if (options.webPage !== false) {
        const pv = pageViewId();
        if (entity?.data.id !== pv) entity = { schema: SCHEMAS.webPage, data: { id: pv } };
        contexts.push(entity);
      }
    },
  };
}
