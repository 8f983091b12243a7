// Which source modules each built file carries, read from its source map, held here:
// a change that moves code into a build where it does not belong (Node-only code in a
// browser build, DOM code in the Node build, core code copied into an add-on) fails
// here, and so does any new module in a build, so that the lists are reviewed.
// Regenerate a list by printing `modulesOf(file)` after `npm run build`, and check it
// against the rules below before pasting it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = (file: string) => new URL(`../../dist/${file}`, import.meta.url);

/** The source modules of a built file, as paths under src/, sorted. */
function modulesOf(file: string): string[] {
  const map = JSON.parse(readFileSync(dist(`${file}.map`), 'utf8')) as { sources: string[] };
  return map.sources.map((source) => source.replace(/^.*?\/src\//, '')).sort();
}

const HELD: Record<string, string[]> = {
  'isotrack.umd.min.js': [
    'browser/command-queue.ts',
    'browser/cookies.ts',
    'browser/cross-domain.ts',
    'browser/emitter.ts',
    'browser/env.ts',
    'browser/identity.ts',
    'browser/load-add-on.ts',
    'browser/page-context.ts',
    'browser/persistent-store.ts',
    'browser/state-store.ts',
    'browser/storage.ts',
    'browser/tracker.ts',
    'core/base64-alphabet.ts',
    'core/base64.ts',
    'core/events/field-rules.ts',
    'core/events/page.ts',
    'core/events/rule-kinds.ts',
    'core/events/self-describing.ts',
    'core/events/struct.ts',
    'core/id-cookie.ts',
    'core/payload.ts',
    'core/platforms.ts',
    'core/plugins.ts',
    'core/schemas.ts',
    'core/sha1.ts',
    'core/subject.ts',
    'core/tracker.ts',
    'core/utf8.ts',
    'core/uuid.ts',
    'core/validation.ts',
    'emitter/backoff.ts',
    'emitter/callbacks.ts',
    'emitter/drop-reporter.ts',
    'emitter/emitter.ts',
    'emitter/endpoint.ts',
    'emitter/engine.ts',
    'emitter/memory-store.ts',
    'emitter/options.ts',
    'emitter/request.ts',
    'emitter/retry.ts',
    'emitter/timers.ts',
    'plugins/registry.ts',
    'transports/beacon.ts',
    'transports/fetch.ts',
    'umd.ts',
  ],
  'browser.js': [
    'browser/activity.ts',
    'browser/autotrack-plugin.ts',
    'browser/button-click.ts',
    'browser/command-queue.ts',
    'browser/cookies.ts',
    'browser/cross-domain.ts',
    'browser/element-filter.ts',
    'browser/emitter.ts',
    'browser/env.ts',
    'browser/errors.ts',
    'browser/form-tracking.ts',
    'browser/ga-cookies.ts',
    'browser/identity-on-server.ts',
    'browser/identity.ts',
    'browser/link-click.ts',
    'browser/load-add-on.ts',
    'browser/no-signals.ts',
    'browser/page-context.ts',
    'browser/performance-navigation-timing.ts',
    'browser/persistent-store.ts',
    'browser/spa-page-views.ts',
    'browser/state-store.ts',
    'browser/storage.ts',
    'browser/tracker.ts',
    'browser/web-vitals-metrics.ts',
    'browser/web-vitals.ts',
    'core/add-on-schemas.ts',
    'core/base64-alphabet.ts',
    'core/base64.ts',
    'core/events/ad-tracking.ts',
    'core/events/application-error.ts',
    'core/events/button-click.ts',
    'core/events/consent.ts',
    'core/events/ecommerce.ts',
    'core/events/enhanced-consent.ts',
    'core/events/field-rules.ts',
    'core/events/page.ts',
    'core/events/rule-kinds.ts',
    'core/events/screen-view.ts',
    'core/events/self-describing.ts',
    'core/events/snowplow-ecommerce-entities.ts',
    'core/events/snowplow-ecommerce-state.ts',
    'core/events/snowplow-ecommerce.ts',
    'core/events/struct.ts',
    'core/events/track.ts',
    'core/events/web-events.ts',
    'core/global-contexts-rules.ts',
    'core/global-contexts.ts',
    'core/id-cookie.ts',
    'core/identity-from-cookies.ts',
    'core/payload.ts',
    'core/platforms.ts',
    'core/plugins.ts',
    'core/schemas.ts',
    'core/sha1.ts',
    'core/subject.ts',
    'core/tracker.ts',
    'core/utf8.ts',
    'core/uuid.ts',
    'core/validation.ts',
    'emitter/backoff.ts',
    'emitter/callbacks.ts',
    'emitter/drop-reporter.ts',
    'emitter/emitter.ts',
    'emitter/endpoint.ts',
    'emitter/engine.ts',
    'emitter/memory-store.ts',
    'emitter/options.ts',
    'emitter/request.ts',
    'emitter/retry.ts',
    'emitter/timers.ts',
    'transports/beacon.ts',
    'transports/fetch.ts',
    'transports/node-http-unavailable.ts',
  ],
  'node.js': [
    'autotrack-on-server.ts',
    'browser/command-queue.ts',
    'browser/cookies.ts',
    'browser/cross-domain.ts',
    'browser/emitter.ts',
    'browser/env.ts',
    'browser/identity-on-server.ts',
    'browser/identity.ts',
    'browser/load-add-on.ts',
    'browser/page-context.ts',
    'browser/persistent-store.ts',
    'browser/state-store.ts',
    'browser/storage.ts',
    'browser/tracker.ts',
    'core/add-on-schemas.ts',
    'core/base64-alphabet.ts',
    'core/events/ad-tracking.ts',
    'core/events/application-error.ts',
    'core/events/button-click.ts',
    'core/events/consent.ts',
    'core/events/ecommerce.ts',
    'core/events/enhanced-consent.ts',
    'core/events/field-rules.ts',
    'core/events/page.ts',
    'core/events/rule-kinds.ts',
    'core/events/screen-view.ts',
    'core/events/self-describing.ts',
    'core/events/snowplow-ecommerce-entities.ts',
    'core/events/snowplow-ecommerce-state.ts',
    'core/events/snowplow-ecommerce.ts',
    'core/events/struct.ts',
    'core/events/track.ts',
    'core/events/web-events.ts',
    'core/global-contexts-rules.ts',
    'core/global-contexts.ts',
    'core/id-cookie.ts',
    'core/identity-from-cookies.ts',
    'core/payload.ts',
    'core/platforms.ts',
    'core/plugins.ts',
    'core/schemas.ts',
    'core/sha1.ts',
    'core/subject.ts',
    'core/tracker.ts',
    'core/utf8.ts',
    'core/uuid.ts',
    'core/validation.ts',
    'emitter/backoff.ts',
    'emitter/callbacks.ts',
    'emitter/drop-reporter.ts',
    'emitter/emitter.ts',
    'emitter/endpoint.ts',
    'emitter/engine.ts',
    'emitter/memory-store.ts',
    'emitter/options.ts',
    'emitter/packed-memory-store.ts',
    'emitter/request.ts',
    'emitter/retry.ts',
    'emitter/timers.ts',
    'node/base64.ts',
    'node/close-on-signals.ts',
    'node/emitter.ts',
    'node/exit-report.ts',
    'node/lifecycle.ts',
    'node/notices.ts',
    'node/platform.ts',
    'transports/beacon.ts',
    'transports/fetch.ts',
    'transports/node-http.ts',
  ],
  'plugins/activity-tracking.umd.min.js': [
    'browser/activity.ts',
    'plugins/activity-tracking.ts',
    'plugins/register.ts',
  ],
  'plugins/consent.umd.min.js': [
    'core/events/consent.ts',
    'core/events/rule-kinds.ts',
    'plugins/consent.ts',
    'plugins/register.ts',
  ],
  'plugins/ecommerce.umd.min.js': [
    'core/add-on-schemas.ts',
    'core/events/ecommerce.ts',
    'core/events/rule-kinds.ts',
    'core/events/track.ts',
    'core/events/web-events.ts',
    'plugins/ecommerce.ts',
    'plugins/register.ts',
  ],
  'plugins/error-tracking.umd.min.js': [
    'browser/autotrack-plugin.ts',
    'browser/errors.ts',
    'core/events/application-error.ts',
    'core/events/rule-kinds.ts',
    'plugins/error-tracking.ts',
    'plugins/register.ts',
  ],
  'plugins/form-tracking.umd.min.js': [
    'browser/autotrack-plugin.ts',
    'browser/element-filter.ts',
    'browser/form-tracking.ts',
    'core/add-on-schemas.ts',
    'core/events/rule-kinds.ts',
    'core/events/track.ts',
    'core/events/web-events.ts',
    'plugins/form-tracking.ts',
    'plugins/register.ts',
  ],
  'plugins/global-contexts.umd.min.js': [
    'core/global-contexts-rules.ts',
    'core/global-contexts.ts',
    'plugins/global-contexts.ts',
    'plugins/register.ts',
  ],
  'plugins/link-click.umd.min.js': [
    'browser/autotrack-plugin.ts',
    'browser/element-filter.ts',
    'browser/link-click.ts',
    'core/add-on-schemas.ts',
    'core/events/rule-kinds.ts',
    'core/events/track.ts',
    'core/events/web-events.ts',
    'plugins/link-click.ts',
    'plugins/register.ts',
  ],
  'plugins/screen-tracking.umd.min.js': [
    'core/add-on-schemas.ts',
    'core/events/rule-kinds.ts',
    'core/events/screen-view.ts',
    'core/events/track.ts',
    'plugins/register.ts',
    'plugins/screen-tracking.ts',
  ],
  'plugins/site-tracking.umd.min.js': [
    'core/add-on-schemas.ts',
    'core/events/rule-kinds.ts',
    'core/events/track.ts',
    'core/events/web-events.ts',
    'plugins/register.ts',
    'plugins/site-tracking.ts',
  ],
  'plugins/button-click-tracking.umd.min.js': [
    'browser/autotrack-plugin.ts',
    'browser/button-click.ts',
    'browser/element-filter.ts',
    'core/events/button-click.ts',
    'plugins/button-click-tracking.ts',
    'plugins/register.ts',
  ],
  'plugins/ad-tracking.umd.min.js': [
    'core/events/ad-tracking.ts',
    'core/events/rule-kinds.ts',
    'plugins/ad-tracking.ts',
    'plugins/register.ts',
  ],
  'plugins/enhanced-consent.umd.min.js': [
    'core/events/enhanced-consent.ts',
    'plugins/enhanced-consent.ts',
    'plugins/register.ts',
  ],
  'plugins/snowplow-ecommerce.umd.min.js': [
    'core/events/rule-kinds.ts',
    'core/events/snowplow-ecommerce-entities.ts',
    'core/events/snowplow-ecommerce-state.ts',
    'core/events/snowplow-ecommerce.ts',
    'plugins/register.ts',
    'plugins/snowplow-ecommerce.ts',
  ],
  'plugins/ga-cookies.umd.min.js': [
    'browser/ga-cookies.ts',
    'plugins/ga-cookies.ts',
    'plugins/register.ts',
  ],
  'plugins/performance-navigation-timing.umd.min.js': [
    'browser/performance-navigation-timing.ts',
    'plugins/performance-navigation-timing.ts',
    'plugins/register.ts',
  ],
  'plugins/web-vitals.umd.min.js': [
    'browser/autotrack-plugin.ts',
    'browser/element-filter.ts',
    'browser/web-vitals-metrics.ts',
    'browser/web-vitals.ts',
    'plugins/register.ts',
    'plugins/web-vitals.ts',
  ],
  'plugins/spa-page-views.umd.min.js': [
    'browser/autotrack-plugin.ts',
    'browser/spa-page-views.ts',
    'plugins/register.ts',
    'plugins/spa-page-views.ts',
  ],
};

const ADD_ONS = readdirSync(dist('plugins'))
  .filter((file) => file.endsWith('.umd.min.js'))
  .map((file) => `plugins/${file}`);
/** Modules of number constants that the add-ons inline rather than borrow from the core tag. */
const INLINED_CONSTANTS = ['core/events/rule-kinds.ts'];
const NODE_ONLY = /^(node\/|transports\/node-http\.ts$)/;
const DOM_AUTOTRACK = ['browser/activity.ts', 'browser/link-click.ts', 'browser/form-tracking.ts', 'browser/errors.ts', 'browser/element-filter.ts', 'browser/autotrack-plugin.ts',
  'browser/spa-page-views.ts', 'browser/button-click.ts', 'browser/ga-cookies.ts', 'browser/performance-navigation-timing.ts'];

describe('the source modules of each built file', () => {
  for (const [file, modules] of Object.entries(HELD)) {
    it(`${file} carries exactly its held list`, () => {
      expect(existsSync(dist(`${file}.map`)), 'run npm run build first').toBe(true);
      expect(modulesOf(file)).toEqual(modules);
    });
  }

  it('every add-on in dist/plugins/ has a held list', () => {
    expect(ADD_ONS.filter((file) => !HELD[file])).toEqual([]);
  });

  it('the script tag, its add-ons and dist/browser.js carry no Node-only module', () => {
    for (const file of ['isotrack.umd.min.js', 'browser.js', ...ADD_ONS]) expect(modulesOf(file).filter((m) => NODE_ONLY.test(m)), file).toEqual([]);
  });

  it('dist/node.js carries none of the DOM-only automatic tracking (inert stand-ins instead)', () => {
    expect(modulesOf('node.js').filter((m) => DOM_AUTOTRACK.includes(m))).toEqual([]);
    expect(modulesOf('node.js')).toContain('autotrack-on-server.ts');
  });

  it('an add-on carries no module of the core tag: it uses the loaded core through isotrack.internal', () => {
    const core = new Set(modulesOf('isotrack.umd.min.js'));
    // Except the rule kinds: numbers that the minifier writes into each rule table, cheaper
    // than a read of `isotrack.internal` each.
    for (const file of ADD_ONS) expect(modulesOf(file).filter((m) => core.has(m) && !INLINED_CONSTANTS.includes(m)), file).toEqual([]);
  });

  it('a module whose constants add-ons inline holds only number constants (no code to copy)', () => {
    for (const module of INLINED_CONSTANTS) {
      const code = readFileSync(new URL(`../../src/${module}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const statements = code.split('\n').map((line) => line.trim()).filter(Boolean);
      expect(statements.length, module).toBeGreaterThan(0);
      for (const statement of statements) expect(statement, module).toMatch(/^export const [A-Z_]+ = \d+;$/);
    }
  });

  it('the core tag carries none of the add-ons’ features', () => {
    const features = ['core/events/web-events.ts', 'core/events/track.ts', 'core/global-contexts.ts', 'core/events/consent.ts', 'core/events/application-error.ts', 'core/events/ecommerce.ts', 'core/events/screen-view.ts', ...DOM_AUTOTRACK];
    expect(modulesOf('isotrack.umd.min.js').filter((m) => features.includes(m))).toEqual([]);
  });
});
