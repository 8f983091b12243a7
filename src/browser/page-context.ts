import { SCHEMAS } from '../core/schemas.js';
import type { TrackerPlugin } from '../core/tracker.js';
import type { Payload, SelfDescribingJson } from '../core/types.js';
import { uuidv4 } from '../core/uuid.js';

/** Options of the automatic page context. */
export interface PageContextOptions {
  /** Attach the `web_page` 1-0-0 entity, holding the page view id, to every event. @defaultValue true */
  webPage?: boolean;
}

/** The automatic page context plugin, with the page view id it attaches. */
export interface PageContextPlugin extends TrackerPlugin {
  /** Id of the current page view: a new UUID at every page view. */
  pageViewId(): string;
}

/** Sets `payload[key]` only when the event has no value of its own (explicit arguments win). */
export const fill = (payload: Payload, key: string, value: unknown): void => {
  if (!payload[key] && value != null && value !== '') payload[key] = String(value);
};

/**
 * Fills the fields a browser knows: screen, viewport, document size,
 * time zone, language, charset, page URL, title and referrer. In a single-page
 * app the referrer of a page view is the previous page view's URL.
 */
export function pageContext(options: PageContextOptions = {}): PageContextPlugin {
  let id: string | undefined;
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
  const fixed: Record<string, unknown> = {
    res: `${screen.width}x${screen.height}`,
    cd: `${screen.colorDepth}`,
    tz,
    lang: navigator.language,
    cs: doc.characterSet,
  };
  // Those plus viewport and document size, which change rarely: read once per task, so
  // that a burst of events neither forces layout again and again nor copies two tables.
  let fields: Record<string, unknown> | undefined;
  const pageViewId = () => (id ??= uuidv4());
  // The document's referrer does not change while the page lives.
  const docReferrer = doc.referrer;
  // One entity per page view, shared by its events: they are serialised at once.
  let entity: SelfDescribingJson | undefined;
  return {
    pageViewId,
    beforeTrack({ e, payload, contexts }) {
      if (!fields) {
        const root = doc.documentElement;
        fields = { ...fixed, vp: `${innerWidth}x${innerHeight}`, ds: `${root.scrollWidth}x${root.scrollHeight}` };
        queueMicrotask(() => (fields = undefined));
      }
      for (const key in fields) fill(payload, key, fields[key]);
      fill(payload, 'url', location.href);
      if (e == 'pv') {
        id = uuidv4();
        fill(payload, 'page', doc.title);
        fill(payload, 'refr', lastUrl ?? docReferrer);
        lastUrl = payload.url;
        referrer = payload.refr;
      } else fill(payload, 'refr', referrer ?? docReferrer);
      if (options.webPage !== false) {
        const pv = pageViewId();
        if (entity?.data.id !== pv) entity = { schema: SCHEMAS.webPage, data: { id: pv } };
        contexts.push(entity);
      }
    },
  };
}
