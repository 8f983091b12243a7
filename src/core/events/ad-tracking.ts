// Ad events (ad_impression, ad_click, ad_conversion 1-0-0), as Snowplow's ad tracking
// plugin sends them: functions of a tracker, so that a bundle that does not use them
// leaves them out. Each argument is checked at the call against its schema.
import type { BaseTracker } from '../tracker.js';
import type { CommonEventProperties } from '../types.js';
import { fail, readFields, requireArgs, type FieldRule } from './field-rules.js';
import { NUMBER, REQUIRED, STRING } from './rule-kinds.js';
import { selfDescribing } from './self-describing.js';

const SCHEMA = 'iglu:com.snowplowanalytics.snowplow/ad_';
const COST_MODELS = ['cpa', 'cpc', 'cpm'] as const;

/** Fields every ad event may have. */
export interface AdEventBase {
  /** Id of the campaign. @defaultValue none */
  campaignId?: string | undefined;
  /** Id of the advertiser. @defaultValue none */
  advertiserId?: string | undefined;
  /** How the ad is paid for: per action, click or thousand impressions. @defaultValue none */
  costModel?: 'cpa' | 'cpc' | 'cpm' | undefined;
  /** What it cost (≥ 0). @defaultValue none */
  cost?: number | undefined;
}

/** An `ad_impression` 1-0-0 event: an ad was served. */
export interface AdImpressionEvent extends AdEventBase {
  impressionId?: string | undefined;
  zoneId?: string | undefined;
  bannerId?: string | undefined;
  targetUrl?: string | undefined;
}

/** An `ad_click` 1-0-0 event: an ad was clicked. */
export interface AdClickEvent extends AdEventBase {
  /** Where the ad leads (required). */
  targetUrl: string;
  clickId?: string | undefined;
  impressionId?: string | undefined;
  zoneId?: string | undefined;
  bannerId?: string | undefined;
}

/** An `ad_conversion` 1-0-0 event: an ad led to a conversion. */
export interface AdConversionEvent extends AdEventBase {
  conversionId?: string | undefined;
  category?: string | undefined;
  action?: string | undefined;
  property?: string | undefined;
  /** The conversion's value (≥ 0). @defaultValue none */
  initialValue?: number | undefined;
}

const BASE: FieldRule[] = [['campaignId', STRING], ['advertiserId', STRING], ['costModel', STRING, COST_MODELS], ['cost', NUMBER]];
const ids = (...names: string[]): FieldRule[] => names.map((name) => [name, STRING]);

function track(tracker: BaseTracker, name: string, event: CommonEventProperties, rules: FieldRule[]): string {
  const data = readFields(requireArgs(event, `track${name}`), [...rules, ...BASE]);
  for (const field of ['cost', 'initialValue']) if ((data[field] as number) < 0) fail(field, 'must be ≥ 0');
  // The schemas make `costModel` a dependency of `cost`: the pipeline rejects one without the other.
  if (data.cost !== undefined && data.costModel === undefined) fail('costModel', 'is required when cost is given');
  return tracker.track([selfDescribing(`${SCHEMA}${name.slice(2).toLowerCase()}/jsonschema/1-0-0`, data)], event);
}

/** Sends `ad_impression`; returns the event id. */
export const trackAdImpression = (tracker: BaseTracker, event: AdImpressionEvent & CommonEventProperties): string =>
  track(tracker, 'AdImpression', event, ids('impressionId', 'zoneId', 'bannerId', 'targetUrl'));

/** Sends `ad_click` (`targetUrl` required); returns the event id. */
export const trackAdClick = (tracker: BaseTracker, event: AdClickEvent & CommonEventProperties): string =>
  track(tracker, 'AdClick', event, [['targetUrl', STRING + REQUIRED], ...ids('clickId', 'impressionId', 'zoneId', 'bannerId')]);

/** Sends `ad_conversion`; returns the event id. */
export const trackAdConversion = (tracker: BaseTracker, event: AdConversionEvent & CommonEventProperties): string =>
  track(tracker, 'AdConversion', event, [...ids('conversionId', 'category', 'action', 'property'), ['initialValue', NUMBER]]);
