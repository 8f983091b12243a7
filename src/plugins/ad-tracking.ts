// Add-on `dist/plugins/ad-tracking.umd.min.js`: Snowplow's ad tracking commands.
import { trackAdClick, trackAdConversion, trackAdImpression } from '../core/events/ad-tracking.js';
import { register } from './register.js';

register({ trackAdImpression, trackAdClick, trackAdConversion });
