// Add-on `dist/plugins/activity-tracking.umd.min.js`: page pings while the user is active.
import { enableActivityTracking } from '../browser/activity.js';
import { register } from './register.js';

register({ enableActivityTracking });
