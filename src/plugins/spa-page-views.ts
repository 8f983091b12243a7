// Add-on `dist/plugins/spa-page-views.umd.min.js`: page views at a single-page app's client-side navigations.
import { enableSpaPageViews } from '../browser/spa-page-views.js';
import { register } from './register.js';

register({ enableSpaPageViews });
