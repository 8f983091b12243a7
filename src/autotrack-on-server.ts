// The Node entry's automatic tracking: the names and types of public-api-autotrack.ts
// (export parity), without their DOM code, which can do nothing on a server. Each
// returns a stop function (or a feature whose `stop` does nothing), as the browser's
// do outside a browser, so that server-side rendering can import and call them.
import type * as Browser from './public-api-autotrack.js';

const stopped = () => () => undefined;
const inert = () => ({ stop: () => undefined });

export const enableActivityTracking: typeof Browser.enableActivityTracking = stopped;
export const enableLinkClickTracking: typeof Browser.enableLinkClickTracking = stopped;
export const enableFormTracking: typeof Browser.enableFormTracking = stopped;
export const enableErrorTracking: typeof Browser.enableErrorTracking = stopped;
export const linkClickTracking: typeof Browser.linkClickTracking = inert;
export const formTracking: typeof Browser.formTracking = inert;
export const errorTracking: typeof Browser.errorTracking = inert;
export const enableSpaPageViews: typeof Browser.enableSpaPageViews = stopped;
export const spaPageViews: typeof Browser.spaPageViews = inert;
export const enableButtonClickTracking: typeof Browser.enableButtonClickTracking = stopped;
export const buttonClickTracking: typeof Browser.buttonClickTracking = inert;
// Entities of a page: a server has none to add.
export const enableGaCookies: typeof Browser.enableGaCookies = () => undefined;
export const gaCookies: typeof Browser.gaCookies = () => ({});
export const enablePerformanceNavigationTiming: typeof Browser.enablePerformanceNavigationTiming = () => undefined;
export const performanceNavigationTiming: typeof Browser.performanceNavigationTiming = () => ({});
// A server paints nothing: no web vitals.
export const enableWebVitals: typeof Browser.enableWebVitals = stopped;
export const webVitals: typeof Browser.webVitals = inert;
