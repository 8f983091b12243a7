// The event functions of issue 20's add-ons (button clicks, ads, enhanced consent) refuse,
// at the call and naming the argument, what their schemas would reject; what they accept
// is sent as the schema names it (the browser specs check it good in the dev collector).
import { describe, expect, it } from 'vitest';
import { Tracker } from '../../src/core/index.js';
import { trackButtonClick } from '../../src/core/events/button-click.js';
import { trackAdClick, trackAdConversion, trackAdImpression } from '../../src/core/events/ad-tracking.js';
import { trackCmpVisible, trackConsentAllow, trackConsentPreferences } from '../../src/core/events/enhanced-consent.js';
import { CollectingSink } from '../helpers/collecting-sink.js';
import { itRefusesEach, type RefusalCase } from '../helpers/refusals.js';

const PREFERENCES = { basisForProcessing: 'consent', consentUrl: 'https://a.test/privacy', consentVersion: '1', consentScopes: ['analytics'], domainsApplied: ['a.test'] } as const;

const cases: RefusalCase[] = [
  ['button label empty', (t) => trackButtonClick(t, { label: '' }), /trackButtonClick: label must be a non-empty string/],
  ['ad click without targetUrl', (t) => trackAdClick(t, {} as never), /targetUrl is required/],
  ['ad cost negative', (t) => trackAdImpression(t, { cost: -1, costModel: 'cpm' }), /cost must be ≥ 0/],
  ['ad cost without its cost model (the schema makes it a dependency)', (t) => trackAdConversion(t, { cost: 1 }), /costModel is required when cost is given/],
  ['ad cost model outside the enum', (t) => trackAdImpression(t, { costModel: 'cpx' as never }), /costModel must be one of cpa, cpc, cpm/],
  ['conversion value not a number', (t) => trackAdConversion(t, { initialValue: '10' as never }), /initialValue must be a finite number/],
  ['consent version longer than 16', (t) => trackConsentAllow(t, { ...PREFERENCES, consentVersion: 'v'.repeat(17) }), /consentVersion must be a non-empty string of at most 16/],
  ['consent basis outside the enum', (t) => trackConsentAllow(t, { ...PREFERENCES, basisForProcessing: 'whim' as never }), /basisForProcessing must be one of consent/],
  ['consent scopes missing', (t) => trackConsentAllow(t, { ...PREFERENCES, consentScopes: undefined as never }), /consentScopes is required/],
  ['consent scopes empty (the schema asks for one at least)', (t) => trackConsentAllow(t, { ...PREFERENCES, consentScopes: [] }), /consentScopes must be a non-empty array of strings/],
  ['consent URL not absolute', (t) => trackConsentAllow(t, { ...PREFERENCES, consentUrl: '/privacy' }), /consentUrl must be an absolute URI, got "\/privacy"/],
  ['consent event type outside the enum', (t) => trackConsentPreferences(t, { ...PREFERENCES, eventType: 'maybe' as never }), /eventType must be one of deny_all/],
  ['gdprApplies not a boolean', (t) => trackConsentAllow(t, { ...PREFERENCES, gdprApplies: 'yes' as never }), /gdprApplies must be a boolean/],
  ['cmp elapsedTime missing', (t) => trackCmpVisible(t, {} as never), /elapsedTime is required/],
  ['cmp elapsedTime negative', (t) => trackCmpVisible(t, { elapsedTime: -5 }), /elapsedTime must be ≥ 0/],
];

describe('issue 20 event functions: mistakes throw a TypeError at the call and queue nothing', () => {
  itRefusesEach(cases);

  it('sends what they accept under the schema’s names, empty optional values left out', () => {
    const sink = new CollectingSink();
    const tracker = new Tracker(sink, { encodeBase64: false });
    const data = () => JSON.parse(sink.last().ue_pr!).data as { schema: string; data: unknown };
    trackButtonClick(tracker, { label: 'Buy', id: '', classes: [], name: 'buy' });
    expect(data()).toEqual({ schema: 'iglu:com.snowplowanalytics.snowplow/button_click/jsonschema/1-0-0', data: { label: 'Buy', name: 'buy' } });
    trackConsentAllow(tracker, { ...PREFERENCES });
    expect(data()).toEqual({ schema: 'iglu:com.snowplowanalytics.snowplow/consent_preferences/jsonschema/1-0-0', data: { eventType: 'allow_all', ...PREFERENCES } });
    trackAdConversion(tracker, { cost: 0, costModel: 'cpa' });
    expect(data()).toEqual({ schema: 'iglu:com.snowplowanalytics.snowplow/ad_conversion/jsonschema/1-0-0', data: { cost: 0, costModel: 'cpa' } });
  });
});
