// Consent events (consent_granted / consent_withdrawn 1-0-0, each with the consent_document
// 1-0-0 entity), as Snowplow's trackConsentGranted / trackConsentWithdrawn send them.
// Functions rather than tracker methods, so that a bundle that does not use them leaves them out.
// Any tracker: the lean one (newTracker's) and the full class both are one.
import type { BaseTracker as Tracker } from '../tracker.js';
import type { CommonEventProperties, SelfDescribingJson } from '../types.js';
import { contextArray } from '../validation.js';
import { describe, fail, readFields, requireArgs, type FieldRule } from './field-rules.js';
import { BOOLEAN, REQUIRED, STRING } from './rule-kinds.js';

// Plain literals: a bundler can drop them when this module is not used.
const CONSENT_DOCUMENT = 'iglu:com.snowplowanalytics.snowplow/consent_document/jsonschema/1-0-0';
const CONSENT_GRANTED = 'iglu:com.snowplowanalytics.snowplow/consent_granted/jsonschema/1-0-0';
const CONSENT_WITHDRAWN = 'iglu:com.snowplowanalytics.snowplow/consent_withdrawn/jsonschema/1-0-0';

/** The document a user consented to (the `consent_document` entity). */
export interface ConsentDocument {
  /** Identifier of the document, at most 36 characters. */
  id: string;
  /** Version of the document, at most 36 characters. */
  version: string;
  /** Name of the document, at most 60 characters. */
  name?: string | undefined;
  /** Description of the document, at most 10,000 characters. */
  description?: string | undefined;
}

/** Arguments of {@link trackConsentGranted}. */
export interface ConsentGrantedEvent extends ConsentDocument {
  /** When the consent expires: an ISO 8601 date-time such as `2027-01-01T00:00:00Z`. */
  expiry?: string | undefined;
}

/** Arguments of {@link trackConsentWithdrawn}. */
export interface ConsentWithdrawnEvent extends Partial<ConsentDocument> {
  /** True when the user withdraws every consent. */
  all: boolean;
}

// Kinds, and the schema's length limits, checked at the call: a longer value would be a bad event.
const DOCUMENT: [FieldRule, number][] = [
  [['id', STRING + REQUIRED], 36],
  [['version', STRING + REQUIRED], 36],
  [['name', STRING], 60],
  [['description', STRING], 10_000],
];
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:Z|([+-])(\d\d):(\d\d))$/i;

/**
 * An RFC 3339 date-time that names a real instant, as the pipeline's `format: date-time`
 * checks it: a day that exists in its month (February 29 in leap years only), hours to
 * 23, minutes and seconds to 59, an offset to ±23:59, and a leap second (`:60`) only
 * at 23:59 UTC.
 */
export function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = match.slice(1).map((part) => +part! || 0) as number[];
  const sign = match[7] == '-' ? -1 : 1;
  const days = month == 2 ? (year! % 4 || (!(year! % 100) && year! % 400) ? 28 : 29) : 30 + ((month! + (month! >> 3)) & 1);
  if (!(month! >= 1 && month! <= 12 && day! >= 1 && day! <= days && hour! < 24 && minute! < 60 && second! <= 60 && !(offsetHours! > 23 || offsetMinutes! > 59))) return false;
  if (second! < 60) return true;
  // A leap second: the minute must be 23:59 in UTC.
  const utcMinute = minute! - offsetMinutes! * sign;
  const utcHour = hour! - offsetHours! * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour == 23 || utcHour == -1) && (utcMinute == 59 || utcMinute == -1);
}

function consentDocument(args: Partial<ConsentDocument>): SelfDescribingJson {
  const data = readFields(args, DOCUMENT.map(([rule]) => rule));
  for (const [[field], max] of DOCUMENT) if (((data[field] as string | undefined)?.length ?? 0) > max) fail(field, `must be at most ${max} characters`);
  return { schema: CONSENT_DOCUMENT, data };
}

/** Sends `consent_granted` with the document as an entity; returns the event id. */
export function trackConsentGranted(tracker: Tracker, event: ConsentGrantedEvent & CommonEventProperties): string {
  const { expiry } = requireArgs(event, 'trackConsentGranted');
  if (expiry !== undefined && !(typeof expiry == 'string' && isDateTime(expiry))) fail('expiry', `must be a real RFC 3339 date-time, got ${describe(expiry)}`);
  return send(tracker, event, CONSENT_GRANTED, expiry === undefined ? {} : { expiry }, consentDocument(event));
}

/** Sends `consent_withdrawn`, with the document as an entity when `id` is given; returns the event id. */
export function trackConsentWithdrawn(tracker: Tracker, event: ConsentWithdrawnEvent & CommonEventProperties): string {
  const { all } = readFields(requireArgs(event, 'trackConsentWithdrawn'), [['all', BOOLEAN + REQUIRED]]) as { all: boolean };
  const id = event.id;
  return send(tracker, event, CONSENT_WITHDRAWN, { all }, id === undefined ? undefined : consentDocument(event));
}

function send(tracker: Tracker, common: CommonEventProperties, schema: string, data: Record<string, unknown>, documentEntity: SelfDescribingJson | undefined): string {
  const context = contextArray(common.context);
  return tracker.trackSelfDescribingEvent({ ...common, event: { schema, data }, context: (documentEntity ? [documentEntity, ...(context ?? [])] : context) as SelfDescribingJson[] | undefined });
}
