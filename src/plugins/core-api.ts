// What the core script tag lends its add-ons, as `isotrack.internal`. An add-on's build
// (rollup.config.mjs, `fromCoreTag`) turns its imports of these modules into reads of
// that object, so that an add-on never carries a second copy of core code: importing a
// name of these modules that is not listed here fails the build, and
// test/integration/built-modules.test.ts checks every add-on's source map.
// Not a public API: it changes with the core tag, and add-ons ship with it. Each name is
// lent under a one-letter key (`readFields as r`: `isotrack.internal.r`), which every
// add-on that uses it repeats; `addOnCommands` keeps its name (pages and tests reach it).
export { addOnCommands } from './registry.js';
export { inBrowser as b, listen as l } from '../browser/env.js';
export { getCookie as g } from '../browser/cookies.js';
export { warn as w } from '../core/plugins.js';
export { uuidv4 as v } from '../core/uuid.js';
export { contextArray as c, isSelfDescribing as s } from '../core/validation.js';
export { selfDescribing as j } from '../core/events/self-describing.js';
// The rule kinds and flags (rule-kinds.ts) are not lent: an add-on inlines those numbers.
export { readFields as r, requireArgs as a, fail as f, describe as d, isObject as o, UUID as u } from '../core/events/field-rules.js';
