import type { BuiltEvent } from './built-event.js';
import { optionalNumber, optionalString, requireArgs } from '../validation.js';

/** A page view (`e=pv`). In a browser, omitted fields are read from the document. */
export interface PageViewEvent {
  /** Page URL (`url`). Required outside a browser. */
  pageUrl?: string;
  /** Page title (`page`). */
  pageTitle?: string;
  /** Referrer URL (`refr`). */
  referrer?: string;
}

/** A page ping (`e=pp`): the user is still on the page; scroll offsets seen since the last ping. */
export interface PagePingEvent extends PageViewEvent {
  minX?: number;
  maxX?: number;
  minY?: number;
  maxY?: number;
}

function pageFields(args: PageViewEvent) {
  return {
    url: optionalString(args.pageUrl, 'pageUrl'),
    page: optionalString(args.pageTitle, 'pageTitle'),
    refr: optionalString(args.referrer, 'referrer'),
  };
}

const URL_REQUIRED = [['url', 'pageUrl']] as const;

export function buildPageView(args: PageViewEvent = {}): BuiltEvent {
  requireArgs(args, 'trackPageView');
  return { e: 'pv', fields: pageFields(args), required: URL_REQUIRED };
}

export function buildPagePing(args: PagePingEvent): BuiltEvent {
  requireArgs(args, 'trackPagePing');
  return {
    e: 'pp',
    fields: {
      ...pageFields(args),
      pp_mix: optionalNumber(args.minX, 'minX'),
      pp_max: optionalNumber(args.maxX, 'maxX'),
      pp_miy: optionalNumber(args.minY, 'minY'),
      pp_may: optionalNumber(args.maxY, 'maxY'),
    },
    required: URL_REQUIRED,
  };
}
