// The DOM-only automatic tracking, as the browser and neutral entries export it (the
// Node entry exports inert stand-ins with the same types: autotrack-on-server.ts).
// Each is inert outside a browser, so that server-side rendering can import and call it.
export { enableActivityTracking } from './browser/activity.js';
export { enableLinkClickTracking, linkClickTracking } from './browser/link-click.js';
export { enableFormTracking, formTracking } from './browser/form-tracking.js';
export { enableErrorTracking, errorTracking } from './browser/errors.js';
