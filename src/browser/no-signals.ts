import type { closeOnSignals as NodeCloseOnSignals } from '../node/close-on-signals.js';

/**
 * The browser build's `closeOnSignals`: a page has no process signals (it flushes on
 * `pagehide` by itself), so this does nothing and returns a disposer that does nothing.
 * The Node and neutral builds have the real one.
 */
export const closeOnSignals: typeof NodeCloseOnSignals = () => () => undefined;
