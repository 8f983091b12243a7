// Add-on `dist/plugins/button-click-tracking.umd.min.js`: Snowplow's button click tracking commands.
import { enableButtonClickTracking, type ButtonClickTrackingOptions } from '../browser/button-click.js';
import type { BrowserTracker } from '../browser/tracker.js';
import { trackButtonClick } from '../core/events/button-click.js';
import { register } from './register.js';

// As Snowplow's: enabling again replaces the options; disabling stops it.
const stops = new WeakMap<BrowserTracker, () => void>();
const disableButtonClickTracking = (tracker: BrowserTracker) => stops.get(tracker)?.();

register({
  enableButtonClickTracking: (tracker: BrowserTracker, options?: ButtonClickTrackingOptions) => {
    disableButtonClickTracking(tracker);
    stops.set(tracker, enableButtonClickTracking(tracker, options));
  },
  disableButtonClickTracking,
  trackButtonClick,
});
