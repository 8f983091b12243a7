// What the core script tag lends its add-ons, as `isotrack.internal`. An add-on's build
// (rollup.config.mjs, `fromCoreTag`) turns its imports of these modules into reads of
// that object, so that an add-on never carries a second copy of core code: importing a
// name of these modules that is not listed here fails the build, and
// test/integration/built-modules.test.ts checks every add-on's source map.
// Not a public API: it changes with the core tag, and add-ons ship with it.
export { addOnCommands } from './registry.js';
export { inBrowser, listen } from '../browser/env.js';
export { getCookie } from '../browser/cookies.js';
export { warn } from '../core/plugins.js';
export { uuidv4 } from '../core/uuid.js';
export { contextArray, isSelfDescribing } from '../core/validation.js';
export { selfDescribing } from '../core/events/self-describing.js';
// The rule kinds and flags (rule-kinds.ts) are not lent: an add-on inlines those numbers.
export { readFields, requireArgs, fail, describe, isObject, UUID } from '../core/events/field-rules.js';
