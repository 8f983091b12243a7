// Add-on `dist/plugins/consent.umd.min.js`: Snowplow's consent plugin commands.
import { trackConsentGranted, trackConsentWithdrawn } from '../core/events/consent.js';
import { register } from './register.js';

register({ trackConsentGranted, trackConsentWithdrawn });
