// Enhanced consent events (consent_preferences and cmp_visible 1-0-0), as Snowplow's
// enhanced consent plugin sends them: one function per action, each a function of a
// tracker. Snowplow names the withdrawal `trackConsentWithdrawn`, as the older consent
// plugin does; here it is `trackConsentPreferences(tracker, { eventType: 'withdrawn', … })`
// (and the script tag's `trackConsentWithdrawn` with these fields: see plugins/enhanced-consent.ts).
import type { BaseTracker } from '../tracker.js';
import type { CommonEventProperties } from '../types.js';
import { describe, fail, readFields, requireArgs, type FieldRule } from './field-rules.js';
import { NUMBER, REQUIRED, STRING, STRINGS } from './rule-kinds.js';
import { selfDescribing } from './self-describing.js';

const CONSENT_PREFERENCES = 'iglu:com.snowplowanalytics.snowplow/consent_preferences/jsonschema/1-0-0';
const CMP_VISIBLE = 'iglu:com.snowplowanalytics.snowplow/cmp_visible/jsonschema/1-0-0';

/** The user's consent preferences (Snowplow's `Consent`, without `eventType`). */
export interface ConsentPreferences {
  /** GDPR lawful basis for processing. */
  basisForProcessing: 'consent' | 'contract' | 'legal_obligation' | 'vital_interests' | 'public_task' | 'legitimate_interests';
  /** URL of the privacy policy (absolute). */
  consentUrl: string;
  /** Version of the privacy policy, at most 16 characters. */
  consentVersion: string;
  /** The scopes allowed, e.g. `['analytics', 'functional']` (at least one). */
  consentScopes: string[];
  /** The domains the preferences apply to (at least one). */
  domainsApplied: string[];
  /** Whether GDPR applies. @defaultValue none */
  gdprApplies?: boolean | undefined;
}

/** A `consent_preferences` event's action. */
export type ConsentEventType = 'deny_all' | 'allow_all' | 'allow_selected' | 'pending' | 'implicit_consent' | 'withdrawn' | 'expired';

const BASES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'];
const TYPES = ['deny_all', 'allow_all', 'allow_selected', 'pending', 'implicit_consent', 'withdrawn', 'expired'];
const RULES: FieldRule[] = [
  ['eventType', STRING + REQUIRED, TYPES],
  ['basisForProcessing', STRING + REQUIRED, BASES],
  ['consentUrl', STRING + REQUIRED],
  ['consentVersion', STRING + REQUIRED, 16],
  // At least one item each (the schema's minItems), of at most 1,024 characters.
  ['consentScopes', STRINGS + REQUIRED, 1024],
  ['domainsApplied', STRINGS + REQUIRED, 1024],
];

/** Sends `consent_preferences` with the action `eventType`; returns the event id. */
export function trackConsentPreferences(tracker: BaseTracker, event: ConsentPreferences & { eventType: ConsentEventType } & CommonEventProperties): string {
  const data = readFields(requireArgs(event, 'trackConsentPreferences'), RULES);
  // The schema's `format: uri`: an absolute URI (a scheme, then no spaces).
  if (!/^[a-z][a-z\d+.-]*:\S*$/i.test(data.consentUrl as string)) fail('consentUrl', `must be an absolute URI, got ${describe(data.consentUrl)}`);
  const { gdprApplies } = event;
  if (gdprApplies != null) {
    if (typeof gdprApplies != 'boolean') fail('gdprApplies', `must be a boolean, got ${describe(gdprApplies)}`);
    data.gdprApplies = gdprApplies;
  }
  return tracker.track([selfDescribing(CONSENT_PREFERENCES, data)], event);
}

type Preferences = ConsentPreferences & CommonEventProperties;
const action =
  (eventType: ConsentEventType) =>
  (tracker: BaseTracker, event: Preferences): string =>
    trackConsentPreferences(tracker, { ...requireArgs(event, 'trackConsentPreferences'), eventType });

/** The user accepted every scope. */
export const trackConsentAllow: (tracker: BaseTracker, event: Preferences) => string = /* @__PURE__ */ action('allow_all');
/** The user accepted some scopes. */
export const trackConsentSelected: (tracker: BaseTracker, event: Preferences) => string = /* @__PURE__ */ action('allow_selected');
/** The user has not decided yet. */
export const trackConsentPending: (tracker: BaseTracker, event: Preferences) => string = /* @__PURE__ */ action('pending');
/** Consent is implied (the user went on browsing). */
export const trackConsentImplicit: (tracker: BaseTracker, event: Preferences) => string = /* @__PURE__ */ action('implicit_consent');
/** The user refused every scope. */
export const trackConsentDeny: (tracker: BaseTracker, event: Preferences) => string = /* @__PURE__ */ action('deny_all');
/** The consent has expired. */
export const trackConsentExpired: (tracker: BaseTracker, event: Preferences) => string = /* @__PURE__ */ action('expired');

/** Sends `cmp_visible`: the consent dialog showed `elapsedTime` ms after the page started loading; returns the event id. */
export function trackCmpVisible(tracker: BaseTracker, event: { elapsedTime: number } & CommonEventProperties): string {
  const data = readFields(requireArgs(event, 'trackCmpVisible'), [['elapsedTime', NUMBER + REQUIRED]]);
  if ((data.elapsedTime as number) < 0) fail('elapsedTime', 'must be ≥ 0');
  return tracker.track([selfDescribing(CMP_VISIBLE, data)], event);
}
