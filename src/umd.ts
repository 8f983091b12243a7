// The core script tag (global `isotrack`). The async snippet defines a stub
// `isotrack(...)` that queues its arguments in `isotrack.q`; this file becomes the
// real function and replays the queue in order. It holds what a page needs for its
// first event (trackers, page views, structured and self-describing events, identity,
// the persistent queue and unload-safe delivery); everything else is an add-on in
// dist/plugins/, loaded with `isotrack('addPlugin', url)` (src/plugins/).
import { Subject } from './core/subject.js';
import { BaseTracker, type TrackerOptions } from './core/tracker.js';
import type { EventSink } from './core/types.js';
import { Emitter } from './browser/emitter.js';
import { BrowserTracker, newTracker } from './browser/tracker.js';
import { commandFunction } from './browser/command-queue.js';
import * as internal from './plugins/core-api.js';

/** The tag's class API: the lean tracker, with platform `web` by default. */
class Tracker extends BaseTracker {
  constructor(emitters: EventSink | EventSink[], options: TrackerOptions = {}) {
    super(emitters, { platform: 'web', ...options });
  }
}

const isotrack = Object.assign(commandFunction(internal.addOnCommands), { Tracker, Emitter, Subject, BrowserTracker, newTracker, internal });
const stub = (globalThis as { isotrack?: { q?: ArrayLike<unknown>[] } }).isotrack;
// Assigned before the replay, so that an add-on loaded by a queued addPlugin finds the core.
(globalThis as { isotrack?: unknown }).isotrack = isotrack;
for (const args of stub?.q ?? []) (isotrack as (...a: unknown[]) => void)(...Array.from(args));

// UMD assigns the default export to `window.isotrack` too.
export default isotrack;
