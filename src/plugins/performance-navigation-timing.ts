// Add-on `dist/plugins/performance-navigation-timing.umd.min.js`: the navigation timing entity on page views.
// `isotrack('enablePerformanceNavigationTiming')` adds it; a migrating page's Snowplow form
// `isotrack('addPlugin', url, ['snowplowPerformanceNavigationTiming', 'PerformanceNavigationTimingPlugin'])` does too.
import { enablePerformanceNavigationTiming, performanceNavigationTiming } from '../browser/performance-navigation-timing.js';
import { register } from './register.js';

register({ enablePerformanceNavigationTiming });
(window as unknown as Record<string, unknown>).snowplowPerformanceNavigationTiming = { PerformanceNavigationTimingPlugin: performanceNavigationTiming };
