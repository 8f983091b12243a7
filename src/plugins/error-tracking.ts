// Add-on `dist/plugins/error-tracking.umd.min.js`: Snowplow's error tracking commands.
import { trackError } from '../core/events/application-error.js';
import { enableErrorTracking } from '../browser/errors.js';
import { register } from './register.js';

register({ enableErrorTracking, trackError });
