// Add-on `dist/plugins/link-click.umd.min.js`: Snowplow's link click tracking commands.
import { enableLinkClickTracking } from '../browser/link-click.js';
import { trackLinkClick } from '../core/events/track.js';
import { register } from './register.js';

register({
  enableLinkClickTracking,
  // Links added later are tracked without it (one delegated listener); kept so that a Snowplow page runs unchanged.
  refreshLinkClickTracking: () => undefined,
  trackLinkClick,
});
