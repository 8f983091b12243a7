import type { BuiltEvent } from './built-event.js';
import { readFields, requireArgs, type FieldRule } from './field-rules.js';
import { INTEGER, STRING } from './rule-kinds.js';

/** A page view (`e=pv`). In a browser, omitted fields are read from the page. */
export interface PageViewEvent {
  /** Page URL (`url`). Required outside a browser. */
  pageUrl?: string | undefined;
  /** Page title (`page`). */
  pageTitle?: string | undefined;
  /** Referrer URL (`refr`). */
  referrer?: string | undefined;
}

/** A page ping (`e=pp`): the user is still on the page; scroll offsets (whole pixels) seen since the last ping. */
export interface PagePingEvent extends PageViewEvent {
  minX?: number | undefined;
  maxX?: number | undefined;
  minY?: number | undefined;
  maxY?: number | undefined;
}

const PAGE: FieldRule[] = [['pageUrl', STRING, 'url'], ['pageTitle', STRING, 'page'], ['referrer', STRING, 'refr']];
const PING: FieldRule[] = [...PAGE, ['minX', INTEGER, 'pp_mix'], ['maxX', INTEGER, 'pp_max'], ['minY', INTEGER, 'pp_miy'], ['maxY', INTEGER, 'pp_may']];
// In a browser the page URL comes from the page itself, so it is checked after plugins ran.
const URL_REQUIRED = [['url', 'pageUrl']] as const;

export function buildPageView(args: PageViewEvent = {}): BuiltEvent {
  return { e: 'pv', fields: readFields(requireArgs(args, 'trackPageView'), PAGE), required: URL_REQUIRED };
}

export function buildPagePing(args: PagePingEvent): BuiltEvent {
  return { e: 'pp', fields: readFields(requireArgs(args, 'trackPagePing'), PING), required: URL_REQUIRED };
}
