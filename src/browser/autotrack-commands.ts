// The script tag's commands for automatic tracking, global contexts and consent, with
// Snowplow's names: `isotrack('enableLinkClickTracking', options)` calls
// `enableLinkClickTracking(tracker, options)` for every tracker (or those named).
import { trackError } from '../core/events/application-error.js';
import { trackConsentGranted, trackConsentWithdrawn } from '../core/events/consent.js';
import { addGlobalContexts, clearGlobalContexts, removeGlobalContexts } from '../core/global-contexts.js';
import type { TrackerCommand } from './command-queue.js';
import { enableErrorTracking } from './errors.js';
import { enableFormTracking } from './form-tracking.js';
import { enableLinkClickTracking } from './link-click.js';

export const autotrackCommands: Record<string, TrackerCommand> = {
  enableLinkClickTracking,
  // Links added later are tracked without it (one delegated listener); kept so that a Snowplow page runs unchanged.
  refreshLinkClickTracking: () => undefined,
  enableFormTracking,
  enableErrorTracking,
  trackError,
  addGlobalContexts,
  removeGlobalContexts,
  clearGlobalContexts,
  trackConsentGranted,
  trackConsentWithdrawn,
};
