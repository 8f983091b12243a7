// The DOM-only automatic tracking, as the browser and neutral entries export it (the
// Node entry exports inert stand-ins with the same types: autotrack-on-server.ts).
// Each is inert outside a browser, so that server-side rendering can import and call it.
export { enableActivityTracking } from './browser/activity.js';
export { enableLinkClickTracking, linkClickTracking } from './browser/link-click.js';
export { enableFormTracking, formTracking } from './browser/form-tracking.js';
export { enableErrorTracking, errorTracking } from './browser/errors.js';
export { enableSpaPageViews, spaPageViews } from './browser/spa-page-views.js';
export { enableButtonClickTracking, buttonClickTracking } from './browser/button-click.js';
export { enableGaCookies, gaCookies } from './browser/ga-cookies.js';
export { enablePerformanceNavigationTiming, performanceNavigationTiming } from './browser/performance-navigation-timing.js';
export { enableWebVitals, webVitals } from './browser/web-vitals.js';
