// Add-on `dist/plugins/enhanced-consent.umd.min.js`: Snowplow's enhanced consent commands.
import type { BrowserTracker } from '../browser/tracker.js';
import {
  trackCmpVisible,
  trackConsentAllow,
  trackConsentDeny,
  trackConsentExpired,
  trackConsentImplicit,
  trackConsentPending,
  trackConsentPreferences,
  trackConsentSelected,
  type ConsentPreferences,
} from '../core/events/enhanced-consent.js';
import { addOnCommands } from './registry.js';
import { register } from './register.js';

// Snowplow's two consent plugins both have a `trackConsentWithdrawn`: this one sends
// consent_preferences for arguments with `basisForProcessing`, and leaves the others to
// the consent add-on's (load that one first when a page uses both).
const older = addOnCommands.trackConsentWithdrawn as ((tracker: BrowserTracker, event: unknown) => unknown) | undefined;
const trackConsentWithdrawn = (tracker: BrowserTracker, event: ConsentPreferences) =>
  older && !(event && 'basisForProcessing' in event) ? older(tracker, event) : trackConsentPreferences(tracker, { ...event, eventType: 'withdrawn' });

register({
  trackConsentAllow,
  trackConsentSelected,
  trackConsentPending,
  trackConsentImplicit,
  trackConsentDeny,
  trackConsentExpired,
  trackConsentWithdrawn,
  trackCmpVisible,
});
