// The script-tag build (global `isotrack`). The async snippet defines a stub
// `isotrack(...)` that queues its arguments in `isotrack.q`; this file becomes the
// real function, replays the queue in order, and carries the classes, so that
// `isotrack('trackPageView')` and `new isotrack.Tracker(...)` both work.
import { Subject } from './core/subject.js';
import { Emitter } from './browser/emitter.js';
import { BrowserTracker, Tracker, newTracker } from './browser/tracker.js';
import { enableActivityTracking } from './browser/activity.js';
import { commandFunction } from './browser/command-queue.js';
import { autotrackCommands } from './browser/autotrack-commands.js';

const isotrack = Object.assign(commandFunction(autotrackCommands), { Tracker, Emitter, Subject, BrowserTracker, newTracker, enableActivityTracking });
const stub = (globalThis as { isotrack?: { q?: ArrayLike<unknown>[] } }).isotrack;
for (const args of stub?.q ?? []) (isotrack as (...a: unknown[]) => void)(...Array.from(args));

// UMD assigns the default export to `window.isotrack`, replacing the stub.
export default isotrack;
