// Automatic link-click tracking: one delegated listener on the document, so that links
// added later are tracked too and a page of 1,000 links costs nothing at start-up.
// Any tracker: the lean one (newTracker's) and the full class both are one.
import type { BaseTracker as Tracker } from '../core/tracker.js';
import { classesOf, dynamicContext, elementFilter, type DynamicContext, type FilterCriterion } from './element-filter.js';
import { browserFeature, enable, guarded, type BrowserFeature } from './autotrack-plugin.js';
import { listen } from './env.js';
import { trackLinkClick } from '../core/events/track.js';

/** A link element: `<a>` or `<area>`. */
export type LinkElement = HTMLAnchorElement | HTMLAreaElement;

/** Options of {@link enableLinkClickTracking} (Snowplow's `LinkClickTrackingConfiguration`). */
export interface LinkClickTrackingOptions {
  /** Which links to track, by class (`allowlist`/`denylist`) or by a `filter` function. @defaultValue every link */
  options?: FilterCriterion<LinkElement> | undefined;
  /**
   * Track a press and release of any mouse button on the same link (middle clicks,
   * Ctrl/Cmd clicks that open a new tab) instead of the `click` event. @defaultValue false
   */
  pseudoClicks?: boolean | undefined;
  /** Send the link's `innerHTML` as `elementContent`. @defaultValue false */
  trackContent?: boolean | undefined;
  /** Entities to attach to each link click, or functions of the link that return one. @defaultValue none */
  context?: DynamicContext<LinkElement> | undefined;
}

// Links that run script or open a mail client lead nowhere to track (as Snowplow skips them).
const SCRIPT_OR_MAIL = /^(javascript|vbscript|mailto):/i;

/** The link a click landed in, if any. */
const linkOf = (target: EventTarget | null): LinkElement | null =>
  target instanceof Element ? (target.closest('a[href],area[href]') as LinkElement | null) : null;

/**
 * The link-click tracking plugin: added to a tracker in a browser, one listener on the
 * document sends `link_click` 1-0-1 for every tracked link. Inert outside a browser.
 */
export function linkClickTracking(options: LinkClickTrackingOptions = {}): BrowserFeature {
  return browserFeature((tracker) => {
    const tracked = elementFilter(options.options, classesOf);
    const track = guarded((link: LinkElement | null) => {
      if (!link || SCRIPT_OR_MAIL.test(link.href) || !tracked(link)) return;
      const event: Parameters<typeof trackLinkClick>[1] = { targetUrl: link.href, context: dynamicContext(options.context, link) };
      if (link.id) event.elementId = link.id;
      if (link.classList.length) event.elementClasses = classesOf(link);
      if (link.target) event.elementTarget = link.target;
      if (options.trackContent && link.innerHTML) event.elementContent = link.innerHTML;
      // Tracked now, before the browser follows the link: the event is queued and
      // stored at once, and the page's unload sends it (keepalive).
      trackLinkClick(tracker, event);
    });
    if (!options.pseudoClicks) return listen(document, 'click', (event) => track(linkOf(event.target)));
    // A press and a release on the same link, with any button.
    let pressed: LinkElement | null = null;
    return listen(document, 'mousedown mouseup', (event) => {
      const link = linkOf(event.target);
      if (event.type == 'mousedown') pressed = link;
      else if (link && link == pressed) track(link);
    });
  });
}

/**
 * Sends `link_click` for clicks on the page's links, present now or added later
 * (Snowplow's `enableLinkClickTracking`). Returns a function that stops it.
 */
export const enableLinkClickTracking = (tracker: Tracker, options?: LinkClickTrackingOptions): (() => void) => enable(tracker, linkClickTracking(options));
